package cn.zhaoshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * U+0000 and the other control characters wherever people can send text: a search, a JSON body, an HTTP Basic name, an
 * import's cell and its file name. PostgreSQL refuses U+0000 in text, so each of these used to answer 500; a search of
 * only control characters searched for "" and read every project.
 */
class ControlCharacterTest extends IntegrationTest {

    @Autowired
    AuditTrail audit;

    @BeforeEach
    void ledger() {
        fixtures.reset();
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(Map.of("项目编号", "U1", "项目名称", "华恒光电项目", "行政区划代码", "350112", "总投资(万元)", "100", "对接日期", "2017-03-01"))
                .row(Map.of("项目编号", "U2", "项目名称", "宇道新材料项目", "行政区划代码", "350112", "总投资(万元)", "200", "对接日期", "2017-03-01"));
        assertThat(admin().upload("/api/v1/projects/import", "p.csv", csv.utf8()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSearchIgnoresControlCharactersAndOneOfNothingElseIsNoSearch() {
        JsonNode found = Json.parse(ok("/api/v1/projects?q=" + encode("华\u0000恒")));
        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("code").asText()).isEqualTo("U1");
        assertThat(Json.parse(ok("/api/v1/projects?q=" + encode("\u0000\u0001 "))).get("total").asInt()).isEqualTo(2);
        assertThat(ok("/projects?q=" + encode("\u0000"))).contains("华恒光电项目").contains("宇道新材料项目");
        assertThat(ok("/enterprises?q=" + encode("\u0000"))).doesNotContain("系统错误");
        assertThat(ok("/visits?q=" + encode("\u0000x"))).doesNotContain("系统错误");
        // the visit form's enterprise picker searches the same way
        assertThat(Json.parse(ok("/api/v1/visits/lookup?q=" + encode("\u0000"))).get("items").size()).isZero();
        assertThat(ok("/api/v1/visits/lookup?q=" + encode("某\u0000公司"))).doesNotContain("系统错误");
    }

    @Test
    void aJsonBodyHoldingOneIsRefusedWith400() {
        HttpResponse<String> r = admin().postJson("/api/v1/visits", """
                {"date":"2017-03-01","team":"队\\u0000甲","region":"350112","enterprise":"某公司","kind":"外出拜访"}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("detail").asText()).contains("控制字符");
        assertThat(fixtures.jdbc().sql("select count(*) from visit").query(Long.class).single()).isZero();
    }

    @Test
    void aNameHoldingOneIsAWrongLoginNotAnError() {
        HttpResponse<String> r = Http.basic(port, "ad\u0000min", ADMIN_PASSWORD).get("/api/v1/projects");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anImportCellHoldingOneIsNamedByRowAndColumnAndNothingIsWritten() {
        Csv projects = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(Map.of("项目编号", "U3", "项目名称", "新项目", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-03-01"))
                .row(Map.of("项目编号", "U4", "项目名称", "坏\u0000项目", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-03-01"));
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "p.csv", projects.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode error = Json.parse(r.body()).get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("column").asText()).isEqualTo("项目名称");
        assertThat(error.get("message").asText()).contains("U+0000");
        assertThat(error.get("value").asText()).isEqualTo("坏\uFFFD项目");
        assertThat(fixtures.jdbc().sql("select count(*) from project").query(Long.class).single()).isEqualTo(2);

        Csv visits = Csv.of("日期", "小分队", "行政区划代码", "企业", "方式")
                .row(Map.of("日期", "2017-03-01", "小分队", "一队\u0001", "行政区划代码", "350112", "企业", "某公司", "方式", "外出拜访"));
        r = admin().upload("/api/v1/visits/import", "v.csv", visits.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        error = Json.parse(r.body()).get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(2);
        assertThat(error.get("column").asText()).isEqualTo("小分队");
        assertThat(error.get("message").asText()).contains("U+0001");
        assertThat(fixtures.jdbc().sql("select count(*) from team").query(Long.class).single()).isZero();
    }

    @Test
    void aColumnTheImportDoesNotReadMayHoldOne() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "备注（不导入）")
                .row(Map.of("项目编号", "U6", "项目名称", "备注项目", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-03-01",
                        "备注（不导入）", "旧系统\u0001导出"));
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "p.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("created").asInt()).isEqualTo(1);
    }

    @Test
    void aFileNameHoldingOneIsKeptWithAReplacementCharacter() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(Map.of("项目编号", "U5", "项目名称", "文件名项目", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-03-01"));
        // U+0000 does not get past Tomcat's multipart parser: a 400 with the application's Chinese message
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "项目\u0000表.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("detail").asText()).contains("上传请求格式不正确");
        r = admin().upload("/api/v1/projects/import", "项目\u0001表.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select file_name from import_batch order by id desc limit 1").query(String.class).single())
                .isEqualTo("项目\uFFFD表.csv");
        assertThat(audit.verify().intact()).isTrue();
    }

    private String ok(String path) {
        HttpResponse<String> r = admin().get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
