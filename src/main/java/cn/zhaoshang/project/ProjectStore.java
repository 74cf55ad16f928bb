package cn.zhaoshang.project;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.common.ColumnArrays;
import cn.zhaoshang.common.CopyRows;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.event.SigningEvents;
import cn.zhaoshang.platform.BulkWrites;
import cn.zhaoshang.platform.SearchIndexMerge;
import cn.zhaoshang.platform.TotalsInbox;
import cn.zhaoshang.platform.TransactionWorker;
import cn.zhaoshang.unit.Units;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes projects in batches: resolves names to master data (creating what is new), inserts and updates with
 * optimistic locking, and appends one revision per change with the old and new values.
 */
@Component
class ProjectStore {

    private static final TypeReference<LinkedHashMap<String, String>> SNAPSHOT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final Units units;
    private final Chains chains;
    private final SigningEvents events;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final SearchIndexMerge searchIndex;
    private final TotalsInbox totalsInbox;

    /**
     * The import's transaction reuses the plans of repeated statements (foreign-key checks; {@link BulkWrites}), and the
     * name search's tables take its new names after commit, from an inbox ({@link SearchIndexMerge}). The share of the
     * running totals of the new and changed projects is summed by {@link #write} and merged after commit
     * ({@link TotalsInbox}).
     */
    void bulkTransaction() {
        BulkWrites.reusePlans(jdbc);
        BulkWrites.sortInMemory(jdbc);
        searchIndex.deferInTransaction(jdbc);
    }

    /** Waits for a project import under way to end, before this one reads the ledger ({@link BulkWrites#oneImportAtATime}). */
    void oneImportAtATime() {
        BulkWrites.oneImportAtATime(jdbc, BulkWrites.Ledger.PROJECTS);
    }

    ProjectStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Units units, Chains chains, SigningEvents events,
                 Enterprises enterprises, AuditTrail audit, SearchIndexMerge searchIndex, TotalsInbox totalsInbox) {
        this.audit = audit;
        this.totalsInbox = totalsInbox;
        this.searchIndex = searchIndex;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.units = units;
        this.chains = chains;
        this.events = events;
        this.enterprises = enterprises;
    }

    /**
     * What the ledger holds under a code: its id, version, parent, the snapshot of its last revision, and, once read
     * ({@link #withCounted}; null before), the values the running totals count (an update takes them out, {@link TotalsInbox.Cells}).
     */
    record Existing(long id, String code, int version, String parentCode, Map<String, String> snapshot, Counted counted) {
    }

    /** A project's columns that V7's running totals count, in the order of {@link #COUNTED}. */
    record Counted(String regionCode, Long unitId, Long chainId, Long eventId, BigDecimal investment,
                   BigDecimal foreignInvestment, BigDecimal utilizedForeignCapital, boolean onStage,
                   LocalDate contactedOn, LocalDate signedOn, LocalDate landedEff,
                   LocalDate terminatedOn) {

        Object[] values() {
            return new Object[]{regionCode, unitId, chainId, eventId, investment, foreignInvestment, utilizedForeignCapital,
                    onStage, contactedOn, signedOn, landedEff, terminatedOn};
        }

        void addTo(TotalsInbox.Cells cells, int sign) {
            cells.add(sign, regionCode, unitId, chainId, eventId, investment, foreignInvestment, utilizedForeignCapital, onStage,
                    contactedOn, signedOn, landedEff, terminatedOn);
        }
    }

    // the counted columns as the update's arrays carry them (the values read): c_ and the column's name, matched with
    // the row's own
    private static final List<ColumnArrays.Column> COUNTED = ColumnArrays.columns("""
            c_region_code text, c_unit_id bigint, c_chain_id bigint, c_event_id bigint, c_investment numeric,
            c_foreign_investment numeric, c_utilized_foreign_capital numeric, c_on_stage boolean, c_contacted_on date,
            c_signed_on date, c_landed_eff date, c_terminated_on date""");

    /** One project to write; {@code existing} null for a new one, {@code expectedVersion} checked on update. */
    record Write(ProjectDraft draft, Existing existing, int expectedVersion, String action) {
    }

    /** What the ledger holds under these codes, without the counted values ({@link #withCounted} adds them). */
    Map<String, Existing> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, Existing> found = new HashMap<>();
        jdbc.sql("""
                select p.id, p.code, p.version, pp.code as parent_code, r.snapshot::text
                from project p
                left join project pp on pp.id = p.parent_id
                left join project_revision r on r.project_id = p.id and r.version = p.version
                where p.code = any(?)""")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5) == null ? Map.of() : json.readValue(rs.getString(5), SNAPSHOT), null))
                .list()
                .forEach(e -> found.put(e.code(), e));
        return found;
    }

    /**
     * The projects with the values the running totals count as the ledger holds them now: read only for the projects
     * an import changes (an unchanged re-import of 100,000 rows reads none), by {@link #write} unless its caller did.
     */
    Map<Long, Existing> withCounted(Collection<Existing> projects) {
        Map<Long, Existing> byId = new HashMap<>();
        projects.forEach(e -> byId.put(e.id(), e));
        if (byId.isEmpty()) {
            return byId;
        }
        jdbc.sql("""
                select id, region_code, unit_id, chain_id, event_id, investment, foreign_investment, utilized_foreign_capital,
                       on_stage, contacted_on, signed_on, landed_eff, terminated_on
                from project where id = any(?)""")
                .param(byId.keySet().toArray(Long[]::new))
                .query((rs, n) -> {
                    Existing e = byId.get(rs.getLong(1));
                    return new Existing(e.id(), e.code(), e.version(), e.parentCode(), e.snapshot(),
                            new Counted(rs.getString(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class),
                                    rs.getObject(5, Long.class), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                                    rs.getBoolean(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                                    rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class)));
                })
                .list()
                .forEach(e -> byId.put(e.id(), e));
        return byId;
    }

    /** Codes of projects known by region and name, for rows that come without a 项目编号. */
    Map<String, String> codesByRegionAndName(Collection<ProjectDraft> drafts) {
        if (drafts.isEmpty()) {
            return Map.of();
        }
        String[] regions = drafts.stream().map(ProjectDraft::regionCode).toArray(String[]::new);
        String[] names = drafts.stream().map(ProjectDraft::name).toArray(String[]::new);
        Map<String, String> codes = new HashMap<>();
        // the regions as char(6), the column's type, so that a few rows are looked up along project_list_name: 100 rows
        // without a code in 1.2 ms at 1,000,000 projects, against 273 ms compared as text (every project read and hashed);
        // the projects of an import not merged yet into the list table (V29) are in its inbox, joined on their own
        jdbc.sql("""
                select x.region_code, x.name, min(x.code) from (
                    select p.region_code, p.name, p.code from project_list p
                    join unnest(?::char(6)[], ?::text[]) as k(region_code, name) on p.region_code = k.region_code and p.name = k.name
                    union all
                    select i.region_code, i.name, i.code from project_list_inbox i
                    join unnest(?::char(6)[], ?::text[]) as k(region_code, name) on i.region_code = k.region_code and i.name = k.name
                ) x
                group by x.region_code, x.name""")
                .params(regions, names, regions, names)
                .query((rs, n) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), rs.getString(3)))
                .list()
                .forEach(e -> codes.put(e.getKey(), e.getValue()));
        return codes;
    }

    /** Parent codes of the given projects as the ledger has them, walking up until the roots. */
    Map<String, String> parentsInLedger(Collection<String> codes) {
        Map<String, String> parents = new HashMap<>();
        Set<String> frontier = new HashSet<>(codes);
        while (!frontier.isEmpty()) {
            Set<String> next = new HashSet<>();
            jdbc.sql("""
                    select p.code, pp.code from project p join project pp on pp.id = p.parent_id where p.code = any(?)""")
                    .param(frontier.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(e -> {
                        parents.put(e.getKey(), e.getValue());
                        if (!parents.containsKey(e.getValue())) {
                            next.add(e.getValue());
                        }
                    });
            next.removeAll(parents.keySet());
            frontier = next;
        }
        return parents;
    }

    Set<String> existingCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select code from project where code = any(?)")
                .param(codes.toArray(String[]::new)).query(String.class).list());
    }

    /** New codes of the form 350112-2017-0001, skipping any a person already used. */
    List<String> assignCodes(String regionCode, int year, int count, Set<String> taken) {
        return assignCodes(Map.of(new CodeSeries(regionCode, year), count), taken).get(new CodeSeries(regionCode, year));
    }

    /** The series of assigned codes of a region and year: 350112-2017-nnnn. */
    record CodeSeries(String regionCode, int year) {
        String code(int n) {
            // as String.format("%s-%d-%04d") writes it, without parsing the format for each of an import's new codes
            String digits = Integer.toString(n);
            return regionCode + "-" + year + "-" + "0000".substring(Math.min(4, digits.length())) + digits;
        }
    }

    /**
     * For each series, that many new codes, skipping any a person already used (in the ledger or in {@code taken}).
     * One statement advances every counter and one looks for used codes, however many series an import spans (a
     * province's workbook: 84 counties times ten years); a series that met used codes asks again for the shortfall.
     */
    Map<CodeSeries, List<String>> assignCodes(Map<CodeSeries, Integer> counts, Set<String> taken) {
        Map<CodeSeries, List<String>> codes = new HashMap<>();
        Map<CodeSeries, Integer> need = new HashMap<>();
        counts.forEach((series, n) -> {
            codes.put(series, new ArrayList<>(n));
            if (n > 0) {
                need.put(series, n);
            }
        });
        while (!need.isEmpty()) {
            // one order for every writer, so two imports advancing the same counters never wait on each other in a cycle
            List<CodeSeries> series = need.keySet().stream()
                    .sorted(java.util.Comparator.comparing(CodeSeries::regionCode).thenComparingInt(CodeSeries::year)).toList();
            Map<CodeSeries, Integer> last = new HashMap<>();
            jdbc.sql("""
                    insert into project_code_counter as c (region_code, year, last_value)
                    select * from unnest(?::char(6)[], ?::int[], ?::int[])
                    on conflict (region_code, year) do update set last_value = c.last_value + excluded.last_value
                    returning region_code, year, last_value""")
                    .params(series.stream().map(CodeSeries::regionCode).toArray(String[]::new),
                            series.stream().map(CodeSeries::year).toArray(Integer[]::new),
                            series.stream().map(need::get).toArray(Integer[]::new))
                    .query((rs, n) -> last.put(new CodeSeries(rs.getString(1), rs.getInt(2)), rs.getInt(3)))
                    .list();
            Map<CodeSeries, List<String>> candidates = new HashMap<>();
            for (CodeSeries c : series) {
                int to = last.get(c);
                List<String> list = new ArrayList<>(need.get(c));
                for (int v = to - need.get(c) + 1; v <= to; v++) {
                    list.add(c.code(v));
                }
                candidates.put(c, list);
            }
            Set<String> used = existingCodes(candidates.values().stream().flatMap(List::stream).toList());
            candidates.forEach((c, list) -> {
                List<String> assigned = codes.get(c);
                for (String code : list) {
                    if (!used.contains(code) && !taken.contains(code)) {
                        assigned.add(code);
                    }
                }
                int shortfall = counts.get(c) - assigned.size();
                if (shortfall > 0) {
                    need.put(c, shortfall);
                } else {
                    need.remove(c);
                }
            });
        }
        return codes;
    }

    /** Writes every change; returns the ids by code. The caller's transaction makes it all or nothing. */
    Map<String, Long> write(List<Write> given, String actor, Instant at) {
        List<Write> writes = withCountedValues(given);
        Map<String, Long> unitIds = new HashMap<>();
        writes.stream().map(Write::draft).filter(d -> d.unit() != null)
                .collect(Collectors.groupingBy(ProjectDraft::regionCode, Collectors.mapping(ProjectDraft::unit, Collectors.toSet())))
                .forEach((region, names) -> units.ensure(region, names).forEach((n, id) -> unitIds.put(region + "|" + n, id)));
        Map<String, Long> chainIds = chains.ensure(distinct(writes, ProjectDraft::chain));
        Map<String, Long> eventIds = events.ensure(distinct(writes, ProjectDraft::event));
        List<EnterpriseRef> refs = new ArrayList<>();
        for (Write w : writes) {
            refs.add(new EnterpriseRef(w.draft().creditCode(), w.draft().investor()));
            refs.add(new EnterpriseRef(null, w.draft().referrer()));
        }
        Enterprises.Resolution enterpriseWrites = enterprises.plan(refs);
        Map<EnterpriseRef, Long> enterpriseIds = enterpriseWrites.ids();

        Map<String, Long> ids = new HashMap<>();
        List<Write> inserts = writes.stream().filter(w -> w.existing() == null).toList();
        List<Long> newIds = inserts.isEmpty() ? List.of() : jdbc.sql("select nextval('project_id_seq') from generate_series(1, ?)")
                .param(inserts.size()).query(Long.class).list();
        for (int i = 0; i < inserts.size(); i++) {
            ids.put(inserts.get(i).draft().code(), newIds.get(i));
        }
        writes.stream().filter(w -> w.existing() != null).forEach(w -> ids.put(w.draft().code(), w.existing().id()));
        Set<String> parentCodes = writes.stream().map(w -> w.draft().parentCode()).filter(Objects::nonNull)
                .filter(c -> !ids.containsKey(c)).collect(Collectors.toSet());
        Map<String, Long> parentIds = new HashMap<>(ids);
        findByCodes(parentCodes).forEach((code, e) -> parentIds.put(code, e.id()));

        Timestamp now = Timestamp.from(at);
        // the running totals' cells of the new and changed projects, summed here while PostgreSQL copies, written after the
        // last chunk
        totalsInbox.writeInTransaction(jdbc);
        TotalsInbox.Cells cells = new TotalsInbox.Cells();
        // chunks keep a large import's memory bounded; while PostgreSQL takes one chunk's COPY on the transaction's
        // connection, this thread prepares the next; the audit trail's chain is opened once, and each chunk's entries
        // are hashed while the previous chunk is copied
        AuditTrail.Batch trail = audit.batch(actor, writes.size());
        try (TransactionWorker copier = new TransactionWorker(template, "COPY project")) {
            // the new enterprises are written first, while this thread prepares the first chunk that names them
            copier.submit(enterpriseWrites::write);
            Resolved resolved = new Resolved(ids, unitIds, chainIds, eventIds, enterpriseIds, parentIds, actor, now);
            Chunk previous = null;
            for (int from = 0; from < writes.size(); from += CHUNK) {
                Chunk chunk = prepare(writes.subList(from, Math.min(writes.size(), from + CHUNK)), resolved, trail, cells);
                copier.settle();
                if (previous != null) {
                    finish(previous);
                }
                copier.submit(chunk::copy);
                previous = chunk;
            }
            // the cells' text made while PostgreSQL copies the last chunk, then copied after it
            TotalsInbox.Cells.Rows inbox = cells.rows();
            copier.submit(inbox::copy);
            copier.settle();
            if (previous != null) {
                finish(previous);
            }
        }
        return ids;
    }

    private static final int CHUNK = 5_000;

    // the updates' old counted values, read now where the caller did not read them (the UPDATE checks them)
    private List<Write> withCountedValues(List<Write> writes) {
        List<Existing> missing = writes.stream().map(Write::existing).filter(e -> e != null && e.counted() == null).toList();
        if (missing.isEmpty()) {
            return writes;
        }
        Map<Long, Existing> read = withCounted(missing);
        return writes.stream().map(w -> w.existing() == null || w.existing().counted() != null ? w
                : new Write(w.draft(), read.get(w.existing().id()), w.expectedVersion(), w.action())).toList();
    }

    // the columns an import writes after id and code, with the type the update's arrays are cast to
    private static final List<ColumnArrays.Column> WRITTEN = ColumnArrays.columns("""
            name text, region_code text, unit_id bigint, investor_id bigint, chain_id bigint, investment numeric,
            foreign_investment numeric, utilized_foreign_capital numeric, key_project boolean, contacted_on date,
            signed_on date, landed_on date, started_on date, completed_on date, terminated_on date, event_id bigint,
            on_stage boolean, source text, referrer_id bigint, parent_id bigint, updated_at timestamptz""");

    private static final String COLUMNS = ColumnArrays.names(WRITTEN);


    /** One chunk's writes: new projects, revisions and audit entries for COPY, updates for plain statements. */
    private record Chunk(CopyRows inserts, List<Object[]> updateArgs, CopyRows revisions, CopyRows auditRows) {

        // COPY moves new projects and revisions many times faster than row-by-row inserts: same rows, same transaction
        void copy(java.sql.Connection connection) throws java.sql.SQLException {
            if (!inserts.isEmpty()) {
                inserts.copyIn(connection, "copy project (id, code, " + COLUMNS + ") from stdin");
            }
            revisions.copyIn(connection,
                    "copy project_revision (project_id, region_code, version, recorded_at, recorded_by, action, snapshot) from stdin");
            auditRows.copyIn(connection, AuditTrail.COPY);
        }
    }

    /** What a chunk's rows are written with: the ids their names and codes resolved to, who writes and when. */
    private record Resolved(Map<String, Long> ids, Map<String, Long> unitIds, Map<String, Long> chainIds,
                            Map<String, Long> eventIds, Map<EnterpriseRef, Long> enterpriseIds, Map<String, Long> parentIds,
                            String actor, Timestamp now) {
    }

    /** A chunk's rows as they are prepared, one write at a time ({@link #add}). */
    private static final class ChunkRows {
        final CopyRows inserts = new CopyRows();
        final List<Object[]> updateArgs = new ArrayList<>();
        final CopyRows revisions = new CopyRows();
        final List<AuditEntry> auditEntries = new ArrayList<>();
    }

    private Chunk prepare(List<Write> writes, Resolved r, AuditTrail.Batch trail, TotalsInbox.Cells cells) {
        ChunkRows rows = new ChunkRows();
        for (Write w : writes) {
            add(w, r, rows, cells);
        }
        return new Chunk(rows.inserts, rows.updateArgs, rows.revisions, trail.rows(rows.auditEntries));
    }

    // one write's rows; a method of its own, which the JIT compiles once for every chunk (inlined in prepare's loop, the
    // whole was compiled four times, 1.9 s of C2 in a 100,000-row import: docs/benchmarks.md, "Session 13")
    private void add(Write w, Resolved r, ChunkRows rows, TotalsInbox.Cells cells) {
        ProjectDraft d = w.draft();
        // dates as LocalDate: COPY and the update's arrays (ColumnArrays) take their ISO text
        Long unitId = d.unit() == null ? null : r.unitIds().get(d.regionCode() + "|" + d.unit());
        Long chainId = d.chain() == null ? null : r.chainIds().get(d.chain());
        Long eventId = d.event() == null ? null : r.eventIds().get(d.event());
        ProjectDates dates = d.dates();
        Object[] values = {d.name(), d.regionCode(), unitId, r.enterpriseIds().get(new EnterpriseRef(d.creditCode(), d.investor())),
                chainId, d.investment(), d.foreignInvestment(), d.utilizedForeignCapital(), d.keyProject(), dates.contactedOn(),
                dates.signedOn(), dates.landedOn(), dates.startedOn(), dates.completedOn(), dates.terminatedOn(), eventId,
                d.onStage(), d.source(),
                r.enterpriseIds().get(new EnterpriseRef(null, d.referrer())),
                d.parentCode() == null ? null : r.parentIds().get(d.parentCode()), r.now()};
        Counted counted = new Counted(d.regionCode(), unitId, chainId, eventId, d.investment(), d.foreignInvestment(),
                d.utilizedForeignCapital(), d.onStage(), dates.contactedOn(), dates.signedOn(),
                dates.landedEffective(), dates.terminatedOn());
        long id = r.ids().get(d.code());
        int version;
        String changesJson;
        Map<String, String> snapshot = d.snapshot();
        if (w.existing() == null) {
            version = 0;
            rows.inserts.row(concat(new Object[]{id, d.code()}, values));
            counted.addTo(cells, 1);
            changesJson = changesJson(Map.of(), snapshot);
        } else {
            version = w.expectedVersion() + 1;
            // the old values out of the totals, the new ones in; the update applies only if the row still holds the old
            Counted old = w.existing().counted();
            old.addTo(cells, -1);
            counted.addTo(cells, 1);
            rows.updateArgs.add(concat(concat(concat(new Object[]{d.code()}, values), new Object[]{id, w.expectedVersion()}),
                    old.values()));
            changesJson = changesJson(w.existing().snapshot(), snapshot);
        }
        // the project's region, the distribution key it is co-located by (V9)
        rows.revisions.row(id, d.regionCode(), version, r.now(), r.actor(), w.action(), snapshotJson(snapshot));
        // the same content as serializing {"version": …, "changes": …}, without writing the changes twice
        rows.auditEntries.add(AuditEntry.success("PROJECT_" + w.action(), "project", d.code(),
                "{\"version\":" + version + ",\"changes\":" + changesJson + "}"));
    }

    // written by hand, the same JSON Jackson writes for these flat string maps, at a fraction of the cost per row
    static String snapshotJson(Map<String, String> snapshot) {
        StringBuilder b = new StringBuilder(1024).append('{');
        for (Map.Entry<String, String> e : snapshot.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            jsonString(b, e.getKey()).append(':');
            jsonString(b, e.getValue());
        }
        return b.append('}').toString();
    }

    /**
     * The fields whose text differs between two snapshots ("" where one has none), as the JSON list of
     * {@code {"field", "old", "new"}} the audit trail keeps, written straight from the two maps.
     */
    static String changesJson(Map<String, String> before, Map<String, String> after) {
        StringBuilder b = new StringBuilder(1024).append('[');
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.getOrDefault(e.getKey(), "");
            if (old.equals(e.getValue())) {
                continue;
            }
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"field\":");
            jsonString(b, e.getKey()).append(",\"old\":");
            jsonString(b, old).append(",\"new\":");
            jsonString(b, e.getValue()).append('}');
        }
        return b.append(']').toString();
    }

    private static StringBuilder jsonString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f') {
                b.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : c == '\b' ? "\\b" : "\\f");
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    /**
     * A chunk's changed projects in one statement: one UPDATE joins their new values, passed as one array per column, so
     * that the statement-level triggers (the list's counts, the references' check, the reports' version) run once per
     * chunk instead of once per project: the 2,837 single-row updates of a 100,000-row import into 1,000,000 projects
     * took about 3 s, and 17 s with V20's check per statement; now about 1.5 s. A project whose version moved since it
     * was read is not updated, and then nothing is.
     */
    private void finish(Chunk chunk) {
        List<Object[]> rows = chunk.updateArgs();
        if (rows.isEmpty()) {
            return;
        }
        int updated = jdbc.sql(UPDATE).params(ColumnArrays.of(rows)).update();
        if (updated != rows.size()) {
            throw DomainException.conflict("项目已被他人修改，请刷新后重试；本次未保存任何内容");
        }
    }

    // the values of Write's update rows: code, COLUMNS (updated_at the same for all), then the id and the version read,
    // then the counted values read: the import sums the change into the running totals itself (TotalsInbox), so a row
    // whose counted values moved since they were read (a region renamed, a unit deleted: no new version) is not
    // updated, and then nothing is
    private static final String UPDATE = ColumnArrays.update("project",
            Stream.concat(ColumnArrays.columns("code text").stream(), WRITTEN.stream()).toList(),
            Stream.concat(ColumnArrays.columns("id bigint, expected int").stream(), COUNTED.stream()).toList(),
            "t.id = u.id and t.version = u.expected and ("
                    + COUNTED.stream().map(c -> "t." + c.name().substring(2)).collect(Collectors.joining(", "))
                    + ") is not distinct from ("
                    + COUNTED.stream().map(c -> "u." + c.name()).collect(Collectors.joining(", ")) + ")");

    private static Set<String> distinct(List<Write> writes, java.util.function.Function<ProjectDraft, String> f) {
        return writes.stream().map(Write::draft).map(f).filter(Objects::nonNull).collect(Collectors.toSet());
    }


    private static Object[] concat(Object[] a, Object[] b) {
        Object[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
