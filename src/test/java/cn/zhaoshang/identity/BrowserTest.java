package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.zhaoshang.support.Browser;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What people do in the browser: import a file and read the report; a unit's staff see only their own; admins pass TOTP. */
@Tag("browser")
class BrowserTest extends IntegrationTest {

    @BeforeEach
    void ledger() {
        // CI installs Debian's chromium and chromedriver; a developer machine without them skips only these tests
        assumeTrue(Browser.available(), "chromium and chromedriver from Debian are needed");
        fixtures.reset();
    }

    @AfterEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void theOfficeImportsAFileAndReadsTheReportDownToItsProjects() throws Exception {
        String password = fixtures.account("office-b", "OFFICE", "350112", null);
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期", "签约日期", "落地日期")
                .row(row("W1", "浏览器测试甲", "东南大数据产业园", "大数据", "120000", "2017-02-01", "2017-03-01", "2017-04-01"))
                .row(row("W2", "浏览器测试乙", "东南大数据产业园", "医疗健康", "30000.5", "2017-02-10", "2017-05-18", ""))
                .row(row("W3", "浏览器测试丙", "吴航街道", "大数据", "9999.5", "2017-03-01", "", ""));
        Path file = Files.createTempFile("projects", ".csv");
        Files.write(file, csv.gb18030());
        try (Browser b = new Browser(port)) {
            b.login("office-b", password);
            b.waitFor(d -> !d.getCurrentUrl().contains("/login"));
            b.open("/projects/import");
            b.find(By.cssSelector("input[type=file]")).sendKeys(file.toString());
            b.find(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
            b.waitFor(d -> d.getPageSource().contains("导入完成"));
            assertThat(b.text()).contains("新增 3 个");

            b.open("/reports?region=350112&from=2017-01-01&to=2017-07-31");
            String page = b.text();
            assertThat(page).contains("对接洽谈项目").contains("16").contains("落地");
            assertThat(page).contains("对接洽谈项目3个、总投资16亿元");
            // the total's count links to the projects behind it, and the list adds up to it
            b.find(By.linkText("3")).click();
            b.waitFor(d -> d.getCurrentUrl().contains("/reports/projects"));
            assertThat(b.text()).contains("浏览器测试甲").contains("浏览器测试乙").contains("浏览器测试丙");
            assertThat(b.text()).contains("3个").contains("160,000");
        }
    }

    @Test
    void aUnitsStaffSeeOnlyTheirProjectsAndAreRefusedAnotherUnits() throws Exception {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期")
                .row(row("U1", "吴航自己的项目", "吴航街道", "", "100", "2017-02-01", "", ""))
                .row(row("U2", "航城别人的项目", "航城街道", "", "200", "2017-02-01", "", ""));
        assertThat(admin().upload("/api/v1/projects/import", "u.csv", csv.utf8()).statusCode()).isEqualTo(200);
        String password = fixtures.account("wuhang", "UNIT_STAFF", "350112", "吴航街道");
        try (Browser b = new Browser(port)) {
            b.login("wuhang", password);
            b.waitFor(d -> !d.getCurrentUrl().contains("/login"));
            b.open("/projects");
            assertThat(b.text()).contains("吴航自己的项目").doesNotContain("航城别人的项目");
            b.open("/projects/U2");
            assertThat(b.text()).contains("不存在").doesNotContain("航城别人的项目");
            b.open("/projects/U1");
            assertThat(b.text()).contains("吴航自己的项目");
        }
    }

    @Test
    void anAdministratorEnrolsAndUsesASecondFactor() throws Exception {
        try (Browser b = new Browser(port)) {
            b.login("admin", ADMIN_PASSWORD);
            b.waitFor(d -> d.getCurrentUrl().contains("/account/mfa"));
            b.open("/projects");
            assertThat(b.url()).as("nothing else before the second factor").contains("/account/mfa");
            String secret = b.find(By.cssSelector("code")).getText().replace(" ", "");
            String code = Totp.code(Totp.base32Decode(secret), clock.instant().getEpochSecond() / Totp.STEP_SECONDS, 6, "HmacSHA1");
            b.find(By.id("code")).sendKeys(code);
            b.find(By.cssSelector("form[action$='/account/mfa'] button[type=submit]")).click();
            b.waitFor(d -> !d.getCurrentUrl().contains("/account/mfa"));
            b.open("/projects");
            assertThat(b.url()).contains("/projects");
        } finally {
            fixtures.jdbc().sql("update app_user set totp_enabled = false, totp_secret = null, totp_last_step = null where username = 'admin'")
                    .update();
        }
    }

    private static Map<String, String> row(String code, String name, String unit, String chain, String investment, String contacted,
                                           String signed, String landed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("项目编号", code);
        m.put("项目名称", name);
        m.put("行政区划代码", "350112");
        m.put("责任单位", unit);
        m.put("产业链", chain);
        m.put("总投资(万元)", investment);
        m.put("对接日期", contacted);
        m.put("签约日期", signed);
        m.put("落地日期", landed);
        return m;
    }
}
