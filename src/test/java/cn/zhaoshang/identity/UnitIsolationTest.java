package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Two units with 50 projects each: unit A's staff see exactly their 50 everywhere, and none of B's. */
class UnitIsolationTest extends IntegrationTest {

    private static final String PERIOD = "region=350112&from=2017-01-01&to=2017-12-31";
    private Http unitA;

    @BeforeEach
    void twoUnits() {
        fixtures.reset();
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期", "落地日期");
        for (int i = 1; i <= 50; i++) {
            csv.row(row("A" + i, "甲单位项目" + i, "吴航街道", i % 3 == 0 ? "2017-05-01" : ""));
            csv.row(row("B" + i, "乙单位项目" + i, "航城街道", i % 2 == 0 ? "2017-05-01" : ""));
        }
        assertThat(admin().upload("/api/v1/projects/import", "units.csv", csv.utf8()).statusCode()).isEqualTo(200);
        unitA = as("staffa", fixtures.account("staffa", "UNIT_STAFF", "350112", "吴航街道"));
    }

    @Test
    void listsAndSearchesHoldExactlyTheUnitsProjects() {
        JsonNode page = Json.parse(unitA.get("/api/v1/projects?size=500").body());
        assertThat(page.get("total").asLong()).isEqualTo(50);
        Set<String> codes = new HashSet<>();
        page.get("items").forEach(p -> codes.add(p.get("code").asText()));
        assertThat(codes).hasSize(50).allMatch(c -> c.startsWith("A"));
        assertThat(Json.parse(unitA.get("/api/v1/projects?q=乙单位").body()).get("total").asLong()).isZero();
    }

    @Test
    void reportsAndDrilldownsCountOnlyTheUnitsProjects() {
        JsonNode summary = Json.parse(unitA.get("/api/v1/reports/summary?" + PERIOD).body());
        assertThat(summary.get("total").get("count").asLong()).isEqualTo(50);
        assertThat(summary.get("stages").get("LANDED").get("count").asLong()).isEqualTo(16);
        JsonNode units = Json.parse(unitA.get("/api/v1/reports/by-unit?" + PERIOD).body()).get("rows");
        assertThat(units).hasSize(1);
        assertThat(units.get(0).get("key").asText()).isEqualTo("吴航街道");
        JsonNode drill = Json.parse(unitA.get("/api/v1/reports/projects?" + PERIOD + "&size=500").body());
        assertThat(drill.get("total").asLong()).isEqualTo(50);
        assertThat(unitA.get("/api/v1/reports/briefing?" + PERIOD).body()).contains("对接洽谈项目50个").doesNotContain("航城街道");
    }

    @Test
    void everyProjectOfTheOtherUnitIsNotFound() {
        for (int i = 1; i <= 50; i++) {
            assertThat(unitA.get("/api/v1/projects/B" + i).statusCode()).as("B" + i).isEqualTo(404);
            assertThat(unitA.get("/api/v1/projects/A" + i).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anImportRowOfAnotherUnitIsABadCell() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期")
                .row(row("A51", "甲单位新项目", "吴航街道", ""))
                .row(row("B51", "越权项目", "航城街道", ""));
        var r = unitA.upload("/api/v1/projects/import", "mixed.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("责任单位");
        assertThat(unitA.get("/api/v1/projects/A51").statusCode()).isEqualTo(404);
    }

    private static Map<String, String> row(String code, String name, String unit, String landed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("项目编号", code);
        m.put("项目名称", name);
        m.put("行政区划代码", "350112");
        m.put("责任单位", unit);
        m.put("总投资(万元)", "100");
        m.put("对接日期", "2017-02-01");
        m.put("落地日期", landed);
        return m;
    }
}
