package cn.zhaoshang.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every rule of the CONTRACT.md §4 pool, each carried by a project of its own, through the real import and API. */
class ReportPoolTest extends IntegrationTest {

    private static final String[] HEADERS = {"项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "外资(万美元)",
            "实际利用外资(万美元)", "对接日期", "签约日期", "落地日期", "开工日期", "竣工日期", "终止日期", "签约活动", "上台签约"};

    private static final String PERIOD = "&from=2017-01-01&to=2017-07-31";

    @BeforeEach
    void ledger() {
        fixtures.reset();
        Csv csv = Csv.of(HEADERS)
                .row(p("T01", "线索A", "350112", "园区甲", "大数据", "100", "2017-02-01", "", "", "", "", "", "", ""))
                .row(p("T02", "签约B", "350112", "园区甲", "大数据", "200", "2017-01-10", "2017-03-01", "", "", "", "", "", ""))
                .row(p("T03", "跨年落地C", "350112", "园区甲", "医疗健康", "300", "2016-11-01", "2016-12-01", "2017-04-01", "", "", "", "", ""))
                .row(p("T04", "只填开工D", "350112", "街道乙", "医疗健康", "400", "2017-01-05", "", "", "2017-04-02", "", "", "", ""))
                .row(p("T05", "去年落地E", "350112", "街道乙", "大数据", "500", "2016-05-01", "", "2016-12-31", "", "", "", "", ""))
                .row(p("T06", "期内终止F", "350112", "街道乙", "大数据", "600", "2017-01-01", "", "", "", "", "2017-06-01", "", ""))
                .row(p("T07", "期后终止G", "350112", "园区甲", "大数据", "700", "2017-01-01", "2017-02-01", "", "", "", "2017-08-15", "", ""))
                .row(p("T08", "期后对接H", "350112", "园区甲", "大数据", "800", "2017-08-01", "", "", "", "", "", "", ""))
                .row(p("T09", "期后签约I", "350112", "街道乙", "", "900", "2017-03-01", "2017-08-10", "", "", "", "", "", ""))
                .row(p("T10", "期后落地J", "350112", "街道乙", "大数据", "1000.50", "2017-03-01", "2017-07-01", "2017-09-01", "", "", "", "", ""))
                .row(withForeign(p("T11", "海交上台K", "350112", "园区甲", "大数据", "1100.25", "2017-04-01", "2017-05-18", "", "", "", "", "海交会X", "是"), "50.5", "20"))
                .row(withForeign(p("T12", "海交落地L", "350112", "园区甲", "医疗健康", "1200", "2017-04-01", "2017-05-18", "2017-06-01", "", "", "", "海交会X", "否"), "10", ""))
                .row(p("T13", "海交期后签M", "350112", "街道乙", "大数据", "1300", "2017-04-01", "2017-08-20", "", "", "", "", "海交会X", ""))
                .row(p("T14", "旧代码N", "350182", "街道乙", "大数据", "1400", "2017-02-01", "", "", "", "", "", "", ""))
                .row(p("T15", "闽侯O", "350121", "闽侯园区", "大数据", "1500", "2017-02-01", "", "2017-03-01", "", "", "", "", ""))
                .row(p("T16", "厦门P", "350203", "思明街道", "大数据", "1600", "2017-02-01", "", "", "", "", "", "", ""))
                .row(p("T17", "首日落地Q", "350112", "街道乙", "医疗健康", "1700", "2016-10-01", "", "2017-01-01", "", "", "", "", ""))
                .row(p("T18", "末日终止R", "350112", "街道乙", "大数据", "1800", "2017-01-01", "", "", "", "", "2017-07-31", "", ""))
                .row(p("T19", "末日对接S", "350112", "园区甲", "大数据", "1900", "2017-07-31", "", "", "", "", "", "", ""));
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "pool.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("created").asInt()).isEqualTo(19);
    }

    @Test
    void summaryAppliesEveryPoolRuleAndTheStageOnTo() {
        JsonNode s = get("/api/v1/reports/summary?region=350112" + PERIOD);
        assertThat(s.get("region").asText()).isEqualTo("350112");
        assertFigures(s.get("total"), 13, "12200.75");
        assertFigures(s.get("stages").get("LEAD"), 5, "5600.00");
        assertFigures(s.get("stages").get("SIGNED"), 4, "3000.75");
        assertFigures(s.get("stages").get("LANDED"), 4, "3600.00");
    }

    @Test
    void aRegionCoversEveryRegionUnderItAndARetiredCodeMeansItsSuccessor() {
        assertFigures(get("/api/v1/reports/summary?region=350100" + PERIOD).get("total"), 14, "13700.75");
        assertFigures(get("/api/v1/reports/summary?region=350100" + PERIOD).get("stages").get("LANDED"), 5, "5100.00");
        assertFigures(get("/api/v1/reports/summary?region=350000" + PERIOD).get("total"), 15, "15300.75");
        JsonNode retired = get("/api/v1/reports/summary?region=350182" + PERIOD);
        assertThat(retired.get("region").asText()).isEqualTo("350112");
        assertFigures(retired.get("total"), 13, "12200.75");
        assertThat(get("/api/v1/projects/T14").get("region").asText()).isEqualTo("350112");
    }

    @Test
    void byUnitAndByChainSplitThePoolWithoutLosingAProject() {
        Map<String, JsonNode> units = rows(get("/api/v1/reports/by-unit?region=350112" + PERIOD), "key");
        assertThat(units).containsOnlyKeys("园区甲", "街道乙");
        assertGroup(units.get("园区甲"), 7, "5500.25", 2, "1500.00");
        assertGroup(units.get("街道乙"), 6, "6700.50", 2, "2100.00");
        Map<String, JsonNode> chains = rows(get("/api/v1/reports/by-chain?region=350112" + PERIOD), "key");
        assertThat(chains).containsOnlyKeys("大数据", "医疗健康", "（未填产业链）");
        assertGroup(chains.get("大数据"), 8, "7700.75", 0, "0.00");
        assertGroup(chains.get("医疗健康"), 4, "3600.00", 4, "3600.00");
        assertGroup(chains.get("（未填产业链）"), 1, "900.00", 0, "0.00");
    }

    @Test
    void eventsCountOnlySigningsOnOrBeforeTo() {
        JsonNode rows = get("/api/v1/reports/events?region=350112" + PERIOD).get("rows");
        assertThat(rows).hasSize(1);
        JsonNode e = rows.get(0);
        assertThat(e.get("event").asText()).isEqualTo("海交会X");
        assertThat(e.get("count").asLong()).isEqualTo(2);
        assertThat(e.get("investment").decimalValue()).isEqualByComparingTo("2300.25");
        assertThat(e.get("foreignInvestment").decimalValue()).isEqualByComparingTo("60.50");
        assertThat(e.get("utilizedForeignCapital").decimalValue()).isEqualByComparingTo("20.00");
        JsonNode onStage = e.get("onStage");
        assertThat(onStage.get("count").asLong()).isEqualTo(1);
        assertThat(onStage.get("investment").decimalValue()).isEqualByComparingTo("1100.25");
        assertThat(onStage.get("foreignInvestment").decimalValue()).isEqualByComparingTo("50.50");
        assertThat(get("/api/v1/reports/events?region=350112&from=2017-01-01&to=2017-05-17").get("rows")).isEmpty();
    }

    @Test
    void moneyIsWrittenExactlyWithTwoDecimals() {
        String body = admin().get("/api/v1/reports/summary?region=350112" + PERIOD).body();
        assertThat(body).contains("\"investment\":12200.75").contains("\"investment\":5600.00");
    }

    @Test
    void everyDrilldownListAddsUpToItsFigure() {
        JsonNode all = get("/api/v1/reports/projects?region=350112" + PERIOD + "&size=100");
        assertThat(all.get("total").asLong()).isEqualTo(13);
        assertThat(all.get("investment").decimalValue()).isEqualByComparingTo("12200.75");
        JsonNode landedInUnit = get("/api/v1/reports/projects?region=350112" + PERIOD + "&stage=LANDED&unit=街道乙");
        assertThat(landedInUnit.get("total").asLong()).isEqualTo(2);
        assertThat(landedInUnit.get("investment").decimalValue()).isEqualByComparingTo("2100.00");
        assertThat(landedInUnit.get("items")).extracting(n -> n.get("code").asText()).containsExactlyInAnyOrder("T04", "T17");
        JsonNode onStage = get("/api/v1/reports/projects?region=350112" + PERIOD + "&event=海交会X&onStage=true");
        assertThat(onStage.get("items")).extracting(n -> n.get("code").asText()).containsExactly("T11");
    }

    @Test
    void briefingStatesTheSummaryIn亿元() {
        HttpResponse<String> r = admin().get("/api/v1/reports/briefing?region=350000" + PERIOD);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        // 15300.75万元 = 1.5300750亿元 → 1.53
        assertThat(r.body()).contains("对接洽谈项目15个、总投资1.53亿元").contains("落地项目5个、总投资0.51亿元")
                .contains("线索项目6个、总投资0.72亿元").contains("已签约项目4个、总投资0.3亿元");
        assertThat(admin().get("/api/v1/reports/briefing?region=350000" + PERIOD + "&lang=zh-TW").body())
                .contains("對接洽談項目15個、總投資1.53億元");
    }

    private JsonNode get(String path) {
        HttpResponse<String> r = admin().get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static Map<String, JsonNode> rows(JsonNode body, String key) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        body.get("rows").forEach(r -> m.put(r.get(key).asText(), r));
        return m;
    }

    private static void assertFigures(JsonNode f, long count, String investment) {
        assertThat(f.get("count").asLong()).isEqualTo(count);
        assertThat(f.get("investment").decimalValue()).isEqualByComparingTo(investment);
    }

    private static void assertGroup(JsonNode row, long count, String investment, long landed, String landedInvestment) {
        assertFigures(row, count, investment);
        assertFigures(row.get("landed"), landed, landedInvestment);
    }

    private static Map<String, String> p(String code, String name, String region, String unit, String chain, String investment,
                                         String contacted, String signed, String landed, String started, String completed,
                                         String terminated, String event, String onStage) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("项目编号", code);
        m.put("项目名称", name);
        m.put("行政区划代码", region);
        m.put("责任单位", unit);
        m.put("产业链", chain);
        m.put("总投资(万元)", investment);
        m.put("对接日期", contacted);
        m.put("签约日期", signed);
        m.put("落地日期", landed);
        m.put("开工日期", started);
        m.put("竣工日期", completed);
        m.put("终止日期", terminated);
        m.put("签约活动", event);
        m.put("上台签约", onStage);
        return m;
    }

    private static Map<String, String> withForeign(Map<String, String> row, String foreign, String utilized) {
        row.put("外资(万美元)", foreign);
        row.put("实际利用外资(万美元)", utilized);
        return row;
    }
}
