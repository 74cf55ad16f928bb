package cn.zhaoshang.project;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.event.SigningEvents;
import cn.zhaoshang.unit.Units;
import java.sql.Date;
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

    ProjectStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Units units, Chains chains, SigningEvents events,
                 Enterprises enterprises, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.units = units;
        this.chains = chains;
        this.events = events;
        this.enterprises = enterprises;
    }

    /** What the ledger holds under a code: its id, version, parent and the snapshot of its last revision. */
    record Existing(long id, String code, int version, String parentCode, Map<String, String> snapshot) {
    }

    /** One project to write; {@code existing} null for a new one, {@code expectedVersion} checked on update. */
    record Write(ProjectDraft draft, Existing existing, int expectedVersion, String action) {
    }

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
                        rs.getString(5) == null ? Map.of() : json.readValue(rs.getString(5), SNAPSHOT)))
                .list()
                .forEach(e -> found.put(e.code(), e));
        return found;
    }

    /** Codes of projects known by region and name, for rows that come without a 项目编号. */
    Map<String, String> codesByRegionAndName(Collection<ProjectDraft> drafts) {
        if (drafts.isEmpty()) {
            return Map.of();
        }
        String[] regions = drafts.stream().map(ProjectDraft::regionCode).toArray(String[]::new);
        String[] names = drafts.stream().map(ProjectDraft::name).toArray(String[]::new);
        Map<String, String> codes = new HashMap<>();
        jdbc.sql("""
                select p.region_code, p.name, min(p.code) from project p
                join unnest(?::text[], ?::text[]) as k(region_code, name) on p.region_code = k.region_code and p.name = k.name
                group by p.region_code, p.name""")
                .params(regions, names)
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
        List<String> codes = new ArrayList<>();
        while (codes.size() < count) {
            int need = count - codes.size();
            int last = jdbc.sql("""
                    insert into project_code_counter (region_code, year, last_value) values (?, ?, ?)
                    on conflict (region_code, year) do update set last_value = project_code_counter.last_value + excluded.last_value
                    returning last_value""").params(regionCode, year, need).query(Integer.class).single();
            List<String> candidates = new ArrayList<>();
            for (int v = last - need + 1; v <= last; v++) {
                candidates.add(String.format("%s-%d-%04d", regionCode, year, v));
            }
            Set<String> used = existingCodes(candidates);
            for (String c : candidates) {
                if (!used.contains(c) && !taken.contains(c)) {
                    codes.add(c);
                }
            }
        }
        return codes;
    }

    /** Writes every change; returns the ids by code. The caller's transaction makes it all or nothing. */
    Map<String, Long> write(List<Write> writes, String actor, Instant at) {
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
        Map<EnterpriseRef, Long> enterpriseIds = enterprises.resolve(refs);

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

        List<Object[]> insertArgs = new ArrayList<>();
        List<Object[]> updateArgs = new ArrayList<>();
        List<Object[]> revisionArgs = new ArrayList<>();
        List<AuditEntry> auditEntries = new ArrayList<>();
        Timestamp now = Timestamp.from(at);
        for (Write w : writes) {
            ProjectDraft d = w.draft();
            Object[] values = {d.name(), d.regionCode(), d.unit() == null ? null : unitIds.get(d.regionCode() + "|" + d.unit()),
                    enterpriseIds.get(new EnterpriseRef(d.creditCode(), d.investor())),
                    d.chain() == null ? null : chainIds.get(d.chain()), d.investment(), d.foreignInvestment(),
                    d.utilizedForeignCapital(), d.keyProject(), sql(d.dates().contactedOn()), sql(d.dates().signedOn()),
                    sql(d.dates().landedOn()), sql(d.dates().startedOn()), sql(d.dates().completedOn()),
                    sql(d.dates().terminatedOn()), d.event() == null ? null : eventIds.get(d.event()), d.onStage(), d.source(),
                    enterpriseIds.get(new EnterpriseRef(null, d.referrer())),
                    d.parentCode() == null ? null : parentIds.get(d.parentCode()), now};
            long id = ids.get(d.code());
            int version;
            List<Map<String, String>> changes;
            if (w.existing() == null) {
                version = 0;
                insertArgs.add(concat(new Object[]{id, d.code()}, values));
                changes = diff(Map.of(), d.snapshot());
            } else {
                version = w.expectedVersion() + 1;
                updateArgs.add(concat(concat(new Object[]{d.code()}, values), new Object[]{id, w.expectedVersion()}));
                changes = diff(w.existing().snapshot(), d.snapshot());
            }
            revisionArgs.add(new Object[]{id, version, now, actor, w.action(), json.writeValueAsString(d.snapshot()),
                    json.writeValueAsString(changes)});
            auditEntries.add(AuditEntry.success("PROJECT_" + w.action(), "project", d.code(),
                    json.writeValueAsString(Map.of("version", version, "changes", changes))));
        }
        String columns = """
                name, region_code, unit_id, investor_id, chain_id, investment, foreign_investment, utilized_foreign_capital,
                key_project, contacted_on, signed_on, landed_on, started_on, completed_on, terminated_on, event_id, on_stage,
                source, referrer_id, parent_id, updated_at""";
        if (!insertArgs.isEmpty()) {
            template.batchUpdate("insert into project (id, code, " + columns + ") values (?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", insertArgs);
        }
        if (!updateArgs.isEmpty()) {
            String set = java.util.Arrays.stream(("code, " + columns).split(",")).map(String::trim).map(c -> c + " = ?")
                    .collect(Collectors.joining(", "));
            int[][] counts = template.batchUpdate("update project set " + set + ", version = version + 1 where id = ? and version = ?",
                    updateArgs, 1000, (ps, args) -> {
                        for (int i = 0; i < args.length; i++) {
                            ps.setObject(i + 1, args[i]);
                        }
                    });
            for (int[] batch : counts) {
                for (int c : batch) {
                    if (c == 0) {
                        throw DomainException.conflict("项目已被他人修改，请刷新后重试；本次未保存任何内容");
                    }
                }
            }
        }
        template.batchUpdate("""
                insert into project_revision (project_id, version, recorded_at, recorded_by, action, snapshot, changes)
                values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", revisionArgs);
        audit.recordAllAs(actor, auditEntries);
        return ids;
    }

    static List<Map<String, String>> diff(Map<String, String> before, Map<String, String> after) {
        List<Map<String, String>> changes = new ArrayList<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.getOrDefault(e.getKey(), "");
            if (!old.equals(e.getValue())) {
                changes.add(Map.of("field", e.getKey(), "old", old, "new", e.getValue()));
            }
        }
        return changes;
    }

    private static Set<String> distinct(List<Write> writes, java.util.function.Function<ProjectDraft, String> f) {
        return writes.stream().map(Write::draft).map(f).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
