package cn.zhaoshang.visit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One visit through the API and the entry form, a lead made from it, and the enterprise lookup. */
class VisitEntryTest extends IntegrationTest {

    private static final String CODE = CreditCodes.complete("91110105MA00QHKJ3");
    private Http office;
    private String password;

    @BeforeEach
    void office() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
        password = fixtures.account("entryoffice", "OFFICE", "350112", null);
        office = as("entryoffice", password);
        Csv csv = Csv.of("日期", "小分队", "企业", "统一社会信用代码", "方式")
                .row(VisitTables.row("日期", "2017-03-01", "小分队", "一队", "企业", "北京奇虎科技有限公司", "统一社会信用代码", CODE,
                        "方式", "外出拜访"))
                .row(VisitTables.row("日期", "2017-03-01", "小分队", "一队", "企业", "重庆长安汽车股份有限公司", "统一社会信用代码", "",
                        "方式", "外出拜访"));
        assertThat(office.upload("/api/v1/visits/import", "seed.csv", csv.utf8()).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void aVisitWithANewLeadCreatesTheProjectAndLinksIt() {
        String json = """
                {"date":"%s","team":"一队","enterprise":"北京奇虎科技有限公司","creditCode":"%s","kind":"外出拜访",
                 "nextStep":"商谈选址","followUpOn":"%s","lead":{"name":"360安全大脑项目","investment":"50000","chain":"大数据"}}"""
                .formatted(LocalDate.now(clock), CODE, LocalDate.now(clock).plusDays(7));
        var r = office.postJson("/api/v1/visits", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String code = Json.parse(r.body()).get("projectCode").asText();
        JsonNode p = Json.parse(office.get("/api/v1/projects/" + code).body());
        assertThat(p.get("name").asText()).isEqualTo("360安全大脑项目");
        assertThat(p.get("stage").asText()).isEqualTo("LEAD");
        assertThat(p.get("investor").asText()).isEqualTo("北京奇虎科技有限公司");
        assertThat(p.get("contactedOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(p.get("source").asText()).isEqualTo("小分队拜访");
        long id = Json.parse(r.body()).get("id").asLong();
        assertThat(fixtures.jdbc().sql("select p.code from visit v join project p on p.id = v.project_id where v.id = ?").param(id)
                .query(String.class).single()).isEqualTo(code);
    }

    @Test
    void aLeadWithoutInvestmentIsRefusedAndNothingIsWritten() {
        long before = VisitTables.count(fixtures.jdbc(), "visit");
        String json = """
                {"date":"2017-03-02","team":"一队","enterprise":"北京奇虎科技有限公司","kind":"外出拜访","lead":{"name":"无金额线索"}}""";
        var r = office.postJson("/api/v1/visits", json);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("detail").asText()).contains("总投资");
        assertThat(VisitTables.count(fixtures.jdbc(), "visit")).isEqualTo(before);
        assertThat(VisitTables.count(fixtures.jdbc(), "project")).isZero();
    }

    @Test
    void theFormRecordsAVisitAndNamesBadFields() {
        var ok = VisitTables.postForm(port, "entryoffice", password, "/visits/new", "date=2017-03-05&team=一队&region=350112&enterprise=国家信息中心&kind=来访考察");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
        assertThat(VisitTables.count(fixtures.jdbc(), "visit where kind = 'INSPECTION'")).isEqualTo(1);
        var bad = VisitTables.postForm(port, "entryoffice", password, "/visits/new", "date=2017-03-05&team=一队&enterprise=国家信息中心&kind=电话&followUpOn=2017-03-01");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("未知的方式").contains("不能早于走访日期").contains("is-invalid");
    }

    @Test
    void enterprisesAreFoundByNameCodeAndPinyinInitials() {
        // no clock.advance: the enterprises this class made a moment ago, after another class's lookups in the same
        // application, are found at once (V22)
        assertThat(lookup("奇虎")).containsExactly("北京奇虎科技有限公司");
        assertThat(lookup("qhkj")).containsExactly("北京奇虎科技有限公司");
        assertThat(lookup("QHKJ")).containsExactly("北京奇虎科技有限公司");
        assertThat(lookup(CODE.substring(0, 8))).containsExactly("北京奇虎科技有限公司");
        assertThat(lookup("cqca")).as("重庆 is chong qing").containsExactly("重庆长安汽车股份有限公司");
        assertThat(lookup("zqca")).isEmpty();
        assertThat(lookup("%")).isEmpty();
    }

    @Test
    void anEnterpriseRecordedAMomentAgoIsFoundByItsInitialsAtOnceARenamedOneWithinThePause() {
        assertThat(lookup("qhkj")).containsExactly("北京奇虎科技有限公司");
        assertThat(lookup("fzxd")).isEmpty();
        fixtures.jdbc().sql("insert into enterprise (name) values ('福州新大陆科技有限公司')").update();
        // within SYNC_EVERY of the last sync: the clock does not move
        assertThat(lookup("fzxd")).containsExactly("福州新大陆科技有限公司");
        fixtures.jdbc().sql("update enterprise set name = '福建星网锐捷通讯股份有限公司' where name = '福州新大陆科技有限公司'").update();
        fixtures.jdbc().sql("""
                insert into enterprise_alias (enterprise_id, alias)
                select id, '锐捷网络' from enterprise where name = '福建星网锐捷通讯股份有限公司'""").update();
        clock.advance(EnterpriseLookup.SYNC_EVERY);
        assertThat(lookup("fzxd")).isEmpty();
        assertThat(lookup("xwrj")).containsExactly("福建星网锐捷通讯股份有限公司");
        assertThat(lookup("rjwl")).containsExactly("福建星网锐捷通讯股份有限公司");
    }

    private java.util.List<String> lookup(String q) {
        var r = office.get("/api/v1/visits/lookup?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        java.util.List<String> names = new java.util.ArrayList<>();
        Json.parse(r.body()).get("items").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }
}
