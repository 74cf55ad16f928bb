package cn.zhaoshang.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes on the current transaction's connection from a thread of its own, one task at a time, so that PostgreSQL writes
 * one chunk of an import (a COPY) while the calling thread prepares the next in Java: on two cores the two overlap.
 *
 * <p>The connection is never used by both threads at once: the caller {@link #settle}s (waits for the task running)
 * before it uses the connection itself, and {@link #submit} settles before it starts the next task. A task's failure is
 * thrown by the next {@code settle} or {@code submit}, translated like Spring's own JDBC exceptions, and rolls the
 * transaction back as any failure does. {@link #close} waits for the running task even after a failure, so that the
 * connection is never handed to a rollback while a COPY still runs on it.
 */
public final class TransactionWorker implements AutoCloseable {

    /** Work for the worker's thread, on the transaction's connection. */
    @FunctionalInterface
    public interface Task {
        void run(Connection connection) throws SQLException, IOException;
    }

    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final Connection connection;
    private final ExecutorService thread;
    private final String what;
    private Future<?> running;

    /** In a transaction: a worker on its connection; {@code what} names the work in a failure's message. */
    public TransactionWorker(JdbcTemplate template, String what) {
        this.template = template;
        this.dataSource = template.getDataSource();
        this.connection = DataSourceUtils.getConnection(dataSource);
        this.what = what;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, what);
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for the task before, then starts this one. */
    public void submit(Task task) {
        settle();
        running = thread.submit(() -> {
            task.run(connection);
            return null;
        });
    }

    /** Waits for the running task, if any; throws its failure. Afterwards the caller may use the connection. */
    public void settle() {
        Future<?> task = running;
        if (task == null) {
            return;
        }
        running = null;
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                RuntimeException translated = template.getExceptionTranslator().translate(what, null, sql);
                throw translated != null ? translated : new IllegalStateException(sql);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(what + "失败：" + cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        try {
            if (running != null) {
                try {
                    running.get();
                } catch (Exception ignored) {
                    // the failure that brought us here, if any, is the one to report
                }
                running = null;
            }
        } finally {
            thread.shutdownNow();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
