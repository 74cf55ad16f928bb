package cn.zhaoshang.generate;

import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.visit.Pinyin;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    record Outcome(long projects, long enterprises, int counties, int units, int events, long teams, long batches, long visits,
                   long millis) {
    }

    /** Refused: the ledger is not empty, or the region is unknown. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The ledger's tables whose ids the load gives (their sequences are moved past them after it). */
    private static final List<String> WITH_IDS = List.of("project", "project_revision", "enterprise");
    private static final List<String> LEDGER = List.of("project", "project_revision", "enterprise", "enterprise_pinyin");
    private static final List<String> FIELD_WORK = List.of("team", "team_chain", "team_target", "trip_batch", "trip_batch_team",
            "trip_batch_plan", "visit");

    Outcome generate(GenerateOptions o) throws Exception {
        long started = System.nanoTime();
        Territory territory = new Territory(counties(o.region()), o.fromYear(), o.toYear(), o.seed());
        LedgerSynth synth = new LedgerSynth(territory, o.projects(), o.fromYear(), o.toYear(), o.seed());
        String stamp = synth.asOf().plusDays(1) + " 09:00:00+08";
        boolean fieldWork = o.visits() > 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                execute(c, "set local synchronous_commit = off");
                boolean freeze = emptyLedger(c, o.replace(), fieldWork);
                String with = freeze ? " with (freeze)" : "";
                Map<String, Long> chains = upsertChains(c);
                Map<String, Long> units = upsertUnits(c, territory);
                Map<String, Long> events = upsertEvents(c, territory);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                List<String> bulk = new ArrayList<>(LEDGER);
                if (fieldWork) {
                    bulk.addAll(FIELD_WORK);
                }
                BulkLoad.Suspended suspended = BulkLoad.suspend(c, bulk, fieldWork ? List.of("visit") : List.of());
                // the reports' running totals are computed once from the whole ledger below, not per COPY chunk
                execute(c, "alter table project disable trigger project_report_insert");
                // and the projects' references (V20) are checked once, after the load, by one join
                execute(c, "alter table project disable trigger project_references_on_insert");
                // and the name search's tables (V27) are made once from the whole ledger, their GIN indexes built at once
                execute(c, "alter table project disable trigger project_name_search_insert");
                // and so is the list's table (V29)
                execute(c, "alter table project disable trigger project_list_insert");
                execute(c, "alter table enterprise disable trigger enterprise_name_search_insert");
                Map<String, CountyProjects> index = new LinkedHashMap<>();
                territory.counties.forEach(county -> index.put(county.code(), new CountyProjects()));
                long[] counts;
                long[] field = new long[4];
                long t0 = System.nanoTime();
                try (CopyPipe pipe = new CopyPipe(copy)) {
                    counts = load(pipe, synth, chains, units, events, stamp, with, fieldWork ? index : null);
                    if (o.enterprises() > synth.investors().count()) {
                        int from = synth.investors().count();
                        FieldWorkSynth.prospects(synth.investors(), o.enterprises(), o.seed());
                        counts[1] += loadProspects(pipe, synth.investors(), from, stamp, with);
                    }
                    if (fieldWork) {
                        LocalDate end = FieldWorkSynth.end(synth.asOf());
                        FieldWorkLoader loader = new FieldWorkLoader(pipe, with, units, chains, stamp, o.fromYear(), end);
                        new FieldWorkSynth(territory, synth.investors(), index.values().toArray(CountyProjects[]::new),
                                synth.allocate(), o.visits(), o.fromYear(), o.toYear(), end, o.seed()).run(loader);
                        field = loader.counts;
                    }
                    pipe.await();
                    log.info("COPY 用时：{}；总计 {} 秒", pipe.times(), String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                }
                BulkLoad.restore(c, suspended);
                execute(c, "alter table project enable trigger project_report_insert");
                execute(c, "alter table project enable trigger project_references_on_insert");
                execute(c, "alter table project enable trigger project_name_search_insert");
                execute(c, "alter table project enable trigger project_list_insert");
                execute(c, "alter table enterprise enable trigger enterprise_name_search_insert");
                checkProjectReferences(c);
                long namesStarted = System.nanoTime();
                execute(c, "select name_search_rebuild()");
                log.info("名称检索表重建用时 {} 秒", String.format("%.1f", (System.nanoTime() - namesStarted) / 1e9));
                long listStarted = System.nanoTime();
                execute(c, "select project_list_rebuild()");
                log.info("项目列表表重建用时 {} 秒", String.format("%.1f", (System.nanoTime() - listStarted) / 1e9));
                // the load ran with the tables' triggers off: a server already running must not answer its kept
                // reports and searches (VersionedCache) from before it
                execute(c, "update report_version set n = n + 1, visits = visits + 1, search = search + 1");
                long totalsStarted = System.nanoTime();
                execute(c, "select report_delta_rebuild()");
                log.info("报表累计数计算用时 {} 秒", (System.nanoTime() - totalsStarted) / 1e9);
                // the list's counts (V11) got a row of differences per COPY chunk: merge them before anyone reads them
                execute(c, "select project_tally_compact()");
                if (fieldWork) {
                    checkVisitReferences(c);
                }
                saveCounters(c, synth.lastCodes);
                importBatch(c, "PROJECT", o.describe(), stamp, counts[0]);
                if (fieldWork) {
                    importBatch(c, "VISIT", o.describe(), stamp, field[3]);
                }
                for (String table : fieldWork ? List.of("project", "project_revision", "enterprise", "team", "trip_batch", "visit")
                        : WITH_IDS) {
                    execute(c, "select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from " + table
                            + "), 0) + 1, false)");
                }
                c.commit();
                c.setAutoCommit(true);
                log.info("已提交，正在更新统计信息（ANALYZE）");
                // frozen rows are visible to every snapshot already; otherwise vacuum sets the visibility map for index-only scans
                execute(c, (freeze ? "analyze" : "vacuum (analyze)")
                        + " project, project_list, project_revision, enterprise, enterprise_pinyin, unit, industry_chain, signing_event, project_code_counter,"
                        + " report_delta, report_event_delta, project_tally" + (fieldWork ? ", " + String.join(", ", FIELD_WORK) : ""));
                long millis = (System.nanoTime() - started) / 1_000_000;
                int unitCount = territory.units.values().stream().mapToInt(List::size).sum();
                return new Outcome(counts[0], counts[1], territory.counties.size(), unitCount, territory.events.size(), field[0],
                        field[1], field[3], millis);
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

    /** What project_references_check (V20) checks per statement, once for every generated project: one scan. */
    private static void checkProjectReferences(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select count(*) filter (where r.code is null), count(*) filter (where p.unit_id is not null and u.id is null),
                       count(*) filter (where p.investor_id is not null and i.id is null),
                       count(*) filter (where p.referrer_id is not null and f.id is null),
                       count(*) filter (where p.chain_id is not null and k.id is null),
                       count(*) filter (where p.event_id is not null and e.id is null)
                from project p left join region r on r.code = p.region_code left join unit u on u.id = p.unit_id
                left join enterprise i on i.id = p.investor_id left join enterprise f on f.id = p.referrer_id
                left join industry_chain k on k.id = p.chain_id left join signing_event e on e.id = p.event_id""")) {
            rs.next();
            long missing = 0;
            for (int i = 1; i <= 6; i++) {
                missing += rs.getLong(i);
            }
            if (missing > 0) {
                throw new IllegalStateException("generated projects refer to missing rows: regions " + rs.getLong(1) + ", units "
                        + rs.getLong(2) + ", investors " + rs.getLong(3) + ", referrers " + rs.getLong(4) + ", chains "
                        + rs.getLong(5) + ", events " + rs.getLong(6));
            }
        }
        log.info("校验项目的区划、单位、企业、产业链和签约活动引用用时 {} 秒", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    /** What visit_references_check (V8, V19) checks per statement, once for every generated visit: one scan. */
    private static void checkVisitReferences(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select count(*) filter (where t.id is null), count(*) filter (where e.id is null),
                       count(*) filter (where v.batch_id is not null and b.id is null), count(*) filter (where r.code is null),
                       count(*) filter (where v.follow_up_visit_id is not null and f.id is null)
                from visit v left join team t on t.id = v.team_id left join enterprise e on e.id = v.enterprise_id
                left join trip_batch b on b.id = v.batch_id left join region r on r.code = v.region_code
                left join visit f on f.id = v.follow_up_visit_id""")) {
            rs.next();
            if (rs.getLong(1) + rs.getLong(2) + rs.getLong(3) + rs.getLong(4) + rs.getLong(5) > 0) {
                throw new IllegalStateException("generated visits refer to missing rows: teams " + rs.getLong(1) + ", enterprises "
                        + rs.getLong(2) + ", batches " + rs.getLong(3) + ", regions " + rs.getLong(4) + ", follow-up visits "
                        + rs.getLong(5));
            }
        }
        log.info("校验走访的小分队、企业、批次、区划和跟进走访引用用时 {} 秒", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    private static void importBatch(Connection c, String kind, String describe, String stamp, long rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into import_batch (kind, file_name, imported_by, imported_at, rows_total, created, updated, unchanged)
                values (?, ?, ?, ?::timestamptz, ?, ?, 0, 0)""")) {
            ps.setString(1, kind);
            ps.setString(2, describe);
            ps.setString(3, ACTOR);
            ps.setString(4, stamp);
            ps.setLong(5, rows);
            ps.setLong(6, rows);
            ps.executeUpdate();
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
     * projects or enterprises (visits, …) are truncated with them: for --replace, or when they are empty anyway. With
     * field work to generate, teams and trip batches (and what refers to them) must be empty too, or are emptied.
     */
    private static boolean emptyLedger(Connection c, boolean replace, boolean fieldWork) throws SQLException {
        long projects;
        long enterprises;
        long teams;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select (select count(*) from project), (select count(*) from enterprise),
                       (select count(*) from team) + (select count(*) from trip_batch) + (select count(*) from visit)""")) {
            rs.next();
            projects = rs.getLong(1);
            enterprises = rs.getLong(2);
            teams = rs.getLong(3);
        }
        if ((projects > 0 || enterprises > 0) && !replace) {
            throw new Refused("数据库中已有 " + projects + " 个项目、" + enterprises + " 家企业；generate 只向空台账写入。"
                    + "请换一个数据目录（--zhaoshang.data-dir=DIR），或加 --replace 先清空项目、企业和导入记录");
        }
        if (fieldWork && teams > 0 && !replace) {
            throw new Refused("数据库中已有招商小分队、外出批次或走访记录；generate --visits 只向空库写入。"
                    + "请换一个数据目录（--zhaoshang.data-dir=DIR），或加 --replace 先清空");
        }
        List<String> roots = new ArrayList<>(List.of("project", "project_revision", "enterprise", "enterprise_alias"));
        if (fieldWork) {
            roots.addAll(List.of("team", "trip_batch"));
        }
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                with recursive refs(t) as (
                    select unnest(?::regclass[])
                    union
                    select k.conrelid::regclass from pg_constraint k join refs on k.confrelid = refs.t where k.contype = 'f')
                select t::text from refs""")) {
            ps.setArray(1, text(c, roots));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<String> others = tables.stream().filter(t -> !roots.contains(t)).toList();
        if (replace) {
            if (!others.isEmpty()) {
                log.warn("--replace 同时清空引用项目、企业{}的表：{}", fieldWork ? "或小分队" : "", String.join(", ", others));
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

    /**
     * Streams the ledger through the pipe; returns {projects, enterprises}. Ids are the generation numbers plus one.
     * With {@code index}, each county's projects are kept there for the field work.
     */
    private static long[] load(CopyPipe pipe, LedgerSynth synth, Map<String, Long> chains, Map<String, Long> units,
                               Map<String, Long> events, String stamp, String with, Map<String, CountyProjects> index) {
        long[] counts = new long[2];
        long t0 = System.nanoTime();
        Chunk[] current = {new Chunk()};
        StringBuilder json = new StringBuilder(2048);
        synth.run((p, fresh) -> {
            Chunk chunk = current[0];
            for (Investors.Investor e : fresh) {
                enterpriseRow(chunk.enterprises, chunk.pinyin, e, stamp);
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
            chunk.revisions.number(id).number(id).raw(p.regionCode()).number(0).raw(stamp).raw(ACTOR).raw("IMPORT_CREATE")
                    .text(json.toString()).end();
            if (index != null) {
                index.get(p.regionCode()).add(p);
            }
            counts[0]++;
            if (++chunk.rows == CHUNK) {
                pipe.send(chunk.parts(with));
                current[0] = new Chunk();
                if (counts[0] % 100_000 == 0) {
                    log.info("已生成 {} 个项目、{} 家企业（{} 秒）", counts[0], counts[1], (System.nanoTime() - t0) / 1_000_000_000);
                }
            }
        });
        if (current[0].rows > 0) {
            pipe.send(current[0].parts(with));
        }
        return counts;
    }

    /** Enterprises nobody invested through (yet): companies the teams visit. Returns how many. */
    private static long loadProspects(CopyPipe pipe, Investors investors, int from, String stamp, String with) {
        CopyText rows = new CopyText(1 << 20);
        CopyText pinyin = new CopyText(1 << 19);
        for (int i = from; i < investors.count(); i++) {
            enterpriseRow(rows, pinyin, investors.get(i), stamp);
            if (rows.length() > 8 << 20) {
                pipe.send(List.of(new CopyPipe.Part(ENTERPRISE_COPY + with, "enterprise", rows),
                        new CopyPipe.Part(PINYIN_COPY + with, "enterprise_pinyin", pinyin)));
                rows = new CopyText(1 << 20);
                pinyin = new CopyText(1 << 19);
            }
        }
        pipe.send(List.of(new CopyPipe.Part(ENTERPRISE_COPY + with, "enterprise", rows),
                new CopyPipe.Part(PINYIN_COPY + with, "enterprise_pinyin", pinyin)));
        return investors.count() - from;
    }

    /**
     * An enterprise, and the pinyin initials of its name for the visit form's lookup (V6): without them the first lookup
     * on a generated province computed the initials of all 752,817 names in that request (38 s).
     */
    private static void enterpriseRow(CopyText rows, CopyText pinyin, Investors.Investor e, String stamp) {
        rows.number(e.index() + 1).text(e.creditCode()).text(e.name()).raw(stamp).number(0).end();
        pinyin.number(e.index() + 1).text(e.name()).text(Pinyin.initials(e.name())).end();
    }

    private static final String ENTERPRISE_COPY = "copy enterprise (id, credit_code, name, created_at, version) from stdin";
    private static final String PINYIN_COPY = "copy enterprise_pinyin (enterprise_id, name, initials) from stdin";

    private static final class Chunk {
        final CopyText enterprises = new CopyText(1 << 20);
        final CopyText pinyin = new CopyText(1 << 18);
        final CopyText projects = new CopyText(4 << 20);
        final CopyText revisions = new CopyText(16 << 20);
        int rows;

        List<CopyPipe.Part> parts(String with) {
            return List.of(new CopyPipe.Part(ENTERPRISE_COPY + with, "enterprise", enterprises),
                    new CopyPipe.Part(PINYIN_COPY + with, "enterprise_pinyin", pinyin),
                    new CopyPipe.Part("""
                            copy project (id, code, name, region_code, unit_id, investor_id, chain_id, investment, foreign_investment,
                            utilized_foreign_capital, key_project, contacted_on, signed_on, landed_on, started_on, completed_on,
                            terminated_on, event_id, on_stage, source, referrer_id, parent_id, created_at, updated_at, version)
                            from stdin""" + with, "project", projects),
                    new CopyPipe.Part("""
                            copy project_revision (id, project_id, region_code, version, recorded_at, recorded_by, action,
                            snapshot)
                            from stdin""" + with, "project_revision", revisions));
        }
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
