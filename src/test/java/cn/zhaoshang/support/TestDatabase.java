package cn.zhaoshang.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One database server per test JVM. By default an embedded PostgreSQL in a fresh temporary directory; when
 * ZHAOSHANG_TEST_DB_URL is set (CI sets it to the machine's PostgreSQL), the same suite runs against that server.
 */
public final class TestDatabase {

    public record Connection(String url, String username, String password) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            String external = System.getenv("ZHAOSHANG_TEST_DB_URL");
            connection = external != null && !external.isBlank()
                    ? new Connection(external, env("ZHAOSHANG_TEST_DB_USER", "postgres"), env("ZHAOSHANG_TEST_DB_PASSWORD", ""))
                    : startEmbedded();
        }
        return connection;
    }

    public static boolean external() {
        String external = System.getenv("ZHAOSHANG_TEST_DB_URL");
        return external != null && !external.isBlank();
    }

    private static Connection startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("zhaoshang-test-pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary directory goes with the machine
                }
            }));
            return new Connection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
