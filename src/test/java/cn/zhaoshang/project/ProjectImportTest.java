package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.report.TotalsCheck;
import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md §3 through the HTTP API on a real database. */
class ProjectImportTest extends IntegrationTest {

    @Autowired
    TotalsCheck totals;

    @Autowired
    ProjectStore store;

    @Autowired
    PlatformTransactionManager transactions;

    private static final String VALID_CODE = CreditCodes.complete("91350100MA2Y4K8P3");

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void aFileWithBadCellsIsRejectedWholeAndEveryBadCellIsNamed() {
        String wrongCheck = VALID_CODE.substring(0, 17) + (VALID_CODE.charAt(17) == '0' ? '1' : '0');
        Csv csv = Csv.of("项目编号", "项目名称", "统一社会信用代码", "行政区划代码", "总投资(万元)", "对接日期", "签约日期", "落地日期",
                        "终止日期", "签约活动", "上台签约", "重点项目", "上级项目编号")
                .row(row("项目编号", "OK1", "项目名称", "好项目", "行政区划代码", "350112", "总投资(万元)", "100", "对接日期", "2017-01-01"))
                .row(row("项目编号", "B1", "项目名称", "", "行政区划代码", "350112", "总投资(万元)", "100", "对接日期", "2017-01-01"))
                .row(row("项目编号", "B2", "项目名称", "日期不存在", "行政区划代码", "350112", "总投资(万元)", "100", "对接日期", "2017-02-30"))
                .row(row("项目编号", "B3", "项目名称", "日期倒序", "行政区划代码", "350112", "总投资(万元)", "100", "对接日期", "2017-03-01",
                        "签约日期", "2017-02-01"))
                .row(row("项目编号", "B4", "项目名称", "负数", "行政区划代码", "350112", "总投资(万元)", "-5", "对接日期", "2017-01-01"))
                .row(row("项目编号", "B5", "项目名称", "三位小数", "行政区划代码", "350112", "总投资(万元)", "1.234", "对接日期", "2017-01-01"))
                .row(row("项目编号", "B6", "项目名称", "非数字", "行政区划代码", "350112", "总投资(万元)", "一百", "对接日期", "2017-01-01"))
                .row(row("项目编号", "B7", "项目名称", "校验位", "统一社会信用代码", wrongCheck, "行政区划代码", "350112", "总投资(万元)", "1",
                        "对接日期", "2017-01-01"))
                .row(row("项目编号", "B8", "项目名称", "未知区划", "行政区划代码", "359999", "总投资(万元)", "1", "对接日期", "2017-01-01"))
                .row(row("项目编号", "B9", "项目名称", "上台无活动", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "上台签约", "是"))
                .row(row("项目编号", "B10", "项目名称", "无上级", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "上级项目编号", "NOPE"))
                .row(row("项目编号", "B11", "项目名称", "坏标志", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "重点项目", "Y"))
                .row(row("项目编号", "B12", "项目名称", "终止早于对接", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-05-01",
                        "终止日期", "2017-04-01"))
                .row(row("项目编号", "B13", "项目名称", "循环甲", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "上级项目编号", "B14"))
                .row(row("项目编号", "B14", "项目名称", "循环乙", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "上级项目编号", "B13"));
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "bad.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        List<String> cells = new ArrayList<>();
        errors.forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(cells).contains("3:项目名称", "4:对接日期", "5:签约日期", "6:总投资(万元)", "7:总投资(万元)", "8:总投资(万元)",
                "9:统一社会信用代码", "10:行政区划代码", "11:上台签约", "12:上级项目编号", "13:重点项目", "14:终止日期",
                "15:上级项目编号", "16:上级项目编号");
        assertThat(cells).noneMatch(c -> c.startsWith("2:"));
        errors.forEach(e -> assertThat(e.get("message").asText()).matches(".*\\p{IsHan}.*"));
        assertThat(errors.findValuesAsString("value")).contains("2017-02-30", "-5", wrongCheck, "359999");
        assertThat(count("project")).isZero();
        assertThat(count("unit") + count("enterprise") + count("import_batch")).isZero();
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        byte[] file = sample().utf8();
        JsonNode first = Json.parse(admin().upload("/api/v1/projects/import", "a.csv", file).body());
        assertThat(first.get("created").asInt()).isEqualTo(3);
        long revisions = count("project_revision");
        JsonNode second = Json.parse(admin().upload("/api/v1/projects/import", "a.csv", file).body());
        assertThat(second.get("created").asInt()).isZero();
        assertThat(second.get("updated").asInt()).isZero();
        assertThat(second.get("unchanged").asInt()).isEqualTo(3);
        assertThat(count("project")).isEqualTo(3);
        assertThat(count("project_revision")).isEqualTo(revisions);
    }

    @Test
    void aChangedRowUpdatesItsProjectAndKeepsTheOldValuesInHistory() {
        admin().upload("/api/v1/projects/import", "a.csv", sample().utf8());
        Csv changed = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "签约日期")
                .row(row("项目编号", "P1", "项目名称", "智慧园区", "行政区划代码", "350112", "总投资(万元)", "2500.5", "对接日期", "2017-01-02",
                        "签约日期", "2017-03-03"));
        JsonNode r = Json.parse(admin().upload("/api/v1/projects/import", "b.csv", changed.utf8()).body());
        assertThat(r.get("updated").asInt()).isEqualTo(1);
        JsonNode p = Json.parse(admin().get("/api/v1/projects/P1").body());
        assertThat(p.get("investment").decimalValue()).isEqualByComparingTo("2500.50");
        assertThat(p.get("stage").asText()).isEqualTo("SIGNED");
        String changes = fixtures.jdbc().sql("""
                select detail from audit_log where object_type = 'project' and object_id = 'P1' and action = 'PROJECT_IMPORT_UPDATE'
                """).query(String.class).single();
        assertThat(changes).contains("总投资(万元)").contains("2000.00").contains("2500.50").contains("签约日期");
    }

    /** The update statement a chunk's changed projects share carries every column, a cleared cell as empty, and the totals along. */
    @Test
    void aChunkWhoseProjectWasSavedByAnotherSinceItWasReadIsRefusedWhole() {
        refusedWhenAnotherWriterMoved("update project set version = version + 1 where code = 'V2'");
    }

    /**
     * The import sums its updates' old values out of the running totals (TotalsInbox): a counted value changed since it was
     * read by a write that makes no new version (a region code's successor, a unit's removal) refuses the chunk too.
     */
    @Test
    void aChunkWhoseCountedValuesMovedWithoutANewVersionIsRefusedWhole() {
        refusedWhenAnotherWriterMoved("update project set region_code = '350121' where code = 'V2'");
        assertThat(totals.run(false).differing()).as("the running totals equal a rebuild from the ledger").isZero();
    }

    private void refusedWhenAnotherWriterMoved(String anotherWrite) {
        Csv first = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目编号", "V1", "项目名称", "原名甲", "行政区划代码", "350112", "总投资(万元)", "10", "对接日期", "2017-01-05"))
                .row(row("项目编号", "V2", "项目名称", "原名乙", "行政区划代码", "350112", "总投资(万元)", "20", "对接日期", "2017-01-06"));
        assertThat(admin().upload("/api/v1/projects/import", "v.csv", first.utf8()).statusCode()).isEqualTo(200);
        Map<String, ProjectStore.Existing> found = store.findByCodes(List.of("V1", "V2"));
        Map<String, ProjectStore.Existing> read = new java.util.HashMap<>();
        store.withCounted(found.values()).values().forEach(e -> read.put(e.code(), e));
        // another writer changes V2 after this writer read it
        fixtures.jdbc().sql(anotherWrite).update();
        List<ProjectStore.Write> writes = new ArrayList<>();
        for (String code : List.of("V1", "V2")) {
            ProjectStore.Existing e = read.get(code);
            writes.add(new ProjectStore.Write(new ProjectDraft(code, "新名" + code, null, null, "350112", null, null,
                    new BigDecimal("30"), null, null, false,
                    new ProjectDates(LocalDate.of(2017, 1, 5), null, null, null, null, null), null, false, null, null, null),
                    e, e.version(), "IMPORT_UPDATE"));
        }
        long revisions = count("project_revision");
        var tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> store.write(writes, "admin", Instant.now())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("已被他人修改");
        assertThat(fixtures.jdbc().sql("select name from project order by code").query(String.class).list())
                .containsExactly("原名甲", "原名乙");
        assertThat(count("project_revision")).isEqualTo(revisions);
    }

    @Test
    void anUpdateImportChangesEveryColumnAndTheTotalsFollow() {
        String[] headers = {"项目编号", "项目名称", "投资方", "统一社会信用代码", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "外资(万美元)",
                "实际利用外资(万美元)", "重点项目", "对接日期", "签约日期", "落地日期", "开工日期", "竣工日期", "终止日期", "签约活动", "上台签约", "来源",
                "引荐企业", "上级项目编号"};
        Csv first = Csv.of(headers)
                .row(row("项目编号", "U0", "项目名称", "上级项目", "行政区划代码", "350112", "总投资(万元)", "10", "对接日期", "2016-05-01"))
                .row(row("项目编号", "U1", "项目名称", "全列项目", "投资方", "甲投资有限公司", "行政区划代码", "350112", "责任单位", "区商务局",
                        "产业链", "大数据", "总投资(万元)", "1000", "外资(万美元)", "50", "实际利用外资(万美元)", "20", "重点项目", "是",
                        "对接日期", "2017-01-02", "签约日期", "2017-02-01", "落地日期", "2017-03-01", "签约活动", "第十九届海交会",
                        "上台签约", "是", "来源", "以商招商", "引荐企业", "乙引荐公司", "上级项目编号", "U0"));
        assertThat(admin().upload("/api/v1/projects/import", "u1.csv", first.utf8()).statusCode()).isEqualTo(200);
        Csv second = Csv.of(headers)
                .row(row("项目编号", "U0", "项目名称", "上级项目", "行政区划代码", "350112", "总投资(万元)", "10", "对接日期", "2016-05-01"))
                .row(row("项目编号", "U1", "项目名称", "全列项目（改）", "投资方", "丙投资有限公司", "行政区划代码", "350121", "责任单位", "县发改局",
                        "产业链", "医疗健康", "总投资(万元)", "1234.56", "重点项目", "否", "对接日期", "2017-01-05", "签约日期", "2017-02-10",
                        "落地日期", "2017-03-10", "开工日期", "2017-04-01", "竣工日期", "2017-06-01", "终止日期", "2017-07-01",
                        "上台签约", "否", "来源", "驻点招商"));
        JsonNode r = Json.parse(admin().upload("/api/v1/projects/import", "u2.csv", second.utf8()).body());
        assertThat(r.get("updated").asInt()).as(r.toString()).isEqualTo(1);
        assertThat(r.get("unchanged").asInt()).isEqualTo(1);

        JsonNode p = Json.parse(admin().get("/api/v1/projects/U1").body());
        assertThat(p.get("name").asText()).isEqualTo("全列项目（改）");
        assertThat(p.get("investor").asText()).isEqualTo("丙投资有限公司");
        assertThat(p.get("region").asText()).isEqualTo("350121");
        assertThat(p.get("unit").asText()).isEqualTo("县发改局");
        assertThat(p.get("chain").asText()).isEqualTo("医疗健康");
        assertThat(p.get("investment").decimalValue()).isEqualByComparingTo("1234.56");
        assertThat(absent(p, "foreignInvestment")).as(p.toString()).isTrue();
        assertThat(absent(p, "utilizedForeignCapital")).isTrue();
        assertThat(p.get("keyProject").asBoolean()).isFalse();
        assertThat(p.get("contactedOn").asText()).isEqualTo("2017-01-05");
        assertThat(p.get("signedOn").asText()).isEqualTo("2017-02-10");
        assertThat(p.get("landedOn").asText()).isEqualTo("2017-03-10");
        assertThat(p.get("startedOn").asText()).isEqualTo("2017-04-01");
        assertThat(p.get("completedOn").asText()).isEqualTo("2017-06-01");
        assertThat(p.get("terminatedOn").asText()).isEqualTo("2017-07-01");
        assertThat(absent(p, "event")).isTrue();
        assertThat(p.get("onStage").asBoolean()).isFalse();
        assertThat(p.get("source").asText()).isEqualTo("驻点招商");
        assertThat(absent(p, "referrer")).isTrue();
        assertThat(absent(p, "parentCode")).isTrue();
        assertThat(p.get("stage").asText()).isEqualTo("TERMINATED");
        assertThat(p.get("version").asInt()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select count(*) from project_revision r join project p on p.id = r.project_id"
                + " where p.code = 'U1' and r.region_code = '350121'").query(Long.class).single()).isEqualTo(2);
        assertThat(totals.run(false).differing()).as("the running totals equal a rebuild from the ledger").isZero();
    }

    @Test
    void anImportsShareOfTheRunningTotalsIsWrittenByItAndMergedAfterCommit() throws InterruptedException {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "外资(万美元)", "实际利用外资(万美元)",
                        "对接日期", "签约日期", "落地日期", "开工日期", "终止日期", "签约活动", "上台签约")
                .row(row("项目编号", "T1", "项目名称", "上台签约项目", "行政区划代码", "350112", "责任单位", "东南大数据产业园", "产业链", "大数据",
                        "总投资(万元)", "1200.50", "外资(万美元)", "300", "实际利用外资(万美元)", "120.25", "对接日期", "2017-01-02",
                        "签约日期", "2017-06-18", "签约活动", "第十九届海交会", "上台签约", "是"))
                .row(row("项目编号", "T2", "项目名称", "落地后终止", "行政区划代码", "350112", "责任单位", "吴航街道", "总投资(万元)", "800",
                        "对接日期", "2016-12-30", "签约日期", "2017-01-31", "开工日期", "2017-03-01", "终止日期", "2017-09-30",
                        "签约活动", "第十九届海交会", "上台签约", "否"))
                .row(row("项目编号", "T3", "项目名称", "对接当日终止", "行政区划代码", "350121", "产业链", "医疗健康", "总投资(万元)", "66.6",
                        "对接日期", "2017-02-28", "终止日期", "2017-02-28"));
        JsonNode r = Json.parse(admin().upload("/api/v1/projects/import", "t.csv", csv.utf8()).body());
        assertThat(r.get("created").asInt()).as(r.toString()).isEqualTo(3);
        // the import summed its projects' cells itself (TotalsInbox.Cells): the figures read the totals and the inbox
        assertThat(totals.run(false).differing()).as("the running totals equal a rebuild from the ledger").isZero();
        // T3 ended before the 30th of June; T2 is in the pool, landed, terminated after it
        JsonNode summary = Json.parse(admin().get("/api/v1/reports/summary?region=350100&from=2017-01-01&to=2017-06-30").body());
        assertThat(summary.get("total").get("count").asInt()).as(summary.toString()).isEqualTo(2);
        assertThat(summary.get("total").get("investment").decimalValue()).isEqualByComparingTo("2000.50");
        assertThat(summary.get("stages").get("LANDED").get("count").asInt()).isEqualTo(1);
        // and merged them into the totals after commit, on a thread of its own
        for (int i = 0; i < 100 && count("report_delta_inbox") + count("report_event_delta_inbox") > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(count("report_delta_inbox") + count("report_event_delta_inbox")).isZero();
        assertThat(count("report_delta")).isPositive();
        assertThat(count("report_event_delta")).isPositive();
        assertThat(totals.run(false).differing()).isZero();
    }

    /**
     * A file of thousands of rows (read in chunks of 1,000, written in chunks of 5,000) finds the ledger's projects
     * wherever they are in it, by code or by region and name, and names a repeated name with the row it repeats.
     */
    @Test
    void aLargeFileFindsItsProjectsWhereverTheyAreInIt() {
        // contacted in 2013, a year no other test's codes use: the codes given here (350112-2013-0001, …) name no project
        // of another test, whose history the audit trail (never emptied between tests) would otherwise show
        String[] headers = {"项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期"};
        Csv first = Csv.of(headers)
                .row(row("项目编号", "K1", "项目名称", "甲项目", "行政区划代码", "350112", "总投资(万元)", "10", "对接日期", "2013-01-05"))
                .row(row("项目名称", "乙项目", "行政区划代码", "350112", "总投资(万元)", "20", "对接日期", "2013-01-06"))
                .row(row("项目名称", "丙项目", "行政区划代码", "350121", "总投资(万元)", "30", "对接日期", "2013-01-07"));
        assertThat(Json.parse(admin().upload("/api/v1/projects/import", "k.csv", first.utf8()).body()).get("created").asInt()).isEqualTo(3);
        Csv large = Csv.of(headers);
        for (int i = 1; i <= 12_000; i++) {
            if (i == 6_001) {
                large.row(row("项目名称", "乙项目", "行政区划代码", "350112", "总投资(万元)", "25", "对接日期", "2013-01-06"));
            } else if (i == 11_000) {
                large.row(row("项目编号", "K1", "项目名称", "甲项目", "行政区划代码", "350112", "总投资(万元)", "10", "对接日期", "2013-01-05"));
            } else if (i == 11_999) {
                large.row(row("项目名称", "丙项目", "行政区划代码", "350121", "总投资(万元)", "30", "对接日期", "2013-01-07"));
            } else {
                large.row(row("项目名称", "批量项目" + i, "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2013-02-01"));
            }
        }
        JsonNode r = Json.parse(admin().upload("/api/v1/projects/import", "large.csv", large.utf8()).body());
        assertThat(r.get("created").asInt()).as(r.toString()).isEqualTo(11_997);
        assertThat(r.get("updated").asInt()).isEqualTo(1);
        assertThat(r.get("unchanged").asInt()).isEqualTo(2);
        assertThat(fixtures.jdbc().sql("select investment from project where name = '乙项目'").query(BigDecimal.class).single())
                .isEqualByComparingTo("25");
        assertThat(count("project")).isEqualTo(12_000);

        // a name repeated in a later batch, in the same region and without a code, is named with the row it repeats
        Csv repeated = Csv.of(headers);
        for (int i = 1; i <= 10_001; i++) {
            String name = i == 10_001 ? "重复项目" : i == 1 ? "重复项目" : "另一批项目" + i;
            repeated.row(row("项目名称", name, "行政区划代码", "350121", "总投资(万元)", "1", "对接日期", "2013-03-01"));
        }
        HttpResponse<String> rejected = admin().upload("/api/v1/projects/import", "repeated.csv", repeated.utf8());
        assertThat(rejected.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(rejected.body()).get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(10_002);
        assertThat(errors.get(0).get("message").asText()).contains("第2行");
        assertThat(count("project")).as("nothing written").isEqualTo(12_000);
    }

    @Test
    void aBadRowLateInALargeFileLeavesNothingOfWhatItsEarlierRowsNamed() {
        // 8,499 rows naming new investors before the bad one: neither they, nor their projects, nor the name search's
        // inbox keep anything
        String[] headers = {"项目名称", "行政区划代码", "总投资(万元)", "对接日期", "投资方"};
        Csv csv = Csv.of(headers);
        for (int i = 1; i <= 9_000; i++) {
            csv.row(row("项目名称", "先查项目" + i, "行政区划代码", "350112", "总投资(万元)", i == 8_500 ? "一百" : "1",
                    "对接日期", "2013-04-01", "投资方", "先查投资方" + i + "有限公司"));
        }
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "late.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(8_501);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("总投资(万元)");
        assertThat(count("enterprise")).isZero();
        assertThat(count("project")).isZero();
        assertThat(count("name_search_inbox")).isZero();
    }

    @Test
    void anUnchangedRowWhoseInvestorWasRenamedSinceCreatesNoEnterprise() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "投资方")
                .row(row("项目编号", "RN1", "项目名称", "改名测试项目", "行政区划代码", "350112", "总投资(万元)", "10",
                        "对接日期", "2013-05-01", "投资方", "旧名有限公司"));
        assertThat(Json.parse(admin().upload("/api/v1/projects/import", "rn.csv", csv.utf8()).body()).get("created").asInt()).isEqualTo(1);
        fixtures.jdbc().sql("update enterprise set name = '新名有限公司' where name = '旧名有限公司'").update();
        JsonNode again = Json.parse(admin().upload("/api/v1/projects/import", "rn.csv", csv.utf8()).body());
        assertThat(again.get("unchanged").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select name from enterprise").query(String.class).list()).containsExactly("新名有限公司");
    }

    @Test
    void aRowWithoutCodeIsNotTakenForANewProjectOfTheSameFileWithTheSameName() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目编号", "SN1", "项目名称", "同名新项目", "行政区划代码", "350112", "总投资(万元)", "10", "对接日期", "2013-06-01"))
                .row(row("项目名称", "同名新项目", "行政区划代码", "350112", "总投资(万元)", "20", "对接日期", "2013-06-02"));
        JsonNode r = Json.parse(admin().upload("/api/v1/projects/import", "sn.csv", csv.utf8()).body());
        assertThat(r.get("created").asInt()).as(r.toString()).isEqualTo(2);
        assertThat(fixtures.jdbc().sql("select count(*) from project where name = '同名新项目'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void rowsWithoutCodeGetOneAndAreFoundAgainByRegionAndName() {
        Csv csv = Csv.of("项目名称", "行政区划代码", "总投资(万元)", "对接日期", "投资方", "统一社会信用代码")
                .row(row("项目名称", "无编号项目", "行政区划代码", "350182", "总投资(万元)", "10", "对接日期", "2017/3/9", "投资方", "北京奇虎科技有限公司",
                        "统一社会信用代码", VALID_CODE));
        assertThat(Json.parse(admin().upload("/api/v1/projects/import", "c.csv", csv.utf8()).body()).get("created").asInt()).isEqualTo(1);
        JsonNode list = Json.parse(admin().get("/api/v1/projects?page=0&size=20").body());
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode p = list.get("items").get(0);
        assertThat(p.get("code").asText()).isEqualTo("350112-2017-0001");
        assertThat(p.get("region").asText()).isEqualTo("350112");
        assertThat(p.get("contactedOn").asText()).isEqualTo("2017-03-09");
        assertThat(p.get("creditCode").asText()).isEqualTo(VALID_CODE);
        JsonNode again = Json.parse(admin().upload("/api/v1/projects/import", "c.csv", csv.utf8()).body());
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(count("project")).isEqualTo(1);
    }

    @Test
    void aRowWithoutCodeFindsTheProjectOfAnEarlierImportStillWaitingForItsListMerge() {
        // an earlier import's project, committed, its list row not merged yet (V29's inbox; the flag set without a merge)
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            fixtures.jdbc().sql("select set_config('zhaoshang.names_by_writer', 'on', true)").query().listOfRows();
            fixtures.jdbc().sql("""
                    insert into project (code, name, region_code, investment, contacted_on)
                    values ('350112-2017-0007', '待合并的项目', '350112', 10, date '2017-03-09')""").update();
        });
        assertThat(count("project_list_inbox")).isEqualTo(1);
        Csv csv = Csv.of("项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目名称", "待合并的项目", "行政区划代码", "350112", "总投资(万元)", "12", "对接日期", "2017-03-09"));
        JsonNode r = Json.parse(admin().upload("/api/v1/projects/import", "w.csv", csv.utf8()).body());
        assertThat(r.get("updated").asInt()).as(r.toString()).isEqualTo(1);
        assertThat(r.get("created").asInt()).as(r.toString()).isZero();
        assertThat(count("project")).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select investment from project_listed where code = '350112-2017-0007'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("12");
    }

    @Test
    void codesAreAssignedPerRegionAndYearSkippingCodesAPersonAlreadyUsed() {
        Csv first = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目编号", "350112-2017-0002", "项目名称", "手编号项目", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-05"))
                .row(row("项目编号", "350121-2018-0001", "项目名称", "闽侯手编号项目", "行政区划代码", "350121", "总投资(万元)", "1", "对接日期", "2018-01-05"));
        assertThat(Json.parse(admin().upload("/api/v1/projects/import", "a.csv", first.utf8()).body()).get("created").asInt()).isEqualTo(2);
        Csv second = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("项目编号", "", "项目名称", "甲", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-02-01"))
                .row(row("项目编号", "", "项目名称", "乙", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-03-01"))
                .row(row("项目编号", "350112-2017-0004", "项目名称", "丙", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-04-01"))
                .row(row("项目编号", "", "项目名称", "丁", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-05-01"))
                .row(row("项目编号", "", "项目名称", "戊", "行政区划代码", "350121", "总投资(万元)", "1", "对接日期", "2018-06-01"))
                .row(row("项目编号", "", "项目名称", "己", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2018-07-01"));
        assertThat(Json.parse(admin().upload("/api/v1/projects/import", "b.csv", second.utf8()).body()).get("created").asInt()).isEqualTo(6);
        Map<String, String> codes = new LinkedHashMap<>();
        fixtures.jdbc().sql("select name, code from project order by code").query((rs, n) -> codes.put(rs.getString(1), rs.getString(2))).list();
        // 0002 was in the ledger and 0004 in the file: in row order, 甲 乙 丁 take 0001, 0003 and 0005
        assertThat(codes).containsEntry("甲", "350112-2017-0001").containsEntry("乙", "350112-2017-0003")
                .containsEntry("丙", "350112-2017-0004").containsEntry("丁", "350112-2017-0005")
                .containsEntry("戊", "350121-2018-0002").containsEntry("己", "350112-2018-0001");
    }

    @Test
    void enterprisesAreMatchedByCreditCodeThenByNameAndANewNameBecomesAnAlias() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "投资方", "统一社会信用代码", "引荐企业")
                .row(row("项目编号", "E1", "项目名称", "一", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "投资方", "北京奇虎科技有限公司", "统一社会信用代码", VALID_CODE))
                .row(row("项目编号", "E2", "项目名称", "二", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "投资方", "奇虎360", "统一社会信用代码", VALID_CODE))
                .row(row("项目编号", "E3", "项目名称", "三", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "投资方", "奇虎360", "引荐企业", "北京奇虎科技有限公司"));
        assertThat(admin().upload("/api/v1/projects/import", "e.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(count("enterprise")).isEqualTo(1);
        assertThat(fixtures.jdbc().sql("select alias from enterprise_alias").query(String.class).list()).containsExactly("奇虎360");
        assertThat(Json.parse(admin().get("/api/v1/projects/E3").body()).get("investor").asText()).isEqualTo("北京奇虎科技有限公司");
    }

    @Test
    void unitsAreMatchedByNameWithinTheProjectsRegion() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "总投资(万元)", "对接日期")
                .row(row("项目编号", "U1", "项目名称", "长乐商务", "行政区划代码", "350112", "责任单位", "市商务局", "总投资(万元)", "1", "对接日期", "2017-01-01"))
                .row(row("项目编号", "U2", "项目名称", "福清商务", "行政区划代码", "350181", "责任单位", "市商务局", "总投资(万元)", "1", "对接日期", "2017-01-01"))
                .row(row("项目编号", "U3", "项目名称", "长乐商务二", "行政区划代码", "350112", "责任单位", "市商务局", "总投资(万元)", "1", "对接日期", "2017-01-01"));
        assertThat(admin().upload("/api/v1/projects/import", "u.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select region_code from unit where name = '市商务局' order by 1").query(String.class).list())
                .containsExactly("350112", "350181");
    }

    @Test
    void parentsMayComeFromTheFileOrTheLedgerAndAStageColumnMustAgreeWithTheDates() {
        admin().upload("/api/v1/projects/import", "a.csv", sample().utf8());
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "落地日期", "开工日期", "上级项目编号", "阶段")
                .row(row("项目编号", "C1", "项目名称", "子一", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "上级项目编号", "P1", "阶段", "线索"))
                .row(row("项目编号", "C2", "项目名称", "孙一", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "落地日期", "2017-02-01", "开工日期", "2017-03-01", "上级项目编号", "C1", "阶段", "落地"));
        assertThat(admin().upload("/api/v1/projects/import", "c.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(Json.parse(admin().get("/api/v1/projects/C2").body()).get("parentCode").asText()).isEqualTo("C1");
        assertThat(Json.parse(admin().get("/api/v1/projects/C2").body()).get("stage").asText()).isEqualTo("STARTED");

        Csv cycle = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "上级项目编号")
                .row(row("项目编号", "P1", "项目名称", "智慧园区", "行政区划代码", "350112", "总投资(万元)", "2000", "对接日期", "2017-01-02",
                        "上级项目编号", "C2"));
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "cycle.csv", cycle.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("循环");

        Csv wrongStage = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "签约日期", "阶段")
                .row(row("项目编号", "S1", "项目名称", "阶段不符", "行政区划代码", "350112", "总投资(万元)", "1", "对接日期", "2017-01-01",
                        "签约日期", "2017-02-01", "阶段", "落地"));
        HttpResponse<String> s = admin().upload("/api/v1/projects/import", "s.csv", wrongStage.utf8());
        assertThat(s.statusCode()).isEqualTo(422);
        assertThat(Json.parse(s.body()).get("errors").get(0).get("column").asText()).isEqualTo("阶段");
    }

    @Test
    void gb18030CsvAndXlsxWithExcelDateCellsImportAlike() throws IOException {
        assertThat(admin().upload("/api/v1/projects/import", "gbk.csv", sample().gb18030()).statusCode()).isEqualTo(200);
        assertThat(Json.parse(admin().get("/api/v1/projects/P2").body()).get("name").asText()).isEqualTo("长乐医疗大数据中心");
        fixtures.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("项目");
        String[] headers = {"项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "签约日期"};
        for (int i = 0; i < headers.length; i++) {
            ws.value(0, i, headers[i]);
        }
        ws.value(1, 0, "X1");
        ws.value(1, 1, "Excel项目");
        ws.value(1, 2, 350112);
        ws.value(1, 3, 12345.67);
        ws.value(1, 4, LocalDate.of(2017, 2, 28));
        ws.style(1, 4).format("yyyy-mm-dd").set();
        ws.value(1, 5, "2017/5/18");
        wb.finish();
        HttpResponse<String> r = admin().upload("/api/v1/projects/import", "x.xlsx", out.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = Json.parse(admin().get("/api/v1/projects/X1").body());
        assertThat(p.get("contactedOn").asText()).isEqualTo("2017-02-28");
        assertThat(p.get("signedOn").asText()).isEqualTo("2017-05-18");
        assertThat(p.get("investment").decimalValue()).isEqualByComparingTo("12345.67");
    }

    @Test
    void theTemplateIsAWorkbookWithEveryColumnAndItsExplanation() throws IOException {
        HttpResponse<byte[]> r = admin().getBytes("/api/v1/projects/import/template");
        assertThat(r.statusCode()).isEqualTo(200);
        var sheet = cn.zhaoshang.sheet.SheetReader.read("t.xlsx", new java.io.ByteArrayInputStream(r.body()), 10);
        assertThat(sheet.headers()).contains("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期", "上台签约", "上级项目编号");
        assertThat(sheet.rows()).hasSize(1);
        // the example row is itself valid
        HttpResponse<String> imported = admin().upload("/api/v1/projects/import", "template.xlsx", r.body());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void malformedUploadsAreRefusedWithAChineseMessageNeverA5xx() {
        for (byte[] junk : List.of(new byte[0], "just text".getBytes(), new byte[]{'P', 'K', 3, 4, 0, 0, 1})) {
            HttpResponse<String> r = admin().upload("/api/v1/projects/import", "junk.xlsx", junk);
            assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(Json.parse(r.body()).get("detail").asText()).matches(".*\\p{IsHan}.*");
        }
        HttpResponse<String> noHeader = admin().upload("/api/v1/projects/import", "h.csv", "项目名称,对接日期\r\n甲,2017-01-01\r\n".getBytes());
        assertThat(noHeader.statusCode()).isEqualTo(422);
        assertThat(noHeader.body()).contains("缺少必填列");
    }

    private static Csv sample() {
        return Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期", "签约日期", "落地日期")
                .row(row("项目编号", "P1", "项目名称", "智慧园区", "行政区划代码", "350112", "责任单位", "东南大数据产业园", "产业链", "大数据",
                        "总投资(万元)", "2000", "对接日期", "2017-01-02"))
                .row(row("项目编号", "P2", "项目名称", "长乐医疗大数据中心", "行政区划代码", "350112", "责任单位", "东南大数据产业园",
                        "产业链", "医疗健康", "总投资(万元)", "30000.5", "对接日期", "2017-01-03", "签约日期", "2017-02-01", "落地日期", "2017-03-01"))
                .row(row("项目编号", "P3", "项目名称", "吴航商贸综合体", "行政区划代码", "350112", "责任单位", "吴航街道", "产业链", "商贸服务",
                        "总投资(万元)", "800", "对接日期", "2017-01-04"));
    }

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private long count(String table) {
        return fixtures.jdbc().sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The API leaves an empty field out or writes it as null. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }
}
