package cn.zhaoshang.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Results kept with the version of the data they were computed at, and given again only to a caller that has read the
 * same version: the reports (report.ReportCache) and the project searches (V23) keep theirs here, in one bound.
 *
 * <p>The versions are counters of {@code report_version}, raised in the writing transaction by every change that can
 * alter a result (V16, V18, V23). A caller reads the version before it computes, in the same snapshot or an earlier one
 * of the same server, so a result is never older than the version it is kept at.
 *
 * <p>While one request computes a result, others asking for the same key at the same version wait for it rather than
 * compute it again: eight clients opening the province's visits report at once cost one computation, not eight.
 *
 * <p>Bounded by the rows it holds ({@code zhaoshang.report-cache.rows}; 0 turns it off). By default a tenth of the heap,
 * counting 200 bytes a row: 2,900,000 rows with the 5.9 GB a 23 GB machine gives the JVM, 268,000 with {@code -Xmx512m}.
 */
@Component
public class VersionedCache {

    /** Bytes a row is counted at by the default bound. */
    static final long ROW_BYTES = 200;

    /** A kept value that holds many rows says how many, so that the bound counts them. */
    public interface Weighed {
        int rows();
    }

    /** A result serialized once (a report's JSON), counted at a row per 200 bytes. */
    public record Serialized(byte[] bytes) implements Weighed {
        @Override
        public int rows() {
            return (int) (bytes.length / ROW_BYTES);
        }
    }

    private record Entry(long version, Object value) {
    }

    private record Flight(long version, CompletableFuture<Object> result) {
    }

    private final Cache<Object, Entry> cache;
    private final long bound;
    private final ConcurrentHashMap<Object, Flight> flights = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    VersionedCache(@Value("${zhaoshang.report-cache.rows:-1}") long rows) {
        this.bound = rows < 0 ? Runtime.getRuntime().maxMemory() / 10 / ROW_BYTES : rows;
        this.cache = bound == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(bound)
                .weigher((Object k, Entry e) -> weight(e.value()))
                .build();
    }

    /** Whether anything is kept at all. */
    public boolean enabled() {
        return cache != null;
    }

    /** The bound, in rows. */
    public long bound() {
        return bound;
    }

    /**
     * The value kept for the key at this version, else computed now (once, however many ask at once) and kept. The
     * value must not be changed by the caller: it is shared.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, long version, Supplier<T> compute) {
        if (cache == null) {
            return compute.get();
        }
        Entry kept = cache.getIfPresent(key);
        if (kept != null && kept.version() == version) {
            hits.incrementAndGet();
            return (T) kept.value();
        }
        Flight mine = new Flight(version, new CompletableFuture<>());
        Flight running = flights.putIfAbsent(key, mine);
        if (running != null && running.version() == version) {
            hits.incrementAndGet();
            return (T) awaited(running.result());
        }
        misses.incrementAndGet();
        if (running != null) { // another version is being computed: this one is computed apart, and kept if newer
            T value = compute.get();
            keep(key, version, value);
            return value;
        }
        try {
            T value = compute.get();
            keep(key, version, value);
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    private void keep(Object key, long version, Object value) {
        if (weight(value) > bound) {
            return; // it would only push everything else out, and be evicted itself
        }
        cache.asMap().merge(key, new Entry(version, value), (old, now) -> now.version() >= old.version() ? now : old);
    }

    private static Object awaited(CompletableFuture<Object> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Values given from the cache (or from another request's computation) and computed, since the start. */
    public long[] counts() {
        return new long[]{hits.get(), misses.get()};
    }

    static int weight(Object value) {
        if (value instanceof Weighed w) {
            return 1 + w.rows();
        }
        if (value instanceof Collection<?> rows) {
            return 1 + rows.size();
        }
        if (value instanceof String text) {
            return 1 + (int) (2L * text.length() / ROW_BYTES);
        }
        return 1;
    }
}
