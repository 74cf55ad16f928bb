package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application asked to stop (SIGTERM: {@code systemctl stop}, Ctrl-C) while an import runs: the import finishes and
 * is answered, and only then does the embedded database stop, cleanly. The application runs in a JVM of its own.
 */
class GracefulStopTest {

    private static final String PASSWORD = "Stop-Test-Pass-2017";
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void anImportRunningWhenTheApplicationIsToldToStopFinishesBeforeTheDatabaseStops() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = dir.resolve("data");
        Path log = dir.resolve("app.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "cn.zhaoshang.ZhaoshangApplication",
                "--zhaoshang.data-dir=" + data, "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ZHAOSHANG_ADMIN_PASSWORD", PASSWORD);
        Process app = pb.start();
        try {
            Http admin = Http.basic(port, "admin", PASSWORD);
            awaitHealthy(app, port, log);
            byte[] file = projects().utf8();

            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                    () -> admin.upload("/api/v1/projects/import", "stop.csv", file));
            // the stop comes while the import is writing: its transaction has written something and not yet committed
            awaitImportWriting(data, log);
            app.destroy();

            HttpResponse<String> r = answer.get(180, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Json.parse(r.body()).get("created").asInt()).isEqualTo(ROWS);
            assertThat(app.waitFor(180, TimeUnit.SECONDS)).as("the application stopped").isTrue();
        } finally {
            app.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(output).contains("Graceful shutdown complete");
        assertThat(output).doesNotContain("terminating connection due to administrator command");
        // the name search's merge after the import, if still running, was cancelled and left to autovacuum, not failed
        assertThat(output).doesNotContain("合并检索索引");
        // the running totals' merge after the import was let finish (TotalsInbox.stop), not failed
        assertThat(output).doesNotContain("合并统计收件箱失败");
        // the database was stopped, not left behind: no pid file, and the next start finds every row
        assertThat(data.resolve("pg").resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.resolve("pg"));
             Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from project where code like 'GS%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(ROWS);
            try (ResultSet inbox = s.executeQuery("select count(*) from report_delta_inbox")) {
                assertThat(inbox.next()).isTrue();
                assertThat(inbox.getInt(1)).as("the import's cells were merged into the totals before the stop").isZero();
            }
        }
    }

    private static Csv projects() {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期");
        for (int i = 1; i <= ROWS; i++) {
            String code = String.format("GS%05d", i);
            csv.row(Map.of("项目编号", code, "项目名称", "停机测试项目" + i, "行政区划代码", "350112", "责任单位", "区商务局",
                    "产业链", "大数据", "总投资(万元)", String.valueOf(100 + i % 900), "对接日期", "2017-02-01"));
        }
        return csv;
    }

    private static void awaitHealthy(Process app, int port, Path log) throws Exception {
        Http anonymous = Http.anonymous(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application is running: %s", tail(log)).isTrue();
            try {
                if (anonymous.get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start in 120 s: " + tail(log));
    }

    /**
     * The import's transaction, still open, has written projects: it holds the lock a write takes on {@code project} until
     * commit (a transaction id alone could be another writer's, such as the pinyin initials' sync).
     */
    private static void awaitImportWriting(Path data, Path log) throws Exception {
        int pgPort = Integer.parseInt(Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(3).trim());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/zhaoshang", "postgres", "");
             Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("""
                        select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = 'project' and l.mode = 'RowExclusiveLock' and l.granted and l.pid <> pg_backend_pid()""")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the import did not start writing: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 3000));
    }
}
