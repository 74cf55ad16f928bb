package cn.zhaoshang.visit;

import static cn.zhaoshang.visit.VisitTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every figure of the visits report on a fixture small enough to count by hand:
 * <pre>
 * team A (350112)  03-01 E1, 03-01 E2, 03-02 E1, 03-02 E3, 03-03 E3 (第1批); 04-10 E1 来访考察; 2016-12-31 E2 (before the period)
 * team B (350112)  03-01 E1, 03-05 E4, 03-05 E5 (第2批); 04-11 E6 来访考察
 * team D (350182 → 350112)  06-01 E4
 * team R (350112)  only 来访考察: 05-01 E6
 * team C (350102)  03-01 E2, 03-03 E2 (its own 第1批)
 * </pre>
 */
class VisitReportTest extends IntegrationTest {

    private static final String YEAR = "&from=2017-01-01&to=2017-12-31";

    @BeforeEach
    void fixture() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(v("2017-03-01", "A", "350112", "E1", "外出拜访", "2017年第1批"))
                .row(v("2017-03-01", "A", "350112", "E2", "外出拜访", "2017年第1批"))
                .row(v("2017-03-02", "A", "350112", "E1", "外出拜访", "2017年第1批"))
                .row(v("2017-03-02", "A", "350112", "E3", "外出拜访", "2017年第1批"))
                .row(v("2017-03-03", "A", "350112", "E3", "外出拜访", "2017年第1批"))
                .row(v("2017-04-10", "A", "350112", "E1", "来访考察", ""))
                .row(v("2016-12-31", "A", "350112", "E2", "外出拜访", ""))
                .row(v("2017-03-01", "B", "350112", "E1", "外出拜访", "2017年第2批"))
                .row(v("2017-03-05", "B", "350112", "E4", "外出拜访", "2017年第2批"))
                .row(v("2017-03-05", "B", "350112", "E5", "外出拜访", "2017年第2批"))
                .row(v("2017-04-11", "B", "350112", "E6", "来访考察", ""))
                .row(v("2017-06-01", "D", "350182", "E4", "外出拜访", ""))
                .row(v("2017-05-01", "R", "350112", "E6", "来访考察", ""))
                .row(v("2017-03-01", "C", "350102", "E2", "外出拜访", "2017年第1批"))
                .row(v("2017-03-03", "C", "350102", "E2", "外出拜访", "2017年第1批"));
        var r = admin().upload("/api/v1/visits/import", "report.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void theCountysFiguresAreThoseCountedByHand() {
        JsonNode r = report("350112");
        JsonNode t = r.get("total");
        assertThat(t.get("visits").asLong()).isEqualTo(9);
        assertThat(t.get("enterprises").asLong()).isEqualTo(5);
        assertThat(t.get("days").asLong()).isEqualTo(5);
        assertThat(t.get("visitsPerDay").decimalValue()).isEqualByComparingTo("1.80");
        assertThat(admin().get("/api/v1/reports/visits?region=350112" + YEAR).body())
                .as("two decimals on the wire").contains("\"visitsPerDay\":1.80").contains("\"visitsPerDay\":1.00")
                .contains("\"visitsPerDay\":0.00");
        assertThat(t.get("repeatEnterprises").asLong()).as("E1 by A and B, E3 by A, E4 by B and D").isEqualTo(3);
        assertThat(t.get("inspections").asLong()).isEqualTo(3);
        assertThat(t.get("batches").asLong()).isEqualTo(2);

        Map<String, JsonNode> teams = byName(r.get("teams"), "team");
        assertThat(teams.keySet()).containsExactlyInAnyOrder("A", "B", "D", "R");
        assertTeam(teams.get("A"), 5, 3, 3, "1.67", 2);
        assertTeam(teams.get("B"), 3, 3, 2, "1.50", 0);
        assertTeam(teams.get("D"), 1, 1, 1, "1.00", 0);
        assertTeam(teams.get("R"), 0, 0, 0, "0.00", 0);

        Map<String, JsonNode> enterprises = byName(r.get("enterprises"), "enterprise");
        assertThat(enterprises.keySet()).containsExactlyInAnyOrder("E1", "E2", "E3", "E4", "E5", "E6");
        assertEnterprise(enterprises.get("E1"), 3, 1);
        assertEnterprise(enterprises.get("E2"), 1, 0);
        assertEnterprise(enterprises.get("E3"), 2, 0);
        assertEnterprise(enterprises.get("E4"), 2, 0);
        assertEnterprise(enterprises.get("E5"), 1, 0);
        assertEnterprise(enterprises.get("E6"), 0, 2);
    }

    @Test
    void thePrefectureRollsUpItsCountiesAndARetiredCodeIsItsSuccessor() {
        JsonNode city = report("350100").get("total");
        assertThat(city.get("visits").asLong()).isEqualTo(11);
        assertThat(city.get("enterprises").asLong()).isEqualTo(5);
        assertThat(city.get("days").asLong()).isEqualTo(5);
        assertThat(city.get("visitsPerDay").decimalValue()).isEqualByComparingTo("2.20");
        assertThat(city.get("repeatEnterprises").asLong()).as("E2 now by A once and C twice").isEqualTo(4);
        assertThat(city.get("inspections").asLong()).isEqualTo(3);
        assertThat(city.get("batches").asLong()).as("第1批 of 鼓楼区 is its own batch").isEqualTo(3);
        assertThat(byName(report("350100").get("teams"), "team").keySet()).containsExactlyInAnyOrder("A", "B", "C", "D", "R");
        assertThat(report("350182")).isEqualTo(report("350112"));
    }

    @Test
    void thePeriodBoundsTheVisits() {
        JsonNode march = get("/api/v1/reports/visits?region=350112&from=2017-03-02&to=2017-03-05").get("total");
        assertThat(march.get("visits").asLong()).isEqualTo(5);
        assertThat(march.get("days").asLong()).isEqualTo(3);
        assertThat(march.get("visitsPerDay").decimalValue()).isEqualByComparingTo("1.67");
        assertThat(march.get("repeatEnterprises").asLong()).isEqualTo(1);
        assertThat(march.get("inspections").asLong()).isZero();
        JsonNode withOld = get("/api/v1/reports/visits?region=350112&from=2016-01-01&to=2017-12-31").get("total");
        assertThat(withOld.get("repeatEnterprises").asLong()).as("E2 twice by A once 2016 counts").isEqualTo(4);
    }

    @Test
    void badParametersAreNamedInChinese() {
        var r = admin().get("/api/v1/reports/visits?region=359999" + YEAR);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("detail").asText()).contains("行政区划代码");
        assertThat(admin().get("/api/v1/reports/visits?region=350112&from=2017-12-31&to=2017-01-01").statusCode()).isEqualTo(400);
        assertThat(admin().get("/api/v1/reports/visits?region=350112&from=2017-02-30&to=2017-03-01").statusCode()).isEqualTo(400);
    }

    private JsonNode report(String region) {
        return get("/api/v1/reports/visits?region=" + region + YEAR);
    }

    private JsonNode get(String path) {
        var r = admin().get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static void assertTeam(JsonNode t, long visits, long enterprises, long days, String perDay, long repeat) {
        assertThat(t.get("visits").asLong()).as(t.toString()).isEqualTo(visits);
        assertThat(t.get("enterprises").asLong()).as(t.toString()).isEqualTo(enterprises);
        assertThat(t.get("days").asLong()).as(t.toString()).isEqualTo(days);
        assertThat(t.get("visitsPerDay").decimalValue()).as(t.toString()).isEqualByComparingTo(perDay);
        assertThat(t.get("repeatEnterprises").asLong()).as(t.toString()).isEqualTo(repeat);
    }

    private static void assertEnterprise(JsonNode e, long visits, long inspections) {
        assertThat(e.get("visits").asLong()).as(e.toString()).isEqualTo(visits);
        assertThat(e.get("inspections").asLong()).as(e.toString()).isEqualTo(inspections);
    }

    private static Map<String, JsonNode> byName(JsonNode rows, String field) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.get(field).asText(), r));
        assertThat(m).hasSize(rows.size());
        return m;
    }

    private static Map<String, String> v(String date, String team, String region, String enterprise, String kind, String batch) {
        return row("日期", date, "小分队", team, "行政区划代码", region, "企业", enterprise, "方式", kind, "批次", batch);
    }
}
