package cn.zhaoshang.visit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every field-work page renders with data in it, and shows what it is for. */
class VisitPagesTest extends IntegrationTest {

    private Http office;
    private String password;

    @BeforeEach
    void someFieldWork() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
        password = fixtures.account("pageoffice", "OFFICE", "350112", null);
        office = as("pageoffice", password);
        String soon = LocalDate.now(clock).plusDays(3).toString();
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(VisitTables.row("日期", "2017-03-01", "小分队", "一队", "批次", "2017年第1批", "城市", "北京", "企业", "国家信息中心",
                        "方式", "外出拜访", "下一步", "邀请来长考察", "下次跟进日期", soon))
                .row(VisitTables.row("日期", "2017-03-20", "小分队", "接待组", "企业", "国家信息中心", "方式", "来访考察"));
        assertThat(office.upload("/api/v1/visits/import", "p.csv", csv.utf8()).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void everyPageRenders() {
        long team = fixtures.jdbc().sql("select id from team where name = '一队'").query(Long.class).single();
        long enterprise = fixtures.jdbc().sql("select id from enterprise").query(Long.class).single();
        long visit = fixtures.jdbc().sql("select id from visit where kind = 'VISIT'").query(Long.class).single();
        page("/visits?region=350112&from=2017-01-01&to=2017-12-31", "走访统计", "一队", "国家信息中心", "走访成效漏斗", "多次拜访的成效");
        page("/visits/teams?from=2017-01-01&to=2017-12-31", "招商小分队", "一队", "新建小分队");
        page("/visits/teams/" + team, "任务分配", "跟进提醒", "邀请来长考察", "修改任务分配");
        page("/visits/new?team=" + team, "录入走访", "外出拜访", "来访考察", "value=\"一队\"", LocalDate.now(clock).toString());
        page("/visits/follow-ups?team=" + team, "跟进提醒", "近30天内到期", "国家信息中心");
        page("/visits/follow-ups", "我的跟进提醒", "国家信息中心");
        page("/visits/batches", "2017年第1批", "2017-03-01", "北京");
        page("/visits/import", "导入走访记录", "下次跟进日期");
        page("/visits/enterprises/" + enterprise, "国家信息中心", "2017-03-01", "来访考察", "邀请来长考察");
        page("/visits/" + visit + "/follow-up", "记录跟进", "邀请来长考察");
        page("/visits/lookup?enterprise=gjxx", "国家信息中心");
    }

    @Test
    void aTeamIsCreatedAndItsAssignmentSavedFromTheForm() {
        var r = VisitTables.postForm(port, "pageoffice", password, "/visits/teams",
                "name=东南大数据产业园第一小分队&region=350112&unit=东南大数据产业园&leader=市委书记 许南吉&chains=大数据、医疗健康"
                        + "&cities=北京、成都&targets=国家信息中心\n北京奇虎科技有限公司&users=pageoffice");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        long id = fixtures.jdbc().sql("select id from team where name = '东南大数据产业园第一小分队'").query(Long.class).single();
        page("/visits/teams/" + id, "市委书记 许南吉", "大数据、医疗健康", "北京、成都", "北京奇虎科技有限公司");
        assertThat(fixtures.jdbc().sql("select u.name from team t join unit u on u.id = t.unit_id where t.id = ?").param(id)
                .query(String.class).single()).isEqualTo("东南大数据产业园");
        var dup = VisitTables.postForm(port, "pageoffice", password, "/visits/teams", "name=一队&region=350112");
        assertThat(dup.statusCode()).isEqualTo(200);
        assertThat(dup.body()).contains("已有名为“一队”的小分队");
        assertThat(VisitTables.count(fixtures.jdbc(), "audit_log where action = 'TEAM_CREATE' and object_id = '" + id + "'")).isEqualTo(1);
    }

    private void page(String path, String... contains) {
        var r = office.get(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.body()).as(path).contains(contains);
    }
}
