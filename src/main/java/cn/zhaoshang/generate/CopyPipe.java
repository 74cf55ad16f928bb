package cn.zhaoshang.generate;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.copy.CopyManager;

/**
 * COPY on one connection from a writer thread, one chunk at a time, while the generating thread makes the next chunk:
 * making and writing overlap, and the connection is never used by both threads at once (a chunk is handed over only
 * when the previous one is written). Keeps the time spent per table.
 */
final class CopyPipe implements AutoCloseable {

    /** One table's rows of a chunk: the COPY statement and its text. */
    record Part(String sql, String table, CopyText rows) {
    }

    private final CopyManager copy;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "generate-copy");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private Future<?> pending;

    CopyPipe(CopyManager copy) {
        this.copy = copy;
    }

    /** Waits for the previous chunk to be written, then hands this one to the writer. */
    void send(List<Part> parts) {
        await();
        pending = writer.submit(() -> {
            for (Part p : parts) {
                if (p.rows().length() == 0) {
                    continue;
                }
                long t0 = System.nanoTime();
                copy.copyIn(p.sql(), new ByteArrayInputStream(p.rows().bytes()));
                synchronized (nanos) {
                    nanos.computeIfAbsent(p.table(), k -> new long[1])[0] += System.nanoTime() - t0;
                }
            }
            return null;
        });
    }

    /** Waits until everything sent is written. */
    void await() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("写入数据库失败：" + e.getCause().getMessage(), e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Seconds of COPY per table so far, e.g. "visit 81.2 s". */
    String times() {
        StringBuilder b = new StringBuilder();
        synchronized (nanos) {
            nanos.forEach((table, n) -> b.append(b.isEmpty() ? "" : "，").append(table).append(' ')
                    .append(String.format("%.1f", n[0] / 1e9)).append(" 秒"));
        }
        return b.toString();
    }

    /** Never leaves a COPY running on the connection: a rollback waits for it. */
    @Override
    public void close() {
        try {
            if (pending != null) {
                pending.get();
            }
        } catch (Exception ignored) {
            // the failure that brought us here is the one to report
        } finally {
            writer.shutdownNow();
        }
    }
}
