package cn.zhaoshang.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The demo ledger, loaded through the import, reproduces every figure of the 2017 Changle article through the API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangleFiguresTest extends IntegrationTest {

    private static final String JULY = "?region=350112&from=2017-01-01&to=2017-07-31";

    @BeforeAll
    void demo() {
        fixtures.changleDemo();
    }

    @Test
    void theJulyPoolIs247ProjectsOf1947point6亿() {
        JsonNode s = get("/api/v1/reports/summary" + JULY);
        assertFigures(s.get("total"), 247, "19476000.00");
        assertFigures(s.get("stages").get("LANDED"), 105, "7562000.00");
        assertFigures(s.get("stages").get("LEAD"), 126, "7690100.00");
        assertFigures(s.get("stages").get("SIGNED"), 16, "4223900.00");
    }

    @Test
    void the518EvaluationCounts59LandedProjectsOf369point81亿() {
        JsonNode s = get("/api/v1/reports/summary?region=350112&from=2017-01-01&to=2017-05-18");
        assertFigures(s.get("stages").get("LANDED"), 59, "3698100.00");
        // the prefecture ranks its counties on the same figure: Fuzhou's rollup gives the same
        assertFigures(get("/api/v1/reports/summary?region=350100&from=2017-01-01&to=2017-05-18").get("stages").get("LANDED"),
                59, "3698100.00");
    }

    @Test
    void theTwoParksHave97ProjectsOf776point38亿With32Landed() {
        long count = 0;
        BigDecimal investment = BigDecimal.ZERO;
        long landed = 0;
        BigDecimal landedInvestment = BigDecimal.ZERO;
        for (JsonNode r : get("/api/v1/reports/by-unit" + JULY).get("rows")) {
            if (r.get("key").asText().equals("东南大数据产业园") || r.get("key").asText().equals("福州滨海新城")) {
                count += r.get("count").asLong();
                investment = investment.add(r.get("investment").decimalValue());
                landed += r.get("landed").get("count").asLong();
                landedInvestment = landedInvestment.add(r.get("landed").get("investment").decimalValue());
            }
        }
        assertThat(count).isEqualTo(97);
        assertThat(investment).isEqualByComparingTo("7763800.00");
        assertThat(landed).isEqualTo(32);
        assertThat(landedInvestment).isEqualByComparingTo("4429800.00");
    }

    @Test
    void twentyOne医疗健康ProjectsHaveLanded() {
        JsonNode rows = get("/api/v1/reports/by-chain" + JULY).get("rows");
        JsonNode health = null;
        for (JsonNode r : rows) {
            if (r.get("key").asText().equals("医疗健康")) {
                health = r;
            }
        }
        assertThat(health).isNotNull();
        assertThat(health.get("landed").get("count").asLong()).isEqualTo(21);
    }

    @Test
    void the19thCrossStraitFairSigned55ProjectsWith15OnStage() {
        JsonNode rows = get("/api/v1/reports/events" + JULY).get("rows");
        assertThat(rows).hasSize(1);
        JsonNode fair = rows.get(0);
        assertThat(fair.get("event").asText()).isEqualTo("第十九届海交会");
        assertThat(fair.get("count").asLong()).isEqualTo(55);
        assertThat(fair.get("investment").decimalValue()).isEqualByComparingTo("4483800.00");
        assertThat(fair.get("foreignInvestment").decimalValue()).isEqualByComparingTo("442000.00");
        assertThat(fair.get("utilizedForeignCapital").decimalValue()).isEqualByComparingTo("130000.00");
        JsonNode stage = fair.get("onStage");
        assertThat(stage.get("count").asLong()).isEqualTo(15);
        assertThat(stage.get("investment").decimalValue()).isEqualByComparingTo("2727600.00");
        assertThat(stage.get("foreignInvestment").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(stage.get("utilizedForeignCapital").decimalValue()).isEqualByComparingTo("120000.00");
    }

    @Test
    void theBriefingReadsLikeTheArticle() {
        String text = admin().get("/api/v1/reports/briefing" + JULY).body();
        assertThat(text).contains("截至2017年7月31日")
                .contains("对接洽谈项目247个、总投资1947.6亿元")
                .contains("落地项目105个、总投资756.2亿元")
                .contains("线索项目126个、总投资769.01亿元")
                .contains("已签约项目16个、总投资422.39亿元")
                .contains("第十九届海交会共签约项目55项，总投资448.38亿元、外资44.2亿美元、利用外资13亿美元")
                .contains("15个重点项目上台签约，总投资272.76亿元、外资30亿美元、利用外资12亿美元");
        String traditional = admin().get("/api/v1/reports/briefing" + JULY + "&lang=zh-TW").body();
        assertThat(traditional).contains("對接洽談項目247個、總投資1947.6億元").contains("落地項目105個、總投資756.2億元")
                .contains("線索項目126個、總投資769.01億元").contains("已簽約項目16個、總投資422.39億元")
                .doesNotContain("对接洽谈");
    }

    @Test
    void theFissionOf360IsLinkedParentToChildren() {
        JsonNode list = get("/api/v1/projects?q=360&size=50");
        long children = 0;
        String parent = null;
        for (JsonNode p : list.get("items")) {
            if (p.get("name").asText().equals("360产业园")) {
                parent = p.get("code").asText();
            }
        }
        assertThat(parent).isNotNull();
        for (JsonNode p : list.get("items")) {
            if (parent.equals(p.get("parentCode").asText(null))) {
                children++;
            }
        }
        assertThat(children).isEqualTo(6);
    }

    private JsonNode get(String path) {
        var r = admin().get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static void assertFigures(JsonNode f, long count, String investment) {
        assertThat(f.get("count").asLong()).isEqualTo(count);
        assertThat(f.get("investment").decimalValue()).isEqualByComparingTo(investment);
    }
}
