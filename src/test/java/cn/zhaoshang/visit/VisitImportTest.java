package cn.zhaoshang.visit;

import static cn.zhaoshang.visit.VisitTables.count;
import static cn.zhaoshang.visit.VisitTables.row;
import static cn.zhaoshang.visit.VisitTables.visit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md §5 import through the HTTP API on the test database. */
class VisitImportTest extends IntegrationTest {

    private static final String CODE = CreditCodes.complete("91110105MA00QHKJ3");
    private static final String IMPORT = "/api/v1/visits/import";

    @BeforeEach
    void empty() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void everyBadCellIsNamedAndNothingIsWritten() {
        project("P-OTHER", "350102");
        String wrongCheck = CODE.substring(0, 17) + (CODE.charAt(17) == '0' ? '1' : '0');
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(visit("2017-03-01", "一队", "好企业"))                                                // 2 ok
                .row(visit("", "一队", "缺日期"))                                                          // 3
                .row(visit("2017-03-01", "", "缺小分队"))                                                  // 4
                .row(visit("2017-03-01", "一队", ""))                                                      // 5
                .row(with(visit("2017-03-01", "一队", "缺方式"), "方式", ""))                              // 6
                .row(visit("2017-02-30", "一队", "日期不存在"))                                            // 7
                .row(visit(tomorrow, "一队", "未来的拜访"))                                                // 8
                .row(with(visit("2017-03-05", "一队", "跟进早于拜访"), "下次跟进日期", "2017-03-04"))      // 9
                .row(with(visit("2017-03-01", "一队", "未知方式"), "方式", "电话联系"))                    // 10
                .row(with(visit("2017-03-01", "一队", "无此项目"), "关联项目编号", "NOPE-1"))              // 11
                .row(with(visit("2017-03-01", "一队", "校验位"), "统一社会信用代码", wrongCheck))          // 12
                .row(with(visit("2017-03-01", "一队", "未知区划"), "行政区划代码", "359999"))              // 13
                .row(visit("2017-03-01", "一队", "好企业"))                                                // 14 duplicate of 2
                .row(with(visit("2017-03-01", "一队", "坏跟进日期"), "下次跟进日期", "2017-13-01"));       // 15
        HttpResponse<String> r = admin().upload(IMPORT, "bad.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        List<String> cells = new ArrayList<>();
        errors.forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(cells).containsExactlyInAnyOrder("3:日期", "4:小分队", "5:企业", "6:方式", "7:日期", "8:日期", "9:下次跟进日期",
                "10:方式", "11:关联项目编号", "12:统一社会信用代码", "13:行政区划代码", "14:企业", "15:下次跟进日期");
        errors.forEach(e -> assertThat(e.get("message").asText()).matches(".*\\p{IsHan}.*"));
        assertThat(messageOf(errors, 8)).contains("不能晚于今天");
        assertThat(messageOf(errors, 9)).contains("不能早于走访日期");
        assertThat(messageOf(errors, 10)).contains("外出拜访").contains("来访考察");
        assertThat(messageOf(errors, 14)).contains("第2行");
        assertThat(errors.findValuesAsString("value")).contains("2017-02-30", tomorrow, "电话联系", "NOPE-1", wrongCheck, "359999");
        assertThat(count(fixtures.jdbc(), "visit") + count(fixtures.jdbc(), "team") + count(fixtures.jdbc(), "trip_batch")).isZero();
        assertThat(count(fixtures.jdbc(), "enterprise")).isZero();
    }

    @Test
    void aMissingRequiredColumnIsNamedOnTheHeaderRow() {
        Csv csv = Csv.of("日期", "小分队", "企业").row(row("日期", "2017-03-01", "小分队", "一队", "企业", "甲"));
        HttpResponse<String> r = admin().upload(IMPORT, "no-kind.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode e = Json.parse(r.body()).get("errors").get(0);
        assertThat(e.get("row").asInt()).isEqualTo(1);
        assertThat(e.get("column").asText()).isEqualTo("方式");
    }

    @Test
    void theWholeCountryAdminMustNameTheRegionOfEachRow() {
        Csv csv = Csv.of("日期", "小分队", "企业", "方式").row(row("日期", "2017-03-01", "小分队", "一队", "企业", "甲", "方式", "外出拜访"));
        HttpResponse<String> r = admin().upload(IMPORT, "no-region.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode e = Json.parse(r.body()).get("errors").get(0);
        assertThat(e.get("row").asInt()).isEqualTo(2);
        assertThat(e.get("column").asText()).isEqualTo("行政区划代码");
        assertThat(e.get("message").asText()).contains("必须填写行政区划代码");
    }

    @Test
    void anAbsentRegionIsTheImportingUsersRegion() {
        var office = as("office1", fixtures.account("office1", "OFFICE", "350112", null));
        Csv csv = Csv.of("日期", "小分队", "企业", "方式").row(row("日期", "2017-03-01", "小分队", "一队", "企业", "甲", "方式", "来访考察"));
        HttpResponse<String> r = office.upload(IMPORT, "office.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select region_code from team where name = '一队'").query(String.class).single()).isEqualTo("350112");
        assertThat(fixtures.jdbc().sql("select kind from visit").query(String.class).single()).isEqualTo("INSPECTION");
    }

    @Test
    void theSameFileTwiceChangesNothingAndAChangedCellUpdates() {
        Csv csv = sample();
        long before = count(fixtures.jdbc(), "audit_log where object_type = 'visit'");
        JsonNode first = Json.parse(admin().upload(IMPORT, "a.csv", csv.utf8()).body());
        assertThat(first.get("created").asInt()).isEqualTo(4);
        long audit = count(fixtures.jdbc(), "audit_log where object_type = 'visit'");
        assertThat(audit).isEqualTo(before + 4);
        JsonNode second = Json.parse(admin().upload(IMPORT, "a.csv", csv.utf8()).body());
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(4);
        assertThat(count(fixtures.jdbc(), "visit")).isEqualTo(4);
        assertThat(count(fixtures.jdbc(), "team")).isEqualTo(2);
        assertThat(count(fixtures.jdbc(), "enterprise")).isEqualTo(3);
        assertThat(count(fixtures.jdbc(), "audit_log where object_type = 'visit'")).isEqualTo(audit);

        Csv changed = Csv.of(VisitTables.HEADERS).row(with(with(visit("2017-03-01", "一队", "北京奇虎科技有限公司"),
                "统一社会信用代码", CODE), "下一步", "再谈一次"));
        JsonNode third = Json.parse(admin().upload(IMPORT, "b.csv", changed.utf8()).body());
        assertThat(third.get("updated").asInt()).isEqualTo(1);
        assertThat(third.get("created").asInt()).isZero();
        String detail = fixtures.jdbc().sql("select detail from audit_log where action = 'VISIT_IMPORT_UPDATE' order by id desc limit 1")
                .query(String.class).single();
        assertThat(detail).contains("下一步").contains("再谈一次").contains("签约意向");
    }

    /** The one update statement the changed visits of a file share sets every column of each, a cleared cell as empty. */
    @Test
    void aReimportSetsEveryChangedColumnOfEveryChangedVisit() {
        project("P-7", "350112");
        Csv first = Csv.of(VisitTables.HEADERS)
                .row(with(with(with(with(visit("2017-03-01", "一队", "甲"), "批次", "2017年第1批"), "城市", "北京"), "下一步", "再谈"),
                        "下次跟进日期", "2017-04-01"))
                .row(with(visit("2017-03-02", "一队", "乙"), "带队领导", "市长 王某"));
        assertThat(admin().upload(IMPORT, "a.csv", first.utf8()).statusCode()).isEqualTo(200);
        Csv second = Csv.of(VisitTables.HEADERS)
                .row(with(with(visit("2017-03-01", "一队", "甲"), "参加人员", "招商专员3名"), "洽谈内容", "签约细节"))
                .row(with(with(with(with(with(visit("2017-03-02", "一队", "乙"), "批次", "2017年第2批"), "城市", "上海"),
                        "带队领导", "书记 李某"), "下次跟进日期", "2017-05-02"), "关联项目编号", "P-7"));
        JsonNode r = Json.parse(admin().upload(IMPORT, "b.csv", second.utf8()).body());
        assertThat(r.get("updated").asInt()).as(r.toString()).isEqualTo(2);

        Map<String, Object> a = fixtures.jdbc().sql("""
                select v.batch_id, v.city, v.leader, v.members, v.discussion, v.next_step, v.follow_up_on, v.project_id, v.version
                from visit v where v.visited_on = '2017-03-01'""").query().singleRow();
        assertThat(a.get("batch_id")).isNull();
        assertThat(a.get("city")).isNull();
        assertThat(a.get("members")).isEqualTo("招商专员3名");
        assertThat(a.get("discussion")).isEqualTo("签约细节");
        assertThat(a.get("next_step")).isNull();
        assertThat(a.get("follow_up_on")).isNull();
        assertThat(a.get("version")).isEqualTo(1);
        Map<String, Object> b = fixtures.jdbc().sql("""
                select b.name as batch, v.city, v.leader, v.follow_up_on::text as follow_up, p.code as project, v.version
                from visit v left join trip_batch b on b.id = v.batch_id left join project p on p.id = v.project_id
                where v.visited_on = '2017-03-02'""").query().singleRow();
        assertThat(b).containsEntry("batch", "2017年第2批").containsEntry("city", "上海").containsEntry("leader", "书记 李某")
                .containsEntry("follow_up", "2017-05-02").containsEntry("project", "P-7").containsEntry("version", 1);
    }

    @Test
    void teamsAreMatchedByNameWithinTheirRegionAndRetiredCodesBecomeTheirSuccessors() {
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(visit("2017-03-01", "一队", "甲"))
                .row(with(visit("2017-03-02", "一队", "甲"), "行政区划代码", "350182"))
                .row(with(visit("2017-03-01", "一队", "乙"), "行政区划代码", "350102"));
        assertThat(admin().upload(IMPORT, "t.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select region_code || ':' || name from team order by region_code").query(String.class).list())
                .containsExactly("350102:一队", "350112:一队");
        assertThat(count(fixtures.jdbc(), "visit where region_code = '350112'")).isEqualTo(2);
    }

    @Test
    void enterprisesAreMatchedByCreditCodeElseByName() {
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(with(visit("2017-03-01", "一队", "北京奇虎科技有限公司"), "统一社会信用代码", CODE))
                .row(with(visit("2017-03-02", "一队", "奇虎360"), "统一社会信用代码", CODE))
                .row(visit("2017-03-03", "一队", "北京奇虎科技有限公司"));
        assertThat(admin().upload(IMPORT, "e.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(count(fixtures.jdbc(), "enterprise")).isEqualTo(1);
        assertThat(count(fixtures.jdbc(), "enterprise_alias where alias = '奇虎360'")).isEqualTo(1);
        assertThat(count(fixtures.jdbc(), "visit")).isEqualTo(3);
    }

    @Test
    void aGb18030CsvAndAnXlsxAreRead() throws IOException {
        Csv csv = Csv.of(VisitTables.HEADERS).row(with(visit("2017/3/1", "长乐一队", "国家信息中心"), "城市", "北京"));
        HttpResponse<String> gb = admin().upload(IMPORT, "走访.csv", csv.gb18030());
        assertThat(gb.statusCode()).as(gb.body()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select city from visit").query(String.class).single()).isEqualTo("北京");
        assertThat(fixtures.jdbc().sql("select name from team").query(String.class).single()).isEqualTo("长乐一队");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("走访");
        String[] h = {"日期", "小分队", "行政区划代码", "企业", "方式", "下次跟进日期"};
        for (int c = 0; c < h.length; c++) {
            ws.value(0, c, h[c]);
        }
        ws.value(1, 0, LocalDate.of(2017, 3, 2));
        ws.style(1, 0).format("yyyy-mm-dd").set();
        ws.value(1, 1, "长乐一队");
        ws.value(1, 2, 350112);
        ws.value(1, 3, "国家信息中心");
        ws.value(1, 4, "来访考察");
        ws.value(1, 5, "2017-03-20");
        wb.finish();
        HttpResponse<String> x = admin().upload(IMPORT, "走访.xlsx", out.toByteArray());
        assertThat(x.statusCode()).as(x.body()).isEqualTo(200);
        assertThat(Json.parse(x.body()).get("created").asInt()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select visited_on || ' ' || kind from visit where kind = 'INSPECTION'").query(String.class).single())
                .isEqualTo("2017-03-02 INSPECTION");
    }

    @Test
    void aProjectCodeLinksTheVisit() {
        project("P-1", "350112");
        Csv csv = Csv.of(VisitTables.HEADERS).row(with(visit("2017-03-01", "一队", "甲"), "关联项目编号", "P-1"));
        assertThat(admin().upload(IMPORT, "p.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select p.code from visit v join project p on p.id = v.project_id").query(String.class).single())
                .isEqualTo("P-1");
    }

    @Test
    void aNextVisitClosesTheTeamsOpenFollowUpOfThatEnterprise() {
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(with(visit("2017-03-01", "一队", "甲"), "下次跟进日期", "2017-04-01"))
                .row(visit("2017-03-20", "一队", "甲"));
        assertThat(admin().upload(IMPORT, "f.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select follow_up_done_on::text from visit where visited_on = '2017-03-01'").query(String.class).single())
                .isEqualTo("2017-03-20");
    }

    private void project(String code, String region) {
        Csv p = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目编号", code, "项目名称", "项目" + code, "行政区划代码", region, "总投资(万元)", "100", "对接日期", "2017-01-01"));
        assertThat(admin().upload("/api/v1/projects/import", "p.csv", p.utf8()).statusCode()).isEqualTo(200);
    }

    private static Csv sample() {
        return Csv.of(VisitTables.HEADERS)
                .row(with(with(with(visit("2017-03-01", "一队", "北京奇虎科技有限公司"), "统一社会信用代码", CODE), "下一步", "签约意向"),
                        "批次", "2017年第1批"))
                .row(with(visit("2017-03-01", "一队", "国家信息中心"), "批次", "2017年第1批"))
                .row(with(visit("2017-03-02", "二队", "国家信息中心"), "批次", "2017年第1批"))
                .row(with(visit("2017-04-01", "二队", "浪潮集团有限公司"), "方式", "来访考察"));
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value) {
        row.put(column, value);
        return row;
    }

    private static String messageOf(JsonNode errors, int row) {
        for (JsonNode e : errors) {
            if (e.get("row").asInt() == row) {
                return e.get("message").asText();
            }
        }
        return "";
    }
}
