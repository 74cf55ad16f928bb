package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import cn.zhaoshang.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A replica that cannot be reached, or is no replica, never costs a report: the application starts, and every report
 * is answered from the primary. Runs on any machine (the real streaming replica is {@link ReportReplicaTest}).
 */
@TestPropertySource(properties = {"zhaoshang.replica.check-interval=200ms", "zhaoshang.replica.connect-timeout=500ms"})
@DirtiesContext
class ReplicaUnreachableTest extends IntegrationTest {

    private static final int CLOSED_PORT = closedPort();

    @Autowired
    ReportDatabase reportDatabase;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void replica(DynamicPropertyRegistry registry) {
        registry.add("zhaoshang.replica.url", () -> "jdbc:postgresql://127.0.0.1:" + CLOSED_PORT + "/zhaoshang");
    }

    @Test
    void everyReportIsAnsweredFromThePrimaryWhileTheReplicaCannotBeReached() throws Exception {
        fixtures.reset();
        HttpResponse<String> imported = admin().upload("/api/v1/projects/import", "p.csv", ReportReplicaTest.projects(3).utf8());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        ReportReplicaTest.await(() -> reportDatabase.replicaStatus().orElseThrow().state() == ReplicaStatus.State.DOWN,
                "the replica is seen to be down", reportDatabase);
        long[] before = reportDatabase.served();

        String period = "region=350112&from=2017-01-01&to=2017-12-31";
        for (String path : List.of("/api/v1/reports/by-unit?", "/api/v1/reports/by-chain?", "/api/v1/reports/events?",
                "/api/v1/reports/briefing?", "/api/v1/reports/projects?", "/api/v1/reports/visits?",
                "/api/v1/reports/visits/funnel?", "/reports?", "/reports/projects?", "/visits?", "/?")) {
            HttpResponse<String> r = admin().get(path + period);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        }
        HttpResponse<String> summary = admin().get("/api/v1/reports/summary?" + period);
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(Json.parse(summary.body()).get("total").get("count").asLong()).isEqualTo(3);

        assertThat(reportDatabase.served()[0]).isZero();
        assertThat(reportDatabase.served()[1]).isGreaterThan(before[1]);
        // the replica's pool is no DataSource bean: Flyway, the transaction manager and the writers see the primary only
        assertThat(context.getBeansOfType(DataSource.class)).hasSize(1);
    }

    @Test
    void aServerThatIsNotInRecoveryIsNoReplica() {
        TestDatabase.Connection c = TestDatabase.get();
        ReplicaProperties primaryAsReplica = new ReplicaProperties(c.url(), c.username(), c.password(), Duration.ofHours(1),
                Duration.ofHours(1), Duration.ofSeconds(1), 1);
        try (ReadReplica replica = new ReadReplica(primaryAsReplica, fixtures.jdbc(), null, null)) {
            replica.check();
            assertThat(replica.status().state()).isEqualTo(ReplicaStatus.State.NOT_A_REPLICA);
            assertThat(replica.status().reason()).contains("不在恢复状态");
            assertThat(replica.usable()).isFalse();
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
