package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V20's statement-level checks keep what the six foreign keys of a project they replace kept. */
class ProjectReferencesTest extends IntegrationTest {

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    private Map<String, Object> imported() {
        Csv csv = Csv.of("项目编号", "项目名称", "投资方", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期", "签约日期",
                        "签约活动", "引荐企业")
                .row(Map.of("项目编号", "REF1", "项目名称", "引用项目", "投资方", "引用投资方公司", "行政区划代码", "350112",
                        "责任单位", "区商务局", "产业链", "医疗健康", "总投资(万元)", "1000", "对接日期", "2017-03-01",
                        "签约日期", "2017-04-01", "签约活动", "第十九届海交会"))
                .row(Map.of("项目编号", "REF2", "项目名称", "引荐项目", "投资方", "另一投资方公司", "行政区划代码", "350112",
                        "总投资(万元)", "50", "对接日期", "2017-03-02", "引荐企业", "引荐人公司"));
        assertThat(admin().upload("/api/v1/projects/import", "ref.csv", csv.utf8()).statusCode()).isEqualTo(200);
        return fixtures.jdbc().sql("""
                select p.id, p.unit_id, p.investor_id, p.chain_id, p.event_id, r.referrer_id
                from project p, project r where p.code = 'REF1' and r.code = 'REF2'""").query().singleRow();
    }

    @Test
    void aProjectsReferencesAreCheckedAsForeignKeysWere() {
        Map<String, Object> p = imported();
        JdbcClient jdbc = fixtures.jdbc();
        String insert = "insert into project (code, name, region_code, unit_id, investor_id, chain_id, event_id, referrer_id,"
                + " investment, contacted_on, updated_at) values ('REF9', '新项目', ?, ?, ?, ?, ?, ?, 1, '2017-05-01', now())";
        Object region = "350112";
        Object unit = p.get("unit_id");
        Object investor = p.get("investor_id");
        Object chain = p.get("chain_id");
        Object event = p.get("event_id");
        assertRefused(() -> jdbc.sql(insert).params("999999", unit, investor, chain, event, null).update(), "region_code=999999");
        assertRefused(() -> jdbc.sql(insert).params(region, 999_999, investor, chain, event, null).update(), "unit_id=999999");
        assertRefused(() -> jdbc.sql(insert).params(region, unit, 999_999, chain, event, null).update(), "=999999");
        assertRefused(() -> jdbc.sql(insert).params(region, unit, investor, 999_999, event, null).update(), "chain_id=999999");
        assertRefused(() -> jdbc.sql(insert).params(region, unit, investor, chain, 999_999, null).update(), "event_id=999999");
        assertRefused(() -> jdbc.sql(insert).params(region, unit, investor, chain, event, 999_998).update(), "=999998");
        assertThat(jdbc.sql(insert).params(region, unit, investor, chain, event, p.get("referrer_id")).update())
                .as("a project whose references all exist").isEqualTo(1);

        assertRefused(() -> jdbc.sql("update project set unit_id = 999999 where code = 'REF1'").update(), "unit_id=999999");
        assertThat(jdbc.sql("update project set name = '引用项目（更名）' where code = 'REF1'").update())
                .as("other columns change freely").isEqualTo(1);
    }

    @Test
    void whatAProjectNamesCannotBeDeletedOrTruncatedFromUnderIt() {
        Map<String, Object> p = imported();
        JdbcClient jdbc = fixtures.jdbc();
        assertRefused(() -> jdbc.sql("delete from unit where id = ?").param(p.get("unit_id")).update(), "\"unit\"");
        assertRefused(() -> jdbc.sql("delete from enterprise where id = ?").param(p.get("investor_id")).update(), "\"enterprise\"");
        assertRefused(() -> jdbc.sql("delete from enterprise where id = ?").param(p.get("referrer_id")).update(), "\"enterprise\"");
        assertRefused(() -> jdbc.sql("delete from industry_chain where id = ?").param(p.get("chain_id")).update(), "\"industry_chain\"");
        assertRefused(() -> jdbc.sql("delete from signing_event where id = ?").param(p.get("event_id")).update(), "\"signing_event\"");
        assertRefused(() -> jdbc.sql("delete from region where code = '350112'").update(), "\"region\"");
        assertRefused(() -> jdbc.sql("update region set code = '350199' where code = '350112'").update(), "\"region\"");
        assertRefused(() -> jdbc.sql("truncate signing_event").update(), "signing_event");
        assertThat(jdbc.sql("select count(*) from signing_event").query(Long.class).single()).isEqualTo(1);

        // what no project names goes freely; with its projects, everything does
        jdbc.sql("update project set referrer_id = null where code = 'REF2'").update();
        assertThat(jdbc.sql("delete from enterprise where id = ?").param(p.get("referrer_id")).update()).isEqualTo(1);
        jdbc.sql("truncate project_revision, project, signing_event cascade").update();
        assertThat(jdbc.sql("select count(*) from signing_event").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("delete from unit where id = ?").param(p.get("unit_id")).update()).isEqualTo(1);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable write, String names) {
        assertThatThrownBy(write).isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining(names);
    }
}
