package cn.zhaoshang.visit;

import static cn.zhaoshang.visit.VisitTables.count;
import static cn.zhaoshang.visit.VisitTables.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Large imports (read in chunks while the rows already read are written; COPY for visits and audit rows) keep the
 * import's rules, and the reference checks of V8 keep what the foreign keys they replace kept.
 */
class VisitScaleTest extends IntegrationTest {

    private static final String IMPORT = "/api/v1/visits/import";
    private static final int ROWS = VisitImport.CHUNK * 2 + 1_000;

    @Autowired
    AuditTrail trail;

    @BeforeEach
    void empty() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    /** ROWS visits of three teams to ROWS / 4 enterprises, each visited four times, with follow-ups. */
    private static Csv file() {
        Csv csv = Csv.of(VisitTables.HEADERS);
        LocalDate start = LocalDate.of(2017, 1, 2);
        for (int i = 0; i < ROWS; i++) {
            int enterprise = i % (ROWS / 4);
            LocalDate day = start.plusDays(i / (ROWS / 4) * 30L + enterprise % 7);
            csv.row(row("日期", day.toString(), "小分队", "队" + enterprise % 3, "行政区划代码", "350112", "企业", "企业" + enterprise,
                    "统一社会信用代码", CreditCodes.complete("91350112MA" + String.format("%07d", enterprise)), "方式", "外出拜访",
                    "批次", "2017年第" + (i / (ROWS / 4) + 1) + "批", "城市", "北京", "下一步", "再次拜访",
                    "下次跟进日期", day.plusDays(21).toString()));
        }
        return csv;
    }

    @Test
    void aFileOfSeveralChunksIsWrittenWholeAndClosesItsOwnFollowUps() {
        JdbcClient jdbc = fixtures.jdbc();
        // the audit trail is append-only and outlives Fixtures.reset(): count what this import adds
        long created0 = count(jdbc, "audit_log where action = 'VISIT_IMPORT_CREATE'");
        long done0 = count(jdbc, "audit_log where action = 'VISIT_FOLLOW_UP_DONE'");
        HttpResponse<String> r = admin().upload(IMPORT, "big.csv", file().utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("created").asInt()).isEqualTo(ROWS);
        assertThat(count(jdbc, "visit")).isEqualTo(ROWS);
        // every visit but an enterprise's last closes the follow-up of the one before, across chunks
        assertThat(count(jdbc, "visit where follow_up_done_on is not null")).isEqualTo(ROWS - ROWS / 4);
        assertThat(count(jdbc, "audit_log where action = 'VISIT_IMPORT_CREATE'") - created0).isEqualTo(ROWS);
        assertThat(count(jdbc, "audit_log where action = 'VISIT_FOLLOW_UP_DONE'") - done0).isEqualTo(ROWS - ROWS / 4);
        assertThat(trail.verify().intact()).as("audit rows written by COPY keep the hash chain").isTrue();

        HttpResponse<String> again = admin().upload(IMPORT, "big.csv", file().utf8());
        assertThat(Json.parse(again.body()).get("unchanged").asInt()).isEqualTo(ROWS);
        assertThat(count(jdbc, "visit")).isEqualTo(ROWS);
    }

    @Test
    void aBadCellInTheLastChunkWritesNothingFromTheFirst() {
        Csv csv = file().row(row("日期", "2017-02-30", "小分队", "队1", "行政区划代码", "350112", "企业", "末行", "方式", "外出拜访"))
                .row(row("日期", "2017-01-02", "小分队", "队0", "行政区划代码", "350112", "企业", "企业0",
                        "统一社会信用代码", CreditCodes.complete("91350112MA" + String.format("%07d", 0)), "方式", "外出拜访"));
        HttpResponse<String> r = admin().upload(IMPORT, "bad.csv", csv.utf8());
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(ROWS + 2);
        assertThat(errors.get(1).get("message").asText()).as("a duplicate of the first chunk's row").contains("第2行");
        assertThat(count(fixtures.jdbc(), "visit") + count(fixtures.jdbc(), "team") + count(fixtures.jdbc(), "enterprise")).isZero();
    }

    @Test
    void aVisitsReferencesAreCheckedAsForeignKeysWere() {
        Csv csv = Csv.of(VisitTables.HEADERS).row(row("日期", "2017-03-01", "小分队", "甲", "行政区划代码", "350112", "企业", "甲企业",
                "方式", "外出拜访", "批次", "2017年第1批", "城市", "北京"));
        assertThat(admin().upload(IMPORT, "one.csv", csv.utf8()).statusCode()).isEqualTo(200);
        JdbcClient jdbc = fixtures.jdbc();
        Map<String, Object> v = jdbc.sql("select id, team_id, enterprise_id, batch_id from visit").query().singleRow();
        String insert = "insert into visit (visited_on, team_id, region_code, enterprise_id, kind, created_at, created_by, updated_at,"
                + " batch_id) values ('2017-03-02', ?, ?, ?, 'VISIT', now(), 't', now(), ?)";
        assertThatThrownBy(() -> jdbc.sql(insert).params(999_999, "350112", v.get("enterprise_id"), null).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("team_id=999999");
        assertThatThrownBy(() -> jdbc.sql(insert).params(v.get("team_id"), "350112", 999_999, null).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("enterprise_id=999999");
        assertThatThrownBy(() -> jdbc.sql(insert).params(v.get("team_id"), "350112", v.get("enterprise_id"), 999_999).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("batch_id=999999");
        assertThatThrownBy(() -> jdbc.sql(insert).params(v.get("team_id"), "999999", v.get("enterprise_id"), null).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("region_code=999999");
        assertThatThrownBy(() -> jdbc.sql("update visit set team_id = 999999").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("update visit set next_step = '再谈'").update()).as("other columns change freely").isEqualTo(1);

        jdbc.sql("delete from trip_batch").update();
        assertThat(jdbc.sql("select batch_id from visit").query(Long.class).list()).containsOnlyNulls();
        jdbc.sql("delete from enterprise").update();
        assertThat(count(jdbc, "visit")).as("an enterprise's visits go with it").isZero();

        assertThat(admin().upload(IMPORT, "one.csv", csv.utf8()).statusCode()).isEqualTo(200);
        jdbc.sql("delete from team").update();
        assertThat(count(jdbc, "visit")).as("a team's visits go with it").isZero();

        assertThat(admin().upload(IMPORT, "one.csv", csv.utf8()).statusCode()).isEqualTo(200);
        jdbc.sql("truncate team cascade").update();
        assertThat(count(jdbc, "visit")).isZero();
    }

    @Test
    void theVisitThatClosedAFollowUpIsCheckedAsTheForeignKeyWas() {
        Csv csv = Csv.of(VisitTables.HEADERS)
                .row(row("日期", "2017-03-01", "小分队", "甲", "行政区划代码", "350112", "企业", "甲企业", "方式", "外出拜访",
                        "下一步", "再次拜访", "下次跟进日期", "2017-03-20"))
                .row(row("日期", "2017-03-15", "小分队", "甲", "行政区划代码", "350112", "企业", "甲企业", "方式", "外出拜访"))
                .row(row("日期", "2017-03-16", "小分队", "甲", "行政区划代码", "350112", "企业", "乙企业", "方式", "外出拜访"));
        assertThat(admin().upload(IMPORT, "three.csv", csv.utf8()).statusCode()).isEqualTo(200);
        JdbcClient jdbc = fixtures.jdbc();
        long first = jdbc.sql("select id from visit where visited_on = '2017-03-01'").query(Long.class).single();
        long second = jdbc.sql("select id from visit where visited_on = '2017-03-15'").query(Long.class).single();
        long other = jdbc.sql("select id from visit where visited_on = '2017-03-16'").query(Long.class).single();
        assertThat(jdbc.sql("select follow_up_visit_id from visit where id = ?").param(first).query(Long.class).single())
                .as("the import closed the follow-up by the later visit").isEqualTo(second);

        assertThatThrownBy(() -> jdbc.sql("update visit set follow_up_visit_id = 999999 where id = ?").param(first).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("follow_up_visit_id=999999");
        String insert = "insert into visit (visited_on, team_id, region_code, enterprise_id, kind, created_at, created_by, updated_at,"
                + " follow_up_visit_id) select '2017-04-01', team_id, region_code, enterprise_id, 'VISIT', now(), 't', now(), ?"
                + " from visit where id = ?";
        assertThatThrownBy(() -> jdbc.sql(insert).params(888_888, first).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("follow_up_visit_id=888888");
        assertThat(jdbc.sql("update visit set follow_up_visit_id = ? where id = ?").params(other, first).update())
                .as("a link to a visit that exists").isEqualTo(1);
        assertThat(jdbc.sql("update visit set next_step = '三谈' where id = ?").param(first).update())
                .as("an update that keeps the link").isEqualTo(1);

        jdbc.sql("delete from visit where id = ?").param(other).update();
        assertThat(jdbc.sql("select follow_up_visit_id from visit where id = ?").param(first).query(Long.class).optional())
                .as("a deleted visit's links go, as ON DELETE SET NULL did").isEmpty();
        assertThat(jdbc.sql("select follow_up_done_on from visit where id = ?").param(first).query(LocalDate.class).single())
                .as("the follow-up stays done").isEqualTo(LocalDate.of(2017, 3, 15));
    }
}
