package cn.zhaoshang.report;

import cn.zhaoshang.platform.ReportDatabase;
import cn.zhaoshang.platform.VersionedCache;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reports answered again without their queries while nothing they read has changed: a city's staff open the same bulletin
 * for the same period many times between two changes to the ledger.
 *
 * <p>Every change that can alter a report raises {@code report_version} in its own transaction (V16: the running totals,
 * which every change to a project reaches, and the names of units, chains and events). A report is kept with the version
 * read before its queries ran, and given again only to a request that reads the same version: once a change has
 * committed, no request reads the old version again. The version is a row of the database, so it is the same on a read
 * replica, which shows version N exactly when it shows the changes up to N.
 *
 * <p>Kept in the application's {@link VersionedCache}, in its bound ({@code zhaoshang.report-cache.rows}, 0 turns it
 * off): a province's by-unit report holds a row per unit of the province.
 */
@Component
public class ReportCache {

    /** Whose version a report is kept at: the projects' ({@code report_version.n}, V16) or the visits' (V18). */
    public enum Source {
        PROJECTS("select n from report_version"),
        VISITS("select visits from report_version");

        private final String query;

        Source(String query) {
            this.query = query;
        }
    }

    private record Key(Source source, String report, ReportPeriod period, Object variant) {
    }

    private record Reading(Source source, long version) {
    }

    private final ReportDatabase db;
    private final VersionedCache cache;
    /** The version read by the outermost report of this thread, while it computes. */
    private final ThreadLocal<Reading> reading = new ThreadLocal<>();

    ReportCache(ReportDatabase db, VersionedCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /**
     * The report of that name for the period (and variant: a language, say), from the cache while the version it was
     * computed at is current, else computed now. The value must not be changed by the caller: it is shared.
     */
    <T> T get(String report, ReportPeriod period, Object variant, Supplier<T> compute) {
        return get(Source.PROJECTS, report, period, variant, compute);
    }

    /** The same, for a report kept at the version of {@code source}. */
    public <T> T get(Source source, String report, ReportPeriod period, Object variant, Supplier<T> compute) {
        if (!cache.enabled()) {
            return compute.get();
        }
        Key key = new Key(source, report, period, variant);
        Reading outer = reading.get();
        if (outer != null && outer.source() == source) { // a part of a report being computed (the briefing's)
            return cache.get(key, outer.version(), compute);
        }
        // in the report's own read: on the replica, the version and the report come from one snapshot
        return db.read(jdbc -> {
            long version = jdbc.sql(source.query).query(Long.class).single();
            reading.set(new Reading(source, version));
            try {
                return cache.get(key, version, compute);
            } finally {
                if (outer == null) {
                    reading.remove();
                } else {
                    reading.set(outer);
                }
            }
        });
    }

    /** Reports (and other kept values) answered from the cache and computed, since the start. */
    public long[] counts() {
        return cache.counts();
    }
}
