package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** V9: every revision carries its project's region (the Citus distribution key), through every writer and a move. */
class DistributionKeyTest extends IntegrationTest {

    @Autowired
    ProjectEditing editing;

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void importAndEditingFillTheRegionOfEveryRevision() {
        assertThat(importFile(file("350112", "1000"))).isEqualTo(200);
        String created = editing.create(form("表单项目", "350121", "5"), "alice", DataScope.EVERYTHING, RowGuard.allowAll());
        editing.update(created, 0, form("表单项目", "350121", "6"), "alice", DataScope.EVERYTHING, RowGuard.allowAll());

        assertThat(revisionRegions("DK1")).containsExactly("350112");
        assertThat(revisionRegions("DK2")).containsExactly("350121");
        assertThat(revisionRegions(created)).containsExactly("350121", "350121");
        assertThat(mismatches()).isZero();
    }

    @Test
    void aProjectThatMovesToAnotherRegionTakesItsRevisionsAlong() {
        assertThat(importFile(file("350112", "1000"))).isEqualTo(200);
        // the retired code 350182 is stored as its successor, so this is no move; 350104 (仓山区) is
        assertThat(importFile(file("350182", "1100"))).isEqualTo(200);
        assertThat(revisionRegions("DK1")).containsExactly("350112", "350112");
        assertThat(importFile(file("350104", "1200"))).isEqualTo(200);

        assertThat(revisionRegions("DK1")).containsExactly("350104", "350104", "350104");
        assertThat(fixtures.jdbc().sql("select region_code from project where code = 'DK1'").query(String.class).single())
                .isEqualTo("350104");
        // what the project looked like then is still in the snapshot
        assertThat(fixtures.jdbc().sql("""
                        select r.snapshot ->> '行政区划代码' from project_revision r join project p on p.id = r.project_id
                        where p.code = 'DK1' order by r.version""").query(String.class).list())
                .containsExactly("350112", "350112", "350104");
        assertThat(mismatches()).isZero();
    }

    @Test
    void theDatabaseRefusesARevisionWhoseRegionIsNotItsProjects() {
        assertThat(importFile(file("350112", "1000"))).isEqualTo(200);
        var jdbc = fixtures.jdbc();
        // the foreign key is deferred to the commit, so the statement must be its own transaction to be refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
                        insert into project_revision (project_id, region_code, version, recorded_at, recorded_by, action, snapshot)
                        select id, '350121', 99, now(), 'test', 'UPDATE', '{}' from project where code = 'DK1'""").update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(revisionRegions("DK1")).containsExactly("350112");
    }

    private int importFile(Csv csv) {
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "dk.csv", csv.utf8());
        if (r.statusCode() != 200) {
            return r.statusCode() * 1000 + Json.parse(r.body()).path("errors").size();
        }
        return r.statusCode();
    }

    private static Csv file(String region, String investment) {
        return Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期")
                .row(Map.of("项目编号", "DK1", "项目名称", "分布键项目", "行政区划代码", region, "责任单位", "区商务局",
                        "总投资(万元)", investment, "对接日期", "2017-03-01"))
                .row(Map.of("项目编号", "DK2", "项目名称", "闽侯项目", "行政区划代码", "350121", "总投资(万元)", "50",
                        "对接日期", "2017-03-02"));
    }

    private static Map<ProjectColumn, String> form(String name, String region, String investment) {
        Map<ProjectColumn, String> m = new EnumMap<>(ProjectColumn.class);
        m.put(ProjectColumn.NAME, name);
        m.put(ProjectColumn.REGION, region);
        m.put(ProjectColumn.INVESTMENT, investment);
        m.put(ProjectColumn.CONTACTED_ON, "2017-04-01");
        return m;
    }

    private List<String> revisionRegions(String code) {
        return fixtures.jdbc().sql("""
                        select r.region_code from project_revision r join project p on p.id = r.project_id
                        where p.code = ? order by r.version""").param(code).query(String.class).list();
    }

    private long mismatches() {
        return fixtures.jdbc().sql("""
                select count(*) from project_revision r left join project p on p.id = r.project_id
                where p.region_code is distinct from r.region_code""").query(Long.class).single();
    }
}
