package cn.zhaoshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages show each user the links their permissions allow ({@code @can}, cn.zhaoshang.identity.Can), and write links
 * as they are, not through the static resources' resolvers (LinkConfiguration).
 */
class PagePermissionsTest extends IntegrationTest {

    @Test
    void theUnitListShowsEditLinksAndProjectLinksOnlyToThoseAllowed() {
        fixtures.reset();
        cn.zhaoshang.support.Csv csv = cn.zhaoshang.support.Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期")
                .row(Map.of("项目编号", "K1", "项目名称", "权限测试项目", "行政区划代码", "350112", "责任单位", "区商务局",
                        "总投资(万元)", "1", "对接日期", "2017-03-01"));
        assertThat(admin().upload("/api/v1/projects/import", "k.csv", csv.utf8()).statusCode()).isEqualTo(200);
        long unit = fixtures.jdbc().sql("select id from unit where name = '区商务局'").query(Long.class).single();

        // the office edits master data and reads projects
        String office = page(as("office1", fixtures.account("office1", "OFFICE", "350112", null)).get("/units"));
        assertThat(office).contains("/units/" + unit + "/edit").contains("/projects?unit=" + unit);
        // an auditor reads projects but edits nothing
        String auditor = page(as("auditor1", fixtures.account("auditor1", "AUDITOR", "350112", null)).get("/units"));
        assertThat(auditor).doesNotContain("/units/" + unit + "/edit").contains("/projects?unit=" + unit);
        // the system administrator edits master data but reads no project: the count without its link
        String sysadmin = page(as("sysadmin1", fixtures.account("sysadmin1", "SYSTEM_ADMIN", "350112", null)).get("/units"));
        assertThat(sysadmin).contains("/units/" + unit + "/edit").doesNotContain("/projects?unit=" + unit).contains("区商务局");
        // the navigation follows the same permissions
        assertThat(office).contains("href=\"/projects\"");
        assertThat(sysadmin).doesNotContain("href=\"/projects\"");
        // links as written: the WebJars' without a version (resolved when served)
        assertThat(office).contains("href=\"/webjars/bootstrap/dist/css/bootstrap.min.css\"");
        assertThat(admin().get("/webjars/bootstrap/dist/css/bootstrap.min.css").statusCode()).isEqualTo(200);
    }

    private static String page(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
