package cn.zhaoshang.visit;

import static cn.zhaoshang.visit.VisitTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unit staff see and write only their unit's teams; the office sees every team of its region. */
class VisitScopeTest extends IntegrationTest {

    private static final String REPORT = "/api/v1/reports/visits?region=350112&from=2017-01-01&to=2017-12-31";
    private Http staffA;
    private Http staffB;
    private Http office;

    @BeforeEach
    void twoUnitsWithTheirTeams() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
        staffA = as("visita", fixtures.account("visita", "UNIT_STAFF", "350112", "吴航街道"));
        staffB = as("visitb", fixtures.account("visitb", "UNIT_STAFF", "350112", "航城街道"));
        office = as("visito", fixtures.account("visito", "OFFICE", "350112", null));
        Csv a = Csv.of("日期", "小分队", "企业", "方式")
                .row(row("日期", "2017-03-01", "小分队", "吴航一队", "企业", "甲", "方式", "外出拜访"))
                .row(row("日期", "2017-03-02", "小分队", "吴航一队", "企业", "乙", "方式", "外出拜访"));
        assertThat(staffA.upload("/api/v1/visits/import", "a.csv", a.utf8()).statusCode()).isEqualTo(200);
        Csv b = Csv.of("日期", "小分队", "企业", "方式", "下次跟进日期")
                .row(row("日期", "2017-03-01", "小分队", "航城一队", "企业", "甲", "方式", "外出拜访", "下次跟进日期", "2017-04-01"))
                .row(row("日期", "2017-03-05", "小分队", "航城一队", "企业", "丙", "方式", "外出拜访", "下次跟进日期", ""))
                .row(row("日期", "2017-03-06", "小分队", "航城一队", "企业", "丙", "方式", "来访考察", "下次跟进日期", ""));
        assertThat(staffB.upload("/api/v1/visits/import", "b.csv", b.utf8()).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void theReportOfUnitStaffCountsOnlyTheirTeams() {
        JsonNode a = Json.parse(staffA.get(REPORT).body());
        assertThat(a.get("total").get("visits").asLong()).isEqualTo(2);
        assertThat(a.get("total").get("inspections").asLong()).isZero();
        assertThat(a.get("teams")).hasSize(1);
        assertThat(a.get("teams").get(0).get("team").asText()).isEqualTo("吴航一队");
        Set<String> enterprises = new HashSet<>();
        a.get("enterprises").forEach(e -> enterprises.add(e.get("enterprise").asText()));
        assertThat(enterprises).containsExactlyInAnyOrder("甲", "乙");

        JsonNode all = Json.parse(office.get(REPORT).body());
        assertThat(all.get("total").get("visits").asLong()).isEqualTo(4);
        assertThat(all.get("total").get("repeatEnterprises").asLong()).as("甲 by both teams; 丙 once and one inspection").isEqualTo(1);
        assertThat(all.get("teams")).hasSize(2);
    }

    @Test
    void teamsListsFollowUpsAndStoriesHoldOnlyTheUnitsRecords() {
        JsonNode teams = Json.parse(staffA.get("/api/v1/visits/teams").body()).get("items");
        assertThat(teams).hasSize(1);
        long own = teams.get(0).get("id").asLong();
        long other = fixtures.jdbc().sql("select id from team where name = '航城一队'").query(Long.class).single();
        assertThat(staffA.get("/api/v1/visits/follow-ups?team=" + other).statusCode()).isEqualTo(404);
        assertThat(staffA.get("/api/v1/visits/follow-ups?team=" + own).statusCode()).isEqualTo(200);
        long jia = fixtures.jdbc().sql("select id from enterprise where name = '甲'").query(Long.class).single();
        JsonNode story = Json.parse(staffA.get("/api/v1/visits/enterprises/" + jia).body());
        assertThat(story.get("records")).hasSize(1);
        assertThat(story.get("records").get(0).get("team").asText()).isEqualTo("吴航一队");
        long followUp = fixtures.jdbc().sql("select id from visit where follow_up_on is not null").query(Long.class).single();
        assertThat(staffA.postJson("/api/v1/visits/" + followUp + "/follow-up", "{\"date\":\"2017-04-02\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aRowForAnotherUnitsTeamOrRegionIsABadCell() {
        Csv csv = Csv.of("日期", "小分队", "行政区划代码", "企业", "方式")
                .row(row("日期", "2017-04-01", "小分队", "吴航一队", "行政区划代码", "", "企业", "丁", "方式", "外出拜访"))
                .row(row("日期", "2017-04-01", "小分队", "航城一队", "行政区划代码", "", "企业", "丁", "方式", "外出拜访"))
                .row(row("日期", "2017-04-01", "小分队", "鼓楼一队", "行政区划代码", "350102", "企业", "丁", "方式", "外出拜访"));
        var r = staffA.upload("/api/v1/visits/import", "mixed.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("小分队");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("column").asText()).isEqualTo("行政区划代码");
        assertThat(VisitTables.count(fixtures.jdbc(), "visit where visited_on = '2017-04-01'")).isZero();
    }

    @Test
    void aProjectOfAnotherUnitCannotBeLinked() {
        Csv p = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期")
                .row(row("项目编号", "HC-1", "项目名称", "航城项目", "行政区划代码", "350112", "责任单位", "航城街道", "总投资(万元)", "10",
                        "对接日期", "2017-01-01"));
        assertThat(staffB.upload("/api/v1/projects/import", "p.csv", p.utf8()).statusCode()).isEqualTo(200);
        Csv csv = Csv.of("日期", "小分队", "企业", "方式", "关联项目编号")
                .row(row("日期", "2017-04-01", "小分队", "吴航一队", "企业", "丁", "方式", "外出拜访", "关联项目编号", "HC-1"));
        var r = staffA.upload("/api/v1/visits/import", "link.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.parse(r.body()).get("errors").get(0).get("column").asText()).isEqualTo("关联项目编号");
        Csv own = Csv.of("日期", "小分队", "企业", "方式", "关联项目编号")
                .row(row("日期", "2017-04-01", "小分队", "航城一队", "企业", "丁", "方式", "外出拜访", "关联项目编号", "HC-1"));
        assertThat(staffB.upload("/api/v1/visits/import", "own.csv", own.utf8()).statusCode()).isEqualTo(200);
    }

    @Test
    void readersReadAndWritersWrite() {
        Http leader = as("visitl", fixtures.account("visitl", "LEADER", "350112", null));
        assertThat(leader.get(REPORT).statusCode()).isEqualTo(200);
        assertThat(leader.upload("/api/v1/visits/import", "x.csv", Csv.of("日期").utf8()).statusCode()).isEqualTo(403);
        assertThat(leader.postJson("/api/v1/visits", "{}").statusCode()).isEqualTo(403);
        String json = "{\"date\":\"2017-04-01\",\"team\":\"吴航一队\",\"enterprise\":\"戊\",\"kind\":\"外出拜访\"}";
        assertThat(staffA.postJson("/api/v1/visits", json).statusCode()).isEqualTo(201);
    }
}
