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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A report is answered again from the cache until something it reads changes, and never after. */
class ReportCacheTest extends IntegrationTest {

    private static final String PERIOD = "region=350112&from=2017-01-01&to=2017-12-31";

    @Autowired
    private ReportCache cache;

    @BeforeEach
    void ledger() {
        fixtures.reset();
        importProjects("100", 200);
    }

    @Test
    void aReportIsAnsweredAgainUntilAChangeToAProjectReachesIt() {
        JsonNode first = get("/api/v1/reports/summary?" + PERIOD);
        long[] before = cache.counts();
        assertThat(get("/api/v1/reports/summary?" + PERIOD)).isEqualTo(first);
        assertThat(cache.counts()[0]).as("answered from the cache").isEqualTo(before[0] + 1);
        assertThat(cache.counts()[1]).isEqualTo(before[1]);
        assertThat(first.get("total").get("investment").decimalValue()).isEqualByComparingTo("300.00");

        long version = version();
        importProjects("150", 200); // the re-import changes one project's investment
        assertThat(version()).isGreaterThan(version);
        assertThat(get("/api/v1/reports/summary?" + PERIOD).get("total").get("investment").decimalValue())
                .isEqualByComparingTo("350.00");
        assertThat(cache.counts()[1]).as("computed again").isEqualTo(before[1] + 1);
    }

    @Test
    void theBriefingsPartsAreKeptAtTheVersionTheBriefingRead() {
        long[] before = cache.counts();
        assertThat(admin().get("/api/v1/reports/briefing?" + PERIOD).statusCode()).isEqualTo(200);
        assertThat(cache.counts()[1]).as("the briefing, its chains and its events").isEqualTo(before[1] + 3);
        JsonNode chains = get("/api/v1/reports/by-chain?" + PERIOD);
        JsonNode events = get("/api/v1/reports/events?" + PERIOD);
        assertThat(cache.counts()[0]).as("both computed with the briefing").isEqualTo(before[0] + 2);
        assertThat(cache.counts()[1]).isEqualTo(before[1] + 3);
        assertThat(chains.toString()).contains("大数据");
        assertThat(events.toString()).contains("海交会X");
    }

    @Test
    void renamingAUnitAChainOrAnEventShowsAtOnce() {
        assertThat(get("/api/v1/reports/by-unit?" + PERIOD).toString()).contains("园区甲");
        assertThat(get("/api/v1/reports/by-chain?" + PERIOD).toString()).contains("大数据");
        assertThat(get("/api/v1/reports/events?" + PERIOD).toString()).contains("海交会X");
        assertThat(admin().get("/api/v1/reports/briefing?" + PERIOD).body()).contains("园区甲");
        fixtures.jdbc().sql("update unit set name = '园区丙' where name = '园区甲'").update();
        fixtures.jdbc().sql("update industry_chain set name = '数字经济' where name = '大数据'").update();
        fixtures.jdbc().sql("update signing_event set name = '海交会Y' where name = '海交会X'").update();
        assertThat(get("/api/v1/reports/by-unit?" + PERIOD).toString()).contains("园区丙").doesNotContain("园区甲");
        assertThat(get("/api/v1/reports/by-chain?" + PERIOD).toString()).contains("数字经济").doesNotContain("大数据");
        assertThat(get("/api/v1/reports/events?" + PERIOD).toString()).contains("海交会Y").doesNotContain("海交会X");
        assertThat(admin().get("/api/v1/reports/briefing?" + PERIOD).body()).contains("园区丙").doesNotContain("园区甲");
    }

    @Test
    void whatChangesNoReportLeavesTheVersionAndTheCachedReport() {
        get("/api/v1/reports/by-unit?" + PERIOD);
        long version = version();
        importProjects("100", 200); // the same file again: every row unchanged, its units and chains ensured again
        Csv bad = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目编号", "C9", "项目名称", "坏行", "行政区划代码", "350112", "总投资(万元)", "一百", "对接日期", "2017-01-01"));
        assertThat(admin().upload("/api/v1/projects/import", "bad.csv", bad.utf8()).statusCode()).isEqualTo(422);
        fixtures.jdbc().sql("insert into unit (region_code, name, kind) values ('350112', '新设园区', 'PARK')").update();
        assertThat(version()).isEqualTo(version);
        long hits = cache.counts()[0];
        get("/api/v1/reports/by-unit?" + PERIOD);
        assertThat(cache.counts()[0]).isEqualTo(hits + 1);
    }

    @Test
    void aUnitsStaffAndTheOfficeKeepTheirOwnAnswers() {
        var office = as("cacheoffice", fixtures.account("cacheoffice", "OFFICE", "350112", null));
        var staff = as("cachestaff", fixtures.account("cachestaff", "UNIT_STAFF", "350112", "园区甲"));
        for (int i = 0; i < 2; i++) { // the second time from the cache
            HttpResponse<String> all = office.get("/api/v1/reports/summary?" + PERIOD);
            HttpResponse<String> own = staff.get("/api/v1/reports/summary?" + PERIOD);
            assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
            assertThat(Json.parse(all.body()).get("total").get("count").asLong()).isEqualTo(2);
            assertThat(Json.parse(own.body()).get("total").get("count").asLong()).as("only the unit's project").isEqualTo(1);
        }
    }

    private void importProjects(String firstInvestment, int secondInvestment) {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期", "签约日期", "签约活动")
                .row(row("项目编号", "C1", "项目名称", "缓存项目一", "行政区划代码", "350112", "责任单位", "园区甲", "产业链", "大数据",
                        "总投资(万元)", firstInvestment, "对接日期", "2017-02-01", "签约日期", "2017-05-18", "签约活动", "海交会X"))
                .row(row("项目编号", "C2", "项目名称", "缓存项目二", "行政区划代码", "350112", "责任单位", "街道乙", "产业链", "医疗健康",
                        "总投资(万元)", String.valueOf(secondInvestment), "对接日期", "2017-03-01", "签约日期", "", "签约活动", ""));
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "cache.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private long version() {
        return fixtures.jdbc().sql("select n from report_version").query(Long.class).single();
    }

    private JsonNode get(String path) {
        HttpResponse<String> r = admin().get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }
}
