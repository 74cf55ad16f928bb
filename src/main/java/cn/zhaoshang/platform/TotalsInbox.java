package cn.zhaoshang.platform;

import cn.zhaoshang.common.CopyRows;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import's share of the running totals, summed here and merged into them after commit (V24).
 *
 * <p>V7 folds every statement's new projects into {@code report_delta} and {@code report_event_delta} in PostgreSQL: it
 * sums each project's steps per region, unit, chain, event, month and year, and upserts the cells. For a 100,000-row
 * import into 1,000,000 projects those folds took 4.6 s of the transaction, on PostgreSQL's one backend, the import's
 * bottleneck, and the fold of its changed projects 0.65 s at commit (docs/benchmarks.md, "Session 12"). The application
 * writes every value of those projects itself and reads the changed ones' old values, so it sums the same steps ({@link Cells}, the arithmetic of V7's {@code report_fold_sql}) while PostgreSQL copies, and writes the
 * cells with one COPY into an inbox with no index. After the import commits, {@link #merge} moves the inbox into the
 * totals in a transaction of its own. The reports read the totals and the inbox together (V24's views), so every figure
 * is exact before, during and after the merge; the merge changes no sum and does not raise the reports' version.
 *
 * <p>A merge that did not happen (the server stopped first) is done by the next sweep ({@link #sweep}, every 10 s by
 * default, and 10 s after start).
 */
@Component
public class TotalsInbox {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TotalsInbox.class);

    private final JdbcTemplate jdbc;
    private final AfterCommitTask task = new AfterCommitTask("totals-inbox-merge", () -> {
        try {
            merge();
        } catch (RuntimeException e) {
            log.warn("合并统计收件箱失败，下次巡检时重试：{}", e.getMessage());
        }
    });

    TotalsInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the current transaction: the projects it inserts and updates are not folded by V7's and V24's triggers (SET LOCAL:
     * ends with the transaction); the writer copies their {@link Cells} into the inbox, which is merged after commit. An
     * update must then apply only where the row still holds the old values the writer took out (ProjectStore's UPDATE).
     */
    public void writeInTransaction(JdbcClient tx) {
        tx.sql("select set_config('zhaoshang.totals_by_writer', 'on', true)").query().listOfRows();
        task.afterCommit();
    }

    /** Inbox rows merged per transaction (each holds the audit trail's chain lock, which every audited write takes). */
    static final int BATCH = 10_000;

    /**
     * Moves every cell of the inbox into the running totals, {@link #BATCH} rows per transaction (V28); returns the inbox
     * rows it took. The figures are the same after every batch.
     */
    public long merge() {
        long rows = 0;
        for (long n = BATCH; n == BATCH; ) {
            Long taken = jdbc.queryForObject("select report_inbox_merge(?)", Long.class, BATCH);
            n = taken == null ? 0 : taken;
            rows += n;
        }
        return rows;
    }

    /** Merges what an earlier merge left (a stop before it ran). */
    @Scheduled(initialDelayString = "${zhaoshang.totals-inbox-ms:10000}", fixedDelayString = "${zhaoshang.totals-inbox-ms:10000}")
    void sweep() {
        Boolean waiting = jdbc.queryForObject(
                "select exists (select 1 from report_delta_inbox) or exists (select 1 from report_event_delta_inbox)", Boolean.class);
        if (Boolean.TRUE.equals(waiting)) {
            task.schedule();
        }
    }

    /**
     * At shutdown a merge under way is let finish (seconds after a large import) before the pool and the database
     * close; if it does not within 30 s, its transaction is rolled back with the pool and the next start merges.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        if (!task.shutdownAndWait(Duration.ofSeconds(30))) {
            log.info("统计收件箱的合并未在 30 秒内完成，留待下次启动");
        }
    }

    /**
     * The steps of inserted and changed projects summed into the cells of the running totals, as V7's {@code report_fold_sql} sums
     * them: per region and unit (U), region and chain (C) and region (R), by month (M) and by year (Y); and per region and
     * signing event for the projects that name one and have a signing date. With c contacted, s signed, L landed
     * (the first of landed, started, completed), t terminated and S = s or else L, a project steps alive +1 on c and -1
     * on t; reached +1 on S and -1 on the later of S and t; landed +1 on L and -1 on the later of L and t. Amounts are the
     * investment (and for events the foreign investment and the utilized foreign capital, none counting as 0).
     */
    public static final class Cells {

        // The cells' keys and sums are plain objects with their own hashCode and equals, and amounts are summed as longs
        // of fen (numeric(16, 2) in 万元 times 100): with records as keys and BigDecimal sums, the JIT's compilations of
        // add, step and event took 1.8 s of the 100,000-row import's two cores (docs/benchmarks.md, "Session 13").

        private static final class TotalKey {
            final char dim;
            final char grain;
            final int period;   // epoch day
            final String region;
            final long key;

            TotalKey(char dim, char grain, int period, String region, long key) {
                this.dim = dim;
                this.grain = grain;
                this.period = period;
                this.region = region;
                this.key = key;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof TotalKey k && k.dim == dim && k.grain == grain && k.period == period && k.key == key
                        && k.region.equals(region);
            }

            @Override
            public int hashCode() {
                return ((region.hashCode() * 31 + Long.hashCode(key)) * 31 + period) * 961 + dim * 31 + grain;
            }
        }

        private static final class EventKey {
            final char grain;
            final int period;
            final String region;
            final long event;

            EventKey(char grain, int period, String region, long event) {
                this.grain = grain;
                this.period = period;
                this.region = region;
                this.event = event;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof EventKey k && k.grain == grain && k.period == period && k.event == event
                        && k.region.equals(region);
            }

            @Override
            public int hashCode() {
                return ((region.hashCode() * 31 + Long.hashCode(event)) * 31 + period) * 31 + grain;
            }
        }

        // alive n, inv; reached n, inv; landed n, inv
        private final Map<TotalKey, Sums> totals = new HashMap<>();
        // reached n, inv, fi, ufc; landed n, inv, fi, ufc; then the same for the projects signed on stage
        private final Map<EventKey, Sums> events = new HashMap<>();

        /**
         * Adds a project's state with a sign: +1 for an inserted project or an updated one's new values, -1 for its old
         * values and for a deleted one.
         */
        public void add(int sign, String region, Long unitId, Long chainId, Long eventId, BigDecimal investment,
                        BigDecimal foreignInvestment, BigDecimal utilizedForeignCapital, boolean onStage, LocalDate contacted,
                        LocalDate signed, LocalDate landed, LocalDate terminated) {
            if (sign != 1 && sign != -1) {
                throw new IllegalArgumentException("sign " + sign);
            }
            long inv = fen(investment);
            long unit = unitId == null ? 0 : unitId;
            long chain = chainId == null ? 0 : chainId;
            LocalDate reached = signed != null ? signed : landed;
            step(region, unit, chain, contacted, 0, sign, inv);
            step(region, unit, chain, terminated, 0, -sign, inv);
            step(region, unit, chain, reached, 1, sign, inv);
            step(region, unit, chain, terminated == null ? null : later(reached, terminated), 1, -sign, inv);
            step(region, unit, chain, landed, 2, sign, inv);
            step(region, unit, chain, terminated == null ? null : later(landed, terminated), 2, -sign, inv);
            if (eventId != null && signed != null) {
                long fi = fen(foreignInvestment);
                long ufc = fen(utilizedForeignCapital);
                event(region, eventId, signed, 0, sign, inv, fi, ufc, onStage);
                event(region, eventId, terminated == null ? null : later(signed, terminated), 0, -sign, inv, fi, ufc, onStage);
                event(region, eventId, landed, 1, sign, inv, fi, ufc, onStage);
                event(region, eventId, terminated == null ? null : later(landed, terminated), 1, -sign, inv, fi, ufc, onStage);
            }
        }

        /** How many cells of report_delta and report_event_delta the projects added so far touch. */
        public int size() {
            return totals.size() + events.size();
        }

        /**
         * The cells as COPY's rows, made now (a writer makes them while PostgreSQL still copies its last projects, and
         * copies them after: 234,111 cells are 0.2 s of text) and copied by {@link Rows#copy}.
         */
        public Rows rows() {
            return new Rows(totals.isEmpty() ? null : totalRows(), events.isEmpty() ? null : eventRows());
        }

        /** The cells' rows for the two inbox tables. */
        public static final class Rows {
            private final CopyRows totals;
            private final CopyRows events;

            private Rows(CopyRows totals, CopyRows events) {
                this.totals = totals;
                this.events = events;
            }

            /** Copies the rows into the inbox, on the connection of the transaction that inserted the projects. */
            public void copy(Connection connection) throws SQLException {
                if (totals != null) {
                    totals.copyIn(connection, "copy report_delta_inbox (dim, grain, period, region_code, key_id, alive_n,"
                            + " alive_inv, reached_n, reached_inv, landed_n, landed_inv) from stdin");
                }
                if (events != null) {
                    events.copyIn(connection, "copy report_event_delta_inbox (grain, period, region_code, event_id, reached_n,"
                            + " reached_inv, reached_fi, reached_ufc, landed_n, landed_inv, landed_fi, landed_ufc, stage_reached_n,"
                            + " stage_reached_inv, stage_reached_fi, stage_reached_ufc, stage_landed_n, stage_landed_inv,"
                            + " stage_landed_fi, stage_landed_ufc) from stdin");
                }
            }
        }

        /** The rows of report_delta_inbox, in its COPY's column order. */
        CopyRows totalRows() {
            CopyRows rows = new CopyRows();
            for (Map.Entry<TotalKey, Sums> e : totals.entrySet()) {
                TotalKey k = e.getKey();
                Sums s = e.getValue();
                rows.row(String.valueOf(k.dim), String.valueOf(k.grain), LocalDate.ofEpochDay(k.period), k.region, k.key,
                        s.n[0], s.amount(0), s.n[1], s.amount(1), s.n[2], s.amount(2));
            }
            return rows;
        }

        /** The rows of report_event_delta_inbox, in its COPY's column order. */
        CopyRows eventRows() {
            CopyRows rows = new CopyRows();
            Object[] values = new Object[20];
            for (Map.Entry<EventKey, Sums> e : events.entrySet()) {
                EventKey k = e.getKey();
                Sums s = e.getValue();
                values[0] = String.valueOf(k.grain);
                values[1] = LocalDate.ofEpochDay(k.period);
                values[2] = k.region;
                values[3] = k.event;
                // reached_n, reached_inv, reached_fi, reached_ufc, landed_…, stage_reached_…, stage_landed_…
                for (int group = 0; group < 4; group++) {
                    values[4 + group * 4] = s.n[group];
                    for (int a = 0; a < 3; a++) {
                        values[5 + group * 4 + a] = s.amount(group * 3 + a);
                    }
                }
                rows.row(values);
            }
            return rows;
        }

        // counter: 0 alive, 1 reached, 2 landed
        private void step(String region, long unit, long chain, LocalDate day, int counter, int sign, long inv) {
            if (day == null) {
                return;
            }
            long signed = sign > 0 ? inv : -inv;
            for (int g = 0; g < 2; g++) {
                char grain = g == 0 ? 'M' : 'Y';
                int period = period(grain, day);
                total('U', grain, period, region, unit).add(counter, sign, counter, signed);
                total('C', grain, period, region, chain).add(counter, sign, counter, signed);
                total('R', grain, period, region, 0).add(counter, sign, counter, signed);
            }
        }

        private Sums total(char dim, char grain, int period, String region, long key) {
            TotalKey k = new TotalKey(dim, grain, period, region, key);
            Sums s = totals.get(k);
            if (s == null) {
                s = new Sums(3, 3);
                totals.put(k, s);
            }
            return s;
        }

        // group: 0 reached (signed), 1 landed; the projects signed on stage count again in groups 2 and 3
        private void event(String region, long eventId, LocalDate day, int group, int sign, long inv, long fi, long ufc,
                           boolean onStage) {
            if (day == null) {
                return;
            }
            long i = sign > 0 ? inv : -inv;
            long f = sign > 0 ? fi : -fi;
            long u = sign > 0 ? ufc : -ufc;
            for (int g = 0; g < 2; g++) {
                char grain = g == 0 ? 'M' : 'Y';
                EventKey k = new EventKey(grain, period(grain, day), region, eventId);
                Sums s = events.get(k);
                if (s == null) {
                    s = new Sums(4, 12);
                    events.put(k, s);
                }
                s.add(group, sign, group * 3, i);
                s.add(-1, 0, group * 3 + 1, f);
                s.add(-1, 0, group * 3 + 2, u);
                if (onStage) {
                    s.add(group + 2, sign, (group + 2) * 3, i);
                    s.add(-1, 0, (group + 2) * 3 + 1, f);
                    s.add(-1, 0, (group + 2) * 3 + 2, u);
                }
            }
        }

        private static int period(char grain, LocalDate day) {
            return (int) (grain == 'M' ? day.withDayOfMonth(1) : day.withDayOfYear(1)).toEpochDay();
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a == null ? null : a.isAfter(b) ? a : b;
        }

        // amounts in 万元 with two decimals, as numeric(16, 2) keeps them, in fen (none counting as 0)
        private static long fen(BigDecimal amount) {
            return amount == null ? 0 : amount.setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        }

        /**
         * A cell's counts and amounts in fen. A numeric(16, 2) amount is below 10^16 fen, so a long sums about 900 of the
         * largest without overflow; past that a sum carries on in a BigDecimal, exact as V7's unconstrained numeric.
         */
        private static final class Sums {
            final long[] n;
            final long[] fen;
            BigDecimal[] carried;

            Sums(int counts, int amounts) {
                n = new long[counts];
                fen = new long[amounts];
            }

            void add(int count, int sign, int at, long value) {
                if (count >= 0) {
                    n[count] += sign;
                }
                long sum = fen[at] + value;
                if (((fen[at] ^ sum) & (value ^ sum)) < 0) {
                    // overflow: the long's sum moves to the carried amount, and the long starts again from this value
                    if (carried == null) {
                        carried = new BigDecimal[fen.length];
                    }
                    BigDecimal was = carried[at] == null ? BigDecimal.ZERO : carried[at];
                    carried[at] = was.add(BigDecimal.valueOf(fen[at]));
                    fen[at] = value;
                } else {
                    fen[at] = sum;
                }
            }

            /** The amount at {@code at} in 万元, scale 2. */
            BigDecimal amount(int at) {
                BigDecimal sum = BigDecimal.valueOf(fen[at]);
                if (carried != null && carried[at] != null) {
                    sum = sum.add(carried[at]);
                }
                return new BigDecimal(sum.unscaledValue(), 2);
            }
        }
    }
}
