package cn.zhaoshang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The trail: one row per write, append-only for the application's database role, and a hash chain that names tampering. */
class AuditTrailTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void everyWriteLeavesExactlyOneRowWithItsOldAndNewValues() {
        long before = max();
        fixtures.account("auditee", "OFFICE", "350112", null);
        assertThat(rowsSince(before)).extracting(r -> r.get("action")).containsExactly("USER_CREATE");

        before = max();
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期")
                .row(row("A1", "审计项目", "100"));
        assertThat(admin().upload("/api/v1/projects/import", "a.csv", csv.utf8()).statusCode()).isEqualTo(403); // admin is no longer the office
        List<Map<String, String>> denied = rowsSince(before);
        assertThat(denied).extracting(r -> r.get("action")).containsExactly("ACCESS_DENIED");
        assertThat(denied.get(0).get("result")).isEqualTo("DENIED");

        String password = fixtures.account("office2", "OFFICE", null, null);
        before = max();
        assertThat(as("office2", password).upload("/api/v1/projects/import", "a.csv", csv.utf8()).statusCode()).isEqualTo(200);
        assertThat(rowsSince(before)).extracting(r -> r.get("action")).containsExactly("PROJECT_IMPORT_CREATE", "PROJECT_IMPORT");

        before = max();
        Csv changed = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期").row(row("A1", "审计项目", "150"));
        as("office2", password).upload("/api/v1/projects/import", "b.csv", changed.utf8());
        List<Map<String, String>> update = rowsSince(before);
        assertThat(update).extracting(r -> r.get("action")).containsExactly("PROJECT_IMPORT_UPDATE", "PROJECT_IMPORT");
        assertThat(update.get(0).get("username")).isEqualTo("office2");
        assertThat(update.get(0).get("detail")).contains("100.00").contains("150.00");

        before = max();
        as("office2", password).upload("/api/v1/projects/import", "b.csv", changed.utf8());
        assertThat(rowsSince(before)).extracting(r -> r.get("action")).containsExactly("PROJECT_IMPORT");

        before = max();
        as("office2", "wrong-password").get("/api/v1/projects");
        assertThat(rowsSince(before)).extracting(r -> r.get("action") + "/" + r.get("result")).containsExactly("LOGIN/FAILURE");
    }

    @Test
    void anImportOfSeveralChunksChainsItsEntriesInOrderAndKeepsTheChainWhole() {
        String password = fixtures.account("office3", "OFFICE", null, null);
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "总投资(万元)", "对接日期");
        int rows = 12_000; // three chunks of the import: 5,000, 5,000 and 2,000
        for (int i = 0; i < rows; i++) {
            csv.row(row(String.format("AC-%05d", i), "分块审计项目" + i, "1"));
        }
        long before = max();
        assertThat(as("office3", password).upload("/api/v1/projects/import", "big.csv", csv.utf8()).statusCode()).isEqualTo(200);
        List<String> objects = fixtures.jdbc().sql("""
                select object_id from audit_log where id > ? and action = 'PROJECT_IMPORT_CREATE' order by id""")
                .param(before).query(String.class).list();
        assertThat(objects).hasSize(rows);
        assertThat(objects.get(0)).isEqualTo("AC-00000");
        assertThat(objects.get(rows - 1)).isEqualTo(String.format("AC-%05d", rows - 1));
        assertThat(rowsSince(before).get(rows).get("action")).isEqualTo("PROJECT_IMPORT");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aBatchTakesNoMoreEntriesThanItWasOpenedFor() {
        List<AuditEntry> two = List.of(AuditEntry.success("TEST_WRITE", "test", "a", null),
                AuditEntry.success("TEST_WRITE", "test", "b", null));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> trail.batch("tester", 1).rows(two)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneAlteredRowAmong10000IsFoundAndNamed() {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entries.add(AuditEntry.success("TEST_WRITE", "test", Integer.toString(i), "{\"n\":" + i + "}"));
        }
        trail.recordAllAs("tester", entries);
        assertThat(trail.verify().intact()).isTrue();
        long target = fixtures.jdbc().sql("select id from audit_log where action = 'TEST_WRITE' and object_id = '6789' order by id desc limit 1")
                .query(Long.class).single();
        fixtures.jdbc().sql("alter table audit_log disable trigger audit_log_no_update").update();
        try {
            fixtures.jdbc().sql("update audit_log set detail = '{\"n\":0}' where id = ?").param(target).update();
        } finally {
            fixtures.jdbc().sql("alter table audit_log enable trigger audit_log_no_update").update();
        }
        AuditTrail.Verification v = trail.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstAlteredId()).isEqualTo(target);
        // put it back so the chain is whole again for the other tests
        fixtures.jdbc().sql("alter table audit_log disable trigger audit_log_no_update").update();
        try {
            fixtures.jdbc().sql("update audit_log set detail = '{\"n\":6789}' where id = ?").param(target).update();
        } finally {
            fixtures.jdbc().sql("alter table audit_log enable trigger audit_log_no_update").update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void theApplicationsDatabaseRoleCannotUpdateDeleteOrTruncateTheTrail() {
        trail.recordAllAs("tester", List.of(AuditEntry.success("TEST_WRITE", "test", "x", null)));
        long id = max();
        assertThatThrownBy(() -> fixtures.jdbc().sql("delete from audit_log where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> fixtures.jdbc().sql("update audit_log set username = 'x' where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> fixtures.jdbc().sql("truncate audit_log").update()).hasMessageContaining("append-only");
        assertThat(trail.purge(30)).as("nothing is younger than 180 days' retention").isZero();
        assertThat(fixtures.jdbc().sql("select count(*) from audit_log where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    private long max() {
        return fixtures.jdbc().sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    private List<Map<String, String>> rowsSince(long id) {
        return fixtures.jdbc().sql("select action, result, username, detail from audit_log where id > ? order by id").param(id)
                .query((rs, n) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("action", rs.getString(1));
                    m.put("result", rs.getString(2));
                    m.put("username", rs.getString(3));
                    m.put("detail", rs.getString(4));
                    return m;
                }).list();
    }

    private static Map<String, String> row(String code, String name, String investment) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("项目编号", code);
        m.put("项目名称", name);
        m.put("行政区划代码", "350112");
        m.put("总投资(万元)", investment);
        m.put("对接日期", "2017-01-01");
        return m;
    }
}
