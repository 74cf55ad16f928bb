package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import cn.zhaoshang.support.TcpProxy;
import cn.zhaoshang.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Reports on a real PostgreSQL streaming replica (.ci/replica.sh makes one): answered by the replica once it has
 * replayed the import, by the primary while the replica lags more than max-lag, and by the primary, without an error,
 * when the replica goes away in the middle. The application reaches the replica through a {@link TcpProxy}, so the
 * test can take it away; the test pauses and resumes the replica's replay itself (its role needs EXECUTE on
 * pg_wal_replay_pause and pg_wal_replay_resume, granted on the primary).
 *
 * <p>ZHAOSHANG_TEST_REPLICA_URL (and optionally ZHAOSHANG_TEST_REPLICA_USER, ZHAOSHANG_TEST_REPLICA_PASSWORD, else
 * those of the primary) names the replica; ZHAOSHANG_TEST_DB_URL must name its primary.
 */
@Tag("replica")
@EnabledIfEnvironmentVariable(named = "ZHAOSHANG_TEST_REPLICA_URL", matches = ".+",
        disabledReason = "no streaming replica configured: set ZHAOSHANG_TEST_REPLICA_URL and ZHAOSHANG_TEST_DB_URL (its primary);"
                + " .ci/replica.sh makes one")
@TestPropertySource(properties = {"zhaoshang.replica.max-lag=8s", "zhaoshang.replica.check-interval=200ms",
        "zhaoshang.replica.connect-timeout=1s"})
@DirtiesContext
class ReportReplicaTest extends IntegrationTest {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?(/.*)");
    private static final String PERIOD = "region=350112&from=2017-01-01&to=2017-12-31";
    private static final int WAIT_SECONDS = 180;
    private static TcpProxy proxy;

    @Autowired
    ReportDatabase reportDatabase;

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        registry.add("zhaoshang.replica.url", ReportReplicaTest::proxiedUrl);
        registry.add("zhaoshang.replica.username", ReportReplicaTest::user);
        registry.add("zhaoshang.replica.password", ReportReplicaTest::password);
    }

    @BeforeAll
    static void aPrimaryToo() {
        assertThat(TestDatabase.external())
                .as("ZHAOSHANG_TEST_REPLICA_URL is set: ZHAOSHANG_TEST_DB_URL must name the replica's primary").isTrue();
        // A standby that was stopped a while (or made before the grant) may still be replaying: the grant of
        // pg_wal_replay_resume reaches it only with the WAL, so wait until it has replayed all the primary has written
        String lsn = onPrimary("select pg_current_wal_lsn()::text");
        await(() -> onReplica("select count(*) from (select 1 where pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn) c") == 1,
                "the replica has replayed the primary's WAL up to " + lsn, null);
    }

    @BeforeEach
    void replicaBack() throws Exception {
        proxy().restore();
        resumeReplay();
    }

    @AfterAll
    static void leaveTheReplicaReplaying() throws Exception {
        resumeReplay();
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theReplicaAnswersOnceItHasReplayedAndThePrimaryWhileItLagsBeyondMaxLag() throws Exception {
        fixtures.reset();
        assertThat(admin().upload("/api/v1/projects/import", "p.csv", projects(3).utf8()).statusCode()).isEqualTo(200);
        assertThat(admin().upload("/api/v1/visits/import", "v.csv", visits().utf8()).statusCode()).isEqualTo(200);
        awaitFresh();
        await(() -> onReplica("select count(*) from project") == 3, "the replica has replayed the import", reportDatabase);

        long[] before = reportDatabase.served();
        assertThat(count()).isEqualTo(3);
        assertThat(admin().get("/api/v1/reports/visits?" + PERIOD).body()).contains("\"visits\":2");
        assertThat(reportDatabase.served()[0]).isEqualTo(before[0] + 2);
        boolean inRecovery = reportDatabase.read(jdbc -> jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single());
        assertThat(inRecovery).as("the report's connection is to a standby").isTrue();

        // replay paused: within max-lag the report is what the replica holds, not what the primary holds
        pauseReplay();
        assertThat(admin().upload("/api/v1/projects/import", "p.csv", projects(5).utf8()).statusCode()).isEqualTo(200);
        assertThat(fixtures.jdbc().sql("select count(*) from project").query(Long.class).single()).isEqualTo(5);
        before = reportDatabase.served();
        assertThat(count()).as("answered by the paused replica").isEqualTo(3);
        assertThat(reportDatabase.served()[0]).isEqualTo(before[0] + 1);

        // beyond max-lag the primary answers
        await(() -> reportDatabase.replicaStatus().orElseThrow().state() == ReplicaStatus.State.LAGGING,
                "the replica is seen to lag", reportDatabase);
        before = reportDatabase.served();
        assertThat(count()).isEqualTo(5);
        assertThat(reportDatabase.served()).containsExactly(before[0], before[1] + 1);

        // replaying again, the replica catches up and answers again
        resumeReplay();
        awaitFresh();
        before = reportDatabase.served();
        assertThat(count()).isEqualTo(5);
        assertThat(reportDatabase.served()).containsExactly(before[0] + 1, before[1]);
    }

    @Test
    void aReplicaThatGoesAwayCostsNoReport() throws Exception {
        fixtures.reset();
        assertThat(admin().upload("/api/v1/projects/import", "p.csv", projects(4).utf8()).statusCode()).isEqualTo(200);
        awaitFresh();
        await(() -> onReplica("select count(*) from project") == 4, "the replica has replayed the import", reportDatabase);
        assertThat(count()).isEqualTo(4);

        // gone between the last check and the report: the report's connection breaks, and the primary answers it
        proxy().cut();
        long[] before = reportDatabase.served();
        assertThat(count()).isEqualTo(4);
        assertThat(reportDatabase.served()).containsExactly(before[0], before[1] + 1);
        await(() -> reportDatabase.replicaStatus().orElseThrow().state() == ReplicaStatus.State.DOWN,
                "the replica is seen to be down", reportDatabase);
        HttpResponse<String> briefing = admin().get("/api/v1/reports/briefing?" + PERIOD);
        assertThat(briefing.statusCode()).isEqualTo(200);
        assertThat(briefing.body()).contains("对接洽谈项目4个");
        assertThat(admin().get("/reports?" + PERIOD).statusCode()).isEqualTo(200);
        assertThat(admin().get("/api/v1/reports/visits?" + PERIOD).statusCode()).isEqualTo(200);

        proxy().restore();
        awaitFresh();
        before = reportDatabase.served();
        assertThat(count()).isEqualTo(4);
        assertThat(reportDatabase.served()).containsExactly(before[0] + 1, before[1]);
    }

    private long count() {
        HttpResponse<String> r = admin().get("/api/v1/reports/summary?" + PERIOD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).get("total").get("count").asLong();
    }

    private void awaitFresh() {
        await(() -> reportDatabase.replicaStatus().orElseThrow().state() == ReplicaStatus.State.FRESH,
                "the replica is fresh", reportDatabase);
    }

    /** Projects R001… of 长乐区, contacted in 2017. */
    static Csv projects(int n) {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期");
        for (int i = 1; i <= n; i++) {
            String code = String.format("R%03d", i);
            csv.row(Map.of("项目编号", code, "项目名称", "副本项目" + code, "行政区划代码", "350112", "责任单位", "区商务局",
                    "产业链", "大数据", "总投资(万元)", "100", "对接日期", "2017-02-01"));
        }
        return csv;
    }

    private static Csv visits() {
        return Csv.of("日期", "小分队", "行政区划代码", "企业", "方式")
                .row(Map.of("日期", "2017-03-01", "小分队", "副本小分队", "行政区划代码", "350112", "企业", "甲公司", "方式", "外出拜访"))
                .row(Map.of("日期", "2017-03-02", "小分队", "副本小分队", "行政区划代码", "350112", "企业", "乙公司", "方式", "外出拜访"));
    }

    static void await(BooleanSupplier condition, String what, ReportDatabase db) {
        long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_SECONDS).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT_SECONDS + " s for: " + what + (db == null ? "" : "; replica " + db.replicaStatus().orElse(null)));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static synchronized TcpProxy proxy() {
        if (proxy == null) {
            Matcher m = url();
            try {
                proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proxy;
    }

    private static String proxiedUrl() {
        return "jdbc:postgresql://127.0.0.1:" + proxy().port() + url().group(3);
    }

    private static Matcher url() {
        Matcher m = URL.matcher(System.getenv("ZHAOSHANG_TEST_REPLICA_URL"));
        if (!m.matches()) {
            throw new IllegalArgumentException("ZHAOSHANG_TEST_REPLICA_URL: expected jdbc:postgresql://HOST[:PORT]/DB…");
        }
        return m;
    }

    private static String user() {
        String u = System.getenv("ZHAOSHANG_TEST_REPLICA_USER");
        return u != null ? u : TestDatabase.get().username();
    }

    private static String password() {
        String p = System.getenv("ZHAOSHANG_TEST_REPLICA_PASSWORD");
        return p != null ? p : TestDatabase.get().password();
    }

    /** A query on the replica itself, not through the proxy. */
    private static long onReplica(String sql) {
        try (Connection c = DriverManager.getConnection(System.getenv("ZHAOSHANG_TEST_REPLICA_URL"), user(), password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String onPrimary(String sql) {
        TestDatabase.Connection db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pauseReplay() {
        onReplica("select count(*) from (select pg_wal_replay_pause()) p");
        // a pause is a request: replay stops at the next record
        await(() -> onReplica("select count(*) from (select 1 where pg_get_wal_replay_pause_state() = 'paused') p") == 1,
                "replay paused", null);
    }

    private static void resumeReplay() {
        onReplica("select count(*) from (select pg_wal_replay_resume() where pg_is_wal_replay_paused()) r");
    }
}
