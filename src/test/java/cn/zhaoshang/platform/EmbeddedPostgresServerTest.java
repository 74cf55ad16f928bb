package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's embedded database survives restarts and comes back after a kill -9 without losing data. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesAKilledJvmAndItsOrphanedPostmaster() throws Exception {
        Path data = dir.resolve("pg");
        // a separate JVM starts the server, writes a row and is then killed without any chance to clean up
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WriterMain.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("WRITTEN")) {
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as("child JVM wrote its row").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("the killed JVM left its server behind").isTrue();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
             Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("长乐");
        }
    }

    @Test
    void aStalePidFileIsClearedBeforeStarting() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            assertThat(server.port()).isPositive();
        }
        // what a crash of the whole machine leaves: a pid file naming a process that no longer exists
        Files.writeString(data.resolve("postmaster.pid"), "2147480000\n" + data + "\n");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
             Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("zhaoshang");
        }
    }

    @Test
    void aSecondStartOnADirectoryInUseLeavesTheRunningServerAlone() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data);
             Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "")) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data))
                    .isInstanceOf(DataDirectoryInUseException.class).hasMessageContaining("正被另一个招商进程使用");
            // the running server was not asked to shut down: it still takes new connections
            try (Connection another = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
                 Statement s = another.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(2);
            }
            assertThat(c.isValid(5)).isTrue();
        }
        // stopped cleanly, the directory is free again
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data)) {
            assertThat(again.port()).isPositive();
        }
    }

    /** Run in a child JVM: starts the server, writes one committed row, says so, and waits to be killed. */
    public static final class WriterMain {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create table survivor (note text)");
                s.execute("insert into survivor values ('长乐')");
            }
            System.out.println("WRITTEN");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
