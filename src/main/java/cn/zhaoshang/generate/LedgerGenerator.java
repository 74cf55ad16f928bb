package cn.zhaoshang.generate;

import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.UnitKind;
import java.io.ByteArrayInputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the configured database with a generated ledger in one transaction: master data by name (kept when present),
 * then enterprises, projects and their first revisions through COPY, streamed in chunks while the next chunk is being
 * made, then the code counters, the sequences and fresh statistics.
 */
@Component
class LedgerGenerator {

    private static final Logger log = LoggerFactory.getLogger(LedgerGenerator.class);
    private static final int CHUNK = 10_000;
    private static final Set<String> PLACEHOLDERS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
    static final String ACTOR = "generator";

    private final DataSource dataSource;
    private final Regions regions;

    LedgerGenerator(DataSource dataSource, Regions regions) {
        this.dataSource = dataSource;
        this.regions = regions;
    }

    /** What was written, and how long it took. */
    record Outcome(long projects, long enterprises, int counties, int units, int events, long millis) {
    }

    /** Refused: the ledger is not empty, or the region is unknown. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    Outcome generate(GenerateOptions o) throws Exception {
        long started = System.nanoTime();
        Territory territory = new Territory(counties(o.region()), o.fromYear(), o.toYear(), o.seed());
        LedgerSynth synth = new LedgerSynth(territory, o.projects(), o.fromYear(), o.toYear(), o.seed());
        String stamp = synth.asOf().plusDays(1) + " 09:00:00+08";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                execute(c, "set local synchronous_commit = off");
                boolean freeze = emptyLedger(c, o.replace());
                Map<String, Long> chains = upsertChains(c);
                Map<String, Long> units = upsertUnits(c, territory);
                Map<String, Long> events = upsertEvents(c, territory);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                Suspended suspended = suspendIndexesAndForeignKeys(c);
                // the reports' running totals are computed once from the whole ledger below, not per COPY chunk
                execute(c, "alter table project disable trigger project_report_insert");
                long[] counts = load(copy, synth, chains, units, events, stamp, freeze ? " with (freeze)" : "");
                restore(c, suspended);
                execute(c, "alter table project enable trigger project_report_insert");
                long totalsStarted = System.nanoTime();
                execute(c, "select report_delta_rebuild()");
                log.info("报表累计数计算用时 {} 秒", (System.nanoTime() - totalsStarted) / 1e9);
                // the list's counts (V11) got a row of differences per COPY chunk: merge them before anyone reads them
                execute(c, "select project_tally_compact()");
                saveCounters(c, synth.lastCodes);
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into import_batch (kind, file_name, imported_by, imported_at, rows_total, created, updated, unchanged)
                        values ('PROJECT', ?, ?, ?::timestamptz, ?, ?, 0, 0)""")) {
                    ps.setString(1, o.describe());
                    ps.setString(2, ACTOR);
                    ps.setString(3, stamp);
                    ps.setLong(4, counts[0]);
                    ps.setLong(5, counts[0]);
                    ps.executeUpdate();
                }
                for (String table : List.of("project", "project_revision", "enterprise")) {
                    execute(c, "select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from " + table
                            + "), 0) + 1, false)");
                }
                c.commit();
                c.setAutoCommit(true);
                log.info("已提交，正在更新统计信息（ANALYZE）");
                // frozen rows are visible to every snapshot already; otherwise vacuum sets the visibility map for index-only scans
                execute(c, (freeze ? "analyze" : "vacuum (analyze)")
                        + " project, project_revision, enterprise, unit, industry_chain, signing_event, project_code_counter,"
                        + " report_delta, report_event_delta");
                long millis = (System.nanoTime() - started) / 1_000_000;
                int unitCount = territory.units.values().stream().mapToInt(List::size).sum();
                return new Outcome(counts[0], counts[1], territory.counties.size(), unitCount, territory.events.size(), millis);
            } catch (Exception e) {
                try {
                    if (!c.isClosed() && !c.getAutoCommit()) {
                        c.rollback();
                    }
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    /** Every county-level region under the code, with its prefecture (a municipality stands for itself). */
    List<Territory.County> counties(String code) {
        Region root = regions.resolve(code).orElseThrow(() -> new Refused("未知的行政区划代码：" + code));
        List<Territory.County> out = new ArrayList<>();
        walk(root, out);
        if (out.isEmpty()) {
            throw new Refused("行政区划 " + code + " 之下没有县级区划");
        }
        return out;
    }

    private void walk(Region r, List<Territory.County> out) {
        if (r.level() == 3) {
            List<Region> path = regions.path(r.code());
            Region province = path.get(0);
            Region prefecture = path.stream().filter(p -> p.level() == 2 && !PLACEHOLDERS.contains(p.name())).findFirst()
                    .orElse(province);
            out.add(new Territory.County(r.code(), r.name(), prefecture.code(), prefecture.name()));
            return;
        }
        regions.children(r.code()).forEach(child -> walk(child, out));
    }

    /**
     * Makes sure the ledger is empty (or empties it for --replace) and says whether COPY may FREEZE the rows: that needs
     * the tables truncated in this transaction, which is only done when nothing is lost by it. Tables that refer to
     * projects or enterprises (visits, …) are truncated with them: for --replace, or when they are empty anyway.
     */
    private static boolean emptyLedger(Connection c, boolean replace) throws SQLException {
        long projects;
        long enterprises;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from project), (select count(*) from enterprise)")) {
            rs.next();
            projects = rs.getLong(1);
            enterprises = rs.getLong(2);
        }
        if ((projects > 0 || enterprises > 0) && !replace) {
            throw new Refused("数据库中已有 " + projects + " 个项目、" + enterprises + " 家企业；generate 只向空台账写入。"
                    + "请换一个数据目录（--zhaoshang.data-dir=DIR），或加 --replace 先清空项目、企业和导入记录");
        }
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                with recursive refs(t) as (
                    select unnest(array['project', 'project_revision', 'enterprise', 'enterprise_alias']::regclass[])
                    union
                    select k.conrelid::regclass from pg_constraint k join refs on k.confrelid = refs.t where k.contype = 'f')
                select t::text from refs""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> others = tables.stream().filter(t -> !Set.of("project", "project_revision", "enterprise", "enterprise_alias")
                .contains(t)).toList();
        if (replace) {
            if (!others.isEmpty()) {
                log.warn("--replace 同时清空引用项目或企业的表：{}", String.join(", ", others));
            }
            execute(c, "truncate " + String.join(", ", tables) + ", import_batch, project_code_counter restart identity");
            return true;
        }
        for (String t : others) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select exists (select 1 from " + t + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false; // they keep their rows; the load then goes without FREEZE and is vacuumed afterwards
                }
            }
        }
        execute(c, "truncate " + String.join(", ", tables) + " restart identity");
        return true;
    }

    private static Map<String, Long> upsertChains(Connection c) throws SQLException {
        List<String> names = Words.CHAINS.stream().map(Words.Chain::name).toList();
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into industry_chain (name) select unnest(?::text[])
                on conflict (name) do update set name = excluded.name returning id, name""")) {
            ps.setArray(1, text(c, names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, Long> upsertUnits(Connection c, Territory t) throws SQLException {
        List<String> regionCodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        t.units.values().forEach(list -> list.forEach(u -> {
            regionCodes.add(u.regionCode());
            names.add(u.name());
            kinds.add(UnitKind.infer(u.name()).name());
        }));
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into unit (region_code, name, kind) select * from unnest(?::text[], ?::text[], ?::text[])
                on conflict (region_code, name) do update set name = excluded.name returning id, region_code, name""")) {
            ps.setArray(1, text(c, regionCodes));
            ps.setArray(2, text(c, names));
            ps.setArray(3, text(c, kinds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2) + "|" + rs.getString(3), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, Long> upsertEvents(Connection c, Territory t) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> places = new ArrayList<>();
        t.events.values().forEach(e -> {
            names.add(e.name());
            dates.add(e.heldOn().toString());
            places.add(e.place());
        });
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into signing_event (name, held_on, place)
                select n, d::date, p from unnest(?::text[], ?::text[], ?::text[]) as t(n, d, p)
                on conflict (name) do update set name = excluded.name returning id, name""")) {
            ps.setArray(1, text(c, names));
            ps.setArray(2, text(c, dates));
            ps.setArray(3, text(c, places));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Streams the ledger; returns {projects, enterprises}. Ids are the generation numbers plus one. */
    private long[] load(CopyManager copy, LedgerSynth synth, Map<String, Long> chains, Map<String, Long> units,
                        Map<String, Long> events, String stamp, String with) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "generate-copy");
            t.setDaemon(true);
            return t;
        });
        long[] counts = new long[2];
        long[] copyNanos = new long[3];
        long t0 = System.nanoTime();
        try {
            Chunk[] current = {new Chunk(with)};
            Future<?>[] pending = new Future<?>[1];
            StringBuilder json = new StringBuilder(2048);
            synth.run((p, fresh) -> {
                Chunk chunk = current[0];
                for (Investors.Investor e : fresh) {
                    chunk.enterprises.number(e.index() + 1).text(e.creditCode()).text(e.name()).raw(stamp).number(0).end();
                    counts[1]++;
                }
                long id = p.seq() + 1;
                chunk.projects.number(id).text(p.code()).text(p.name()).raw(p.regionCode())
                        .id(p.unit() == null ? null : units.get(p.regionCode() + "|" + p.unit()))
                        .id(p.investor() == null ? -1 : p.investor().index() + 1)
                        .id(p.chain() == null ? null : chains.get(p.chain()))
                        .amount(p.investment()).amount(p.foreignInvestment()).amount(p.utilizedForeignCapital())
                        .flag(p.keyProject()).date(p.contactedOn()).date(p.signedOn()).date(p.landedOn()).date(p.startedOn())
                        .date(p.completedOn()).date(p.terminatedOn()).id(p.event() == null ? null : events.get(p.event()))
                        .flag(p.onStage()).text(p.source()).id(p.referrer() == null ? -1 : p.referrer().index() + 1)
                        .id(p.parentSeq() < 0 ? -1 : p.parentSeq() + 1).raw(stamp).raw(stamp).number(0).end();
                Map<String, String> snapshot = Snapshots.draft(p).snapshot();
                json.setLength(0);
                Snapshots.snapshotJson(snapshot, json);
                String snapshotJson = json.toString();
                json.setLength(0);
                Snapshots.creationChangesJson(snapshot, json);
                chunk.revisions.number(id).number(id).raw(p.regionCode()).number(0).raw(stamp).raw(ACTOR).raw("IMPORT_CREATE").text(snapshotJson)
                        .text(json.toString()).end();
                counts[0]++;
                if (++chunk.rows == CHUNK) {
                    pending[0] = hand(writer, pending[0], copy, chunk, copyNanos);
                    current[0] = new Chunk(with);
                    if (counts[0] % 100_000 == 0) {
                        log.info("已生成 {} 个项目、{} 家企业（{} 秒）", counts[0], counts[1], (System.nanoTime() - t0) / 1_000_000_000);
                    }
                }
            });
            if (current[0].rows > 0) {
                pending[0] = hand(writer, pending[0], copy, current[0], copyNanos);
            }
            if (pending[0] != null) {
                pending[0].get();
            }
        } finally {
            writer.shutdownNow();
        }
        log.info("COPY 用时：企业 {} 秒，项目 {} 秒，修订记录 {} 秒；总计 {} 秒", copyNanos[0] / 1_000_000_000.0,
                copyNanos[1] / 1_000_000_000.0, copyNanos[2] / 1_000_000_000.0, (System.nanoTime() - t0) / 1_000_000_000.0);
        return counts;
    }

    /** Waits for the previous chunk to be written, then hands this one to the writer: making and writing overlap. */
    private static Future<?> hand(ExecutorService writer, Future<?> previous, CopyManager copy, Chunk chunk, long[] copyNanos) {
        try {
            if (previous != null) {
                previous.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("写入数据库失败：" + e.getCause().getMessage(), e.getCause());
        }
        return writer.submit(() -> {
            chunk.write(copy, copyNanos);
            return null;
        });
    }

    private static final class Chunk {
        final CopyText enterprises = new CopyText(1 << 20);
        final CopyText projects = new CopyText(4 << 20);
        final CopyText revisions = new CopyText(16 << 20);
        final String with;
        int rows;

        Chunk(String with) {
            this.with = with;
        }

        void write(CopyManager copy, long[] nanos) throws Exception {
            long t0 = System.nanoTime();
            if (enterprises.length() > 0) {
                copy.copyIn("copy enterprise (id, credit_code, name, created_at, version) from stdin" + with,
                        new ByteArrayInputStream(enterprises.bytes()));
            }
            long t1 = System.nanoTime();
            copy.copyIn("""
                    copy project (id, code, name, region_code, unit_id, investor_id, chain_id, investment, foreign_investment,
                    utilized_foreign_capital, key_project, contacted_on, signed_on, landed_on, started_on, completed_on,
                    terminated_on, event_id, on_stage, source, referrer_id, parent_id, created_at, updated_at, version)
                    from stdin""" + with, new ByteArrayInputStream(projects.bytes()));
            long t2 = System.nanoTime();
            copy.copyIn("""
                    copy project_revision (id, project_id, region_code, version, recorded_at, recorded_by, action, snapshot,
                    changes)
                    from stdin""" + with, new ByteArrayInputStream(revisions.bytes()));
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += System.nanoTime() - t2;
        }
    }

    /** Secondary indexes and foreign keys of the bulk-loaded tables, as their definitions, to put back after the load. */
    private record Suspended(List<String> indexes, List<String> foreignKeys) {
    }

    private static final String BULK_TABLES = "'project'::regclass, 'project_revision'::regclass, 'enterprise'::regclass";

    /**
     * Building an index once over sorted data and checking a foreign key with one join are many times cheaper than
     * maintaining them row by row, so both are set aside for the load (what pg_restore does). Read from the catalog,
     * so an index a later migration adds is rebuilt too; uniqueness and primary keys stay in force throughout, and
     * everything happens in the one transaction.
     */
    private static Suspended suspendIndexesAndForeignKeys(Connection c) throws SQLException {
        List<String> indexes = new ArrayList<>();
        List<String> dropIndexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> dropForeignKeys = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                    where i.indrelid in (%s)
                      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                    order by 1""".formatted(BULK_TABLES))) {
                while (rs.next()) {
                    dropIndexes.add("drop index " + rs.getString(1));
                    indexes.add(rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) from pg_constraint
                    where contype = 'f' and conrelid in (%s) order by 1, 2""".formatted(BULK_TABLES))) {
                while (rs.next()) {
                    dropForeignKeys.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
                    foreignKeys.add("alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            for (String sql : dropForeignKeys) {
                s.execute(sql);
            }
            for (String sql : dropIndexes) {
                s.execute(sql);
            }
        }
        return new Suspended(indexes, foreignKeys);
    }

    private static void restore(Connection c, Suspended suspended) throws SQLException {
        long t0 = System.nanoTime();
        execute(c, "set local maintenance_work_mem = '256MB'");
        for (String sql : suspended.indexes()) {
            execute(c, sql);
        }
        long t1 = System.nanoTime();
        for (String sql : suspended.foreignKeys()) {
            execute(c, sql);
        }
        log.info("重建 {} 个索引用时 {} 秒，校验 {} 个外键用时 {} 秒", suspended.indexes().size(), (t1 - t0) / 1_000_000_000.0,
                suspended.foreignKeys().size(), (System.nanoTime() - t1) / 1_000_000_000.0);
    }

    private static void saveCounters(Connection c, Map<String, Integer> lastCodes) throws SQLException {
        List<String> regionCodes = new ArrayList<>();
        List<String> years = new ArrayList<>();
        List<String> values = new ArrayList<>();
        lastCodes.forEach((key, last) -> {
            String[] k = key.split("\\|");
            regionCodes.add(k[0]);
            years.add(k[1]);
            values.add(Integer.toString(last));
        });
        try (PreparedStatement ps = c.prepareStatement("""
                insert into project_code_counter (region_code, year, last_value)
                select r, y::int, v::int from unnest(?::text[], ?::text[], ?::text[]) as t(r, y, v)
                on conflict (region_code, year) do update
                set last_value = greatest(project_code_counter.last_value, excluded.last_value)""")) {
            ps.setArray(1, text(c, regionCodes));
            ps.setArray(2, text(c, years));
            ps.setArray(3, text(c, values));
            ps.executeUpdate();
        }
    }

    private static Array text(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
