package cn.zhaoshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The browser pages, as a browser sees them: status, Chinese text, figures, field messages and conflicts. */
class PagesTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String JULY = "region=350112&from=2017-01-01&to=2017-07-31";
    private static final Pattern ENUM_NAMES = Pattern.compile("\\b(LEAD|SIGNED|LANDED|STARTED|COMPLETED|TERMINATED|DEPARTMENT|TOWNSHIP|PARK)\\b");

    @Test
    void everyPageAnswersInChineseWithoutEnumNames() {
        fixtures.changleDemo();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "新建项目");
        pages.put("/projects", "项目库");
        pages.put("/projects/CL2017-0110", "线索裂变项目群");
        pages.put("/projects/new", "总投资(万元)");
        pages.put("/projects/CL2017-0110/edit", "360产业园");
        pages.put("/projects/import", "下载导入模板");
        pages.put("/reports?" + JULY, "工作简报");
        pages.put("/reports/projects?" + JULY + "&stage=LANDED", "落地项目");
        pages.put("/units", "东南大数据产业园");
        pages.put("/enterprises", "统一社会信用代码");
        pages.put("/chains", "大数据");
        pages.put("/events", "第十九届海交会");
        pages.put("/regions?code=350100", "长乐区");
        pages.forEach((path, expected) -> {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("招商项目管理系统", "退出", expected);
            assertThat(visibleText(r.body())).as(path).doesNotContainPattern(ENUM_NAMES);
        });
    }

    @Test
    void theProjectListSearchesFiltersAndAnswersHtmxWithTheResultsOnly() {
        fixtures.changleDemo();
        assertThat(get("/projects?q=360&stage=LEAD").body()).contains("360科研中心", "共 <strong>6</strong> 个项目")
                .doesNotContain(">360产业园<");
        HttpResponse<String> partial = get("/projects?q=360", "HX-Request", "true");
        assertThat(partial.body()).contains("id=\"results\"", "360科研中心").doesNotContain("<html", "<nav class=\"navbar");
        assertThat(partial.headers().allValues("Vary")).anyMatch(v -> v.contains("HX-Request"));
        assertThat(get("/projects?page=15").body()).contains("第 16 / 16 页");
    }

    @Test
    void reportFiguresAreTheContractsAndEachDrillsDownToItsProjects() {
        fixtures.changleDemo();
        String report = get("/reports?" + JULY).body();
        assertThat(report).contains(">247<", ">1947.6<", ">105<", ">756.2<", ">126<", ">769.01<", ">16<", ">422.39<",
                "对接洽谈项目247个、总投资1947.6亿元");
        String drill = get("/reports/projects?" + JULY + "&unit=" + encode("东南大数据产业园") + "&stage=LANDED").body();
        assertThat(drill).contains("东南大数据产业园 · 落地项目", ">26<", ">406.98<", ">4,069,800<");
        assertThat(get("/reports/projects?" + JULY + "&event=" + encode("第十九届海交会") + "&onStage=true").body())
                .contains("第十九届海交会 · 上台签约项目", ">15<", ">272.76<");
        assertThat(get("/reports?region=999999").body()).contains("未知的行政区划代码");
    }

    @Test
    void anImportReportsWhatItDidOrEveryBadCell() {
        fixtures.reset();
        byte[] good = Csv.of("项目名称", "行政区划代码", "总投资(万元)", "对接日期", "责任单位")
                .row(Map.of("项目名称", "页面测试智慧园区", "行政区划代码", "350182", "总投资(万元)", "12345.6", "对接日期", "2017-03-15",
                        "责任单位", "吴航街道"))
                .utf8();
        assertThat(admin().upload("/projects/import", "good.csv", good).body()).contains("导入完成", "新增 <strong class=\"fs-5\">1</strong>");
        assertThat(get("/projects").body()).contains("页面测试智慧园区", "12,345.6");
        assertThat(admin().upload("/projects/import", "good.csv", good).body()).contains("未变 <strong class=\"fs-5\">1</strong>");

        byte[] bad = Csv.of("项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(Map.of("项目名称", "坏日期项目", "行政区划代码", "350112", "总投资(万元)", "-5", "对接日期", "2017-02-30"))
                .utf8();
        String rejected = admin().upload("/projects/import", "bad.csv", bad).body();
        assertThat(rejected).contains("未导入任何数据", "对接日期", "2017-02-30", "日期不存在", "总投资(万元)", "-5");
        assertThat(get("/projects").body()).doesNotContain("坏日期项目");
    }

    @Test
    void theFormShowsEachMessageBesideItsFieldAndKeepsWhatWasTyped() {
        fixtures.reset();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "表单测试项目");
        form.put("region", "350112");
        form.put("investment", "100");
        form.put("contactedOn", "2017-02-30");
        HttpResponse<String> r = post("/projects/new", form);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("日期不存在", "value=\"2017-02-30\"", "value=\"表单测试项目\"", "未保存任何内容");

        form.put("contactedOn", "2017-02-28");
        HttpResponse<String> saved = post("/projects/new", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(get(URI.create(location).getPath()).body()).contains("表单测试项目", "新建");
    }

    @Test
    void aSecondSaveWithAStaleVersionShowsTheConflictAndKeepsTheInput() {
        fixtures.changleDemo();
        Map<String, String> form = editForm("CL2017-0110");
        form.put("source", "客商来访");
        HttpResponse<String> first = post("/projects/CL2017-0110/edit", form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(get("/projects/CL2017-0110").body()).contains("客商来访", "小分队拜访");

        form.put("name", "360产业园（二期）");
        HttpResponse<String> second = post("/projects/CL2017-0110/edit", form);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("保存冲突", "已被他人修改", "value=\"360产业园（二期）\"");
    }

    @Test
    void masterDataFormsShowTheirMessages() {
        fixtures.changleDemo();
        long enterprise = fixtures.jdbc().sql("select id from enterprise order by id limit 1").query(Long.class).single();
        HttpResponse<String> badCode = post("/enterprises/" + enterprise + "/edit",
                Map.of("name", "某企业", "creditCode", "91350100MA2Y4K8P3X", "aliases", "", "version", "0"));
        assertThat(badCode.body()).contains("校验位错误", "value=\"91350100MA2Y4K8P3X\"");

        long chain = fixtures.jdbc().sql("select id from industry_chain where name = '大数据'").query(Long.class).single();
        assertThat(post("/chains/" + chain + "/edit", Map.of("name", "大数据产业", "version", "0")).statusCode()).isEqualTo(302);
        assertThat(post("/chains/" + chain + "/edit", Map.of("name", "大数据", "version", "0")).body()).contains("已被他人修改");
        assertThat(get("/chains").body()).contains("大数据产业");
    }

    @Test
    void anUnknownProjectIsAStyledNotFoundPageAndTheLoginPageSpeaksChinese() {
        fixtures.changleDemo();
        HttpResponse<String> missing = get("/projects/NO-SUCH-CODE");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("404", "项目不存在：NO-SUCH-CODE", "返回首页");

        HttpResponse<String> login = anonymous("/login");
        assertThat(login.body()).contains("用户名", "密码", "name=\"_csrf\"", "name=\"username\"", "name=\"password\"");
        assertThat(anonymous("/login?error").body()).contains("用户名或密码错误");
        assertThat(anonymous("/login?logout").body()).contains("已退出");
        assertThat(anonymous("/projects").statusCode()).isEqualTo(302);
    }

    @Test
    void pagesOfferOnlyWhatTheAccountMayDo() {
        fixtures.changleDemo();
        try {
            assertThat(admin().postJson("/api/v1/users", """
                    {"username":"pages-leader","password":"Leader-Pages-2017!x","displayName":"李区长","roles":["LEADER"],
                     "region":"350112","temporary":false}""").statusCode()).isEqualTo(201);
            String project = getAs("pages-leader", "Leader-Pages-2017!x", "/projects/CL2017-0110").body();
            assertThat(project).contains("360产业园", "李区长", "统计报表").doesNotContain("/projects/CL2017-0110/edit", ">导入<");
            assertThat(sendAs("pages-leader", "Leader-Pages-2017!x", "/projects/import").statusCode()).isEqualTo(302);
        } finally {
            fixtures.reset();
        }
    }

    private HttpResponse<String> getAs(String user, String password, String path) {
        return sendAs(user, password, path);
    }

    private HttpResponse<String> sendAs(String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "text/html").GET().build());
    }

    private Map<String, String> editForm(String code) {
        String html = get("/projects/" + code + "/edit").body();
        Map<String, String> form = new LinkedHashMap<>();
        var inputs = Pattern.compile("<input[^>]*name=\"(\\w+)\"[^>]*value=\"([^\"]*)\"").matcher(html);
        while (inputs.find()) {
            form.put(inputs.group(1), unescape(inputs.group(2)));
        }
        var selects = Pattern.compile("<select[^>]*name=\"(\\w+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        while (selects.find()) {
            var selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(selects.group(2));
            form.put(selects.group(1), selected.find() ? selected.group(1) : "");
        }
        form.remove("_csrf");
        return form;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The text a person sees: no tags, attributes, scripts or JSON for the charts. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    private HttpResponse<String> anonymous(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "text/html");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
