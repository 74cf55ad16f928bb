package cn.zhaoshang.visit;

import static cn.zhaoshang.visit.VisitTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.report.ReportCache;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The visits report is answered again from the reports' cache until a visit, a team or an enterprise's name changes (V18). */
class VisitReportCacheTest extends IntegrationTest {

    private static final String REPORT = "/api/v1/reports/visits?region=350112&from=2017-01-01&to=2017-12-31";

    @Autowired
    ReportCache cache;

    @BeforeEach
    void fixture() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
        importVisits(Csv.of(VisitTables.HEADERS)
                .row(v("2017-03-01", "甲队", "缓存企业一", "外出拜访"))
                .row(v("2017-03-02", "甲队", "缓存企业一", "外出拜访"))
                .row(v("2017-04-01", "乙队", "缓存企业二", "来访考察")));
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void aRepeatedReportIsAHitAndItsJsonIsTheContractsShape() {
        JsonNode first = report();
        long[] before = cache.counts();
        assertThat(report()).isEqualTo(first);
        assertThat(cache.counts()[0]).as("answered from the cache").isEqualTo(before[0] + 1);
        assertThat(cache.counts()[1]).isEqualTo(before[1]);
        assertThat(List.copyOf(first.propertyNames())).containsExactly("total", "teams", "enterprises");
        assertThat(first.get("total").get("visits").asLong()).isEqualTo(2);
        assertThat(first.get("total").get("inspections").asLong()).isEqualTo(1);
    }

    @Test
    void aNewVisitShowsAtOnce() {
        assertThat(report().get("total").get("visits").asLong()).isEqualTo(2);
        long version = visitsVersion();
        importVisits(Csv.of(VisitTables.HEADERS).row(v("2017-05-01", "乙队", "缓存企业三", "外出拜访")));
        assertThat(visitsVersion()).isGreaterThan(version);
        JsonNode after = report();
        assertThat(after.get("total").get("visits").asLong()).isEqualTo(3);
        assertThat(after.get("enterprises").toString()).contains("缓存企业三");
    }

    @Test
    void renamingAnEnterpriseOrATeamShowsAtOnceAndDeletingVisitsToo() {
        assertThat(report().toString()).contains("缓存企业一").contains("甲队");
        fixtures.jdbc().sql("update enterprise set name = '更名企业' where name = '缓存企业一'").update();
        assertThat(report().toString()).contains("更名企业").doesNotContain("缓存企业一");
        fixtures.jdbc().sql("update team set name = '丙队' where name = '甲队'").update();
        assertThat(report().toString()).contains("丙队").doesNotContain("甲队");
        fixtures.jdbc().sql("delete from visit where kind = 'INSPECTION'").update();
        assertThat(report().get("total").get("inspections").asLong()).isZero();
    }

    @Test
    void projectsAndVisitsKeepTheirOwnVersions() {
        long projects = projectsVersion();
        long visits = visitsVersion();
        importVisits(Csv.of(VisitTables.HEADERS).row(v("2017-06-01", "甲队", "缓存企业四", "外出拜访")));
        assertThat(visitsVersion()).isGreaterThan(visits);
        assertThat(projectsVersion()).as("a visit leaves the project reports' cache alone").isEqualTo(projects);

        report();
        visits = visitsVersion();
        Csv project = Csv.of("项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目名称", "缓存版本项目", "行政区划代码", "350112", "总投资(万元)", "100", "对接日期", "2017-02-01"));
        assertThat(admin().upload("/api/v1/projects/import", "p.csv", project.utf8()).statusCode()).isEqualTo(200);
        assertThat(projectsVersion()).isGreaterThan(projects);
        assertThat(visitsVersion()).as("a project import leaves the visits report's cache alone").isEqualTo(visits);
        long hits = cache.counts()[0];
        report();
        assertThat(cache.counts()[0]).isEqualTo(hits + 1);
    }

    private void importVisits(Csv csv) {
        var r = admin().upload("/api/v1/visits/import", "cache.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private JsonNode report() {
        var r = admin().get(REPORT);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private long visitsVersion() {
        return fixtures.jdbc().sql("select visits from report_version").query(Long.class).single();
    }

    private long projectsVersion() {
        return fixtures.jdbc().sql("select n from report_version").query(Long.class).single();
    }

    private static Map<String, String> v(String date, String team, String enterprise, String kind) {
        return row("日期", date, "小分队", team, "行政区划代码", "350112", "企业", enterprise, "方式", kind);
    }
}
