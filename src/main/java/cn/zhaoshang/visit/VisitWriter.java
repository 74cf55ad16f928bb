package cn.zhaoshang.visit;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.enterprise.Enterprises;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes valid visit rows in the caller's transaction: resolves teams, batches and enterprises (creating what is new),
 * inserts new visits, updates changed ones, leaves equal ones alone, and puts every change on the audit trail.
 */
@Component
class VisitWriter {

    /** A valid row with its spreadsheet row number and, when it names one, the id of its project. */
    record Row(int number, VisitDraft draft, Long projectId) {
    }

    /** What was written; {@code ids} holds each row's visit id in row order. */
    record Outcome(int created, int updated, int unchanged, List<Long> ids) {
    }

    private record Key(long team, long enterprise, LocalDate date, Kind kind) {
    }

    private record Existing(long id, int version, Map<String, String> snapshot) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TeamRefs teams;
    private final BatchRefs batches;
    private final Enterprises enterprises;
    private final AuditTrail audit;
    private final JsonMapper json;

    VisitWriter(JdbcClient jdbc, JdbcTemplate template, TeamRefs teams, BatchRefs batches, Enterprises enterprises,
                AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.teams = teams;
        this.batches = batches;
        this.enterprises = enterprises;
        this.audit = audit;
        this.json = json;
    }

    Outcome write(List<Row> rows, Actor actor, Instant at, String action) {
        Map<String, TeamRefs.Ref> teamIds = teams.ensure(rows.stream().map(r -> r.draft().teamKey()).distinct().toList(), actor.unitId());
        Map<String, Long> batchIds = batches.ensure(rows.stream().filter(r -> r.draft().batch() != null)
                .map(r -> r.draft().regionCode() + "|" + r.draft().batch()).toList());
        Map<EnterpriseRef, Long> enterpriseIds = enterprises.resolve(rows.stream().map(r -> ref(r.draft())).toList());
        List<Key> keys = new ArrayList<>();
        Map<Key, Integer> firstRow = new HashMap<>();
        List<CellError> duplicates = new ArrayList<>();
        for (Row r : rows) {
            Key k = new Key(teamIds.get(r.draft().teamKey()).id(), enterpriseIds.get(ref(r.draft())), r.draft().visitedOn(), r.draft().kind());
            Integer first = firstRow.putIfAbsent(k, r.number());
            if (first != null) {
                duplicates.add(new CellError(r.number(), VisitColumn.ENTERPRISE.header(), r.draft().enterprise(),
                        "与第" + first + "行重复：同一小分队同一天对同一企业的" + r.draft().kind().label() + "只记一次"));
            }
            keys.add(k);
        }
        if (!duplicates.isEmpty()) {
            throw new ImportRejectedException(duplicates); // the enterprises just created roll back with it
        }
        Map<Key, Existing> existing = existing(keys);
        List<Long> newIds = jdbc.sql("select nextval('visit_id_seq') from generate_series(1, ?)")
                .param((int) keys.stream().filter(k -> !existing.containsKey(k)).count()).query(Long.class).list();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Timestamp now = Timestamp.from(at);
        int unchanged = 0;
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            VisitDraft d = rows.get(i).draft();
            Key k = keys.get(i);
            Existing e = existing.get(k);
            Long batch = d.batch() == null ? null : batchIds.get(d.regionCode() + "|" + d.batch());
            Object[] values = {batch, d.city(), d.leader(), d.members(), d.discussion(), d.nextStep(), sql(d.followUpOn()),
                    rows.get(i).projectId(), now};
            List<Map<String, String>> changes;
            long id;
            if (e == null) {
                id = newIds.get(next++);
                inserts.add(concat(new Object[]{id, sql(d.visitedOn()), k.team(), d.regionCode(), k.enterprise(), k.kind().name(),
                        now, actor.username()}, values));
                changes = diff(Map.of(), d.snapshot());
            } else if (e.snapshot().equals(d.snapshot())) {
                ids.add(e.id());
                unchanged++;
                continue;
            } else {
                id = e.id();
                updates.add(concat(values, new Object[]{id}));
                changes = diff(e.snapshot(), d.snapshot());
            }
            ids.add(id);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("team", d.team());
            detail.put("enterprise", d.enterprise());
            detail.put("date", d.visitedOn().toString());
            detail.put("kind", d.kind().label());
            detail.put("changes", changes);
            entries.add(AuditEntry.success(action + (e == null ? "_CREATE" : "_UPDATE"), "visit", String.valueOf(id),
                    json.writeValueAsString(detail)));
        }
        String columns = "batch_id, city, leader, members, discussion, next_step, follow_up_on, project_id, updated_at";
        if (!inserts.isEmpty()) {
            template.batchUpdate("insert into visit (id, visited_on, team_id, region_code, enterprise_id, kind, created_at, created_by, "
                    + columns + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("update visit set batch_id = ?, city = ?, leader = ?, members = ?, discussion = ?, next_step = ?,"
                    + " follow_up_on = ?, project_id = ?, updated_at = ?, version = version + 1 where id = ?", updates);
        }
        entries.addAll(closeFollowUps(newIds, now));
        batches.widen(batchIds.values());
        audit.recordAllAs(actor.username(), entries);
        return new Outcome(inserts.size(), updates.size(), unchanged, ids);
    }

    /** A new visit to an enterprise closes the open follow-ups of the same team's earlier visits to it: that was the next visit. */
    private List<AuditEntry> closeFollowUps(List<Long> newIds, Timestamp now) {
        if (newIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update visit o set follow_up_done_on = n.visited_on, follow_up_visit_id = n.id, updated_at = ?, version = o.version + 1
                from visit n
                where n.id = any(?) and o.team_id = n.team_id and o.enterprise_id = n.enterprise_id and o.visited_on < n.visited_on
                  and o.follow_up_on is not null and o.follow_up_done_on is null
                  and n.visited_on = (select min(x.visited_on) from visit x
                                      where x.team_id = o.team_id and x.enterprise_id = o.enterprise_id and x.visited_on > o.visited_on)
                returning o.id, n.id, n.visited_on""")
                .params(now, newIds.stream().mapToLong(Long::longValue).toArray())
                .query((rs, n) -> AuditEntry.success("VISIT_FOLLOW_UP_DONE", "visit", String.valueOf(rs.getLong(1)),
                        json.writeValueAsString(Map.of("doneOn", rs.getDate(3).toString(), "nextVisit", rs.getLong(2)))))
                .list();
    }

    private Map<Key, Existing> existing(List<Key> keys) {
        Map<Key, Existing> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select v.id, v.version, v.team_id, v.enterprise_id, v.visited_on, v.kind, b.name, v.city, v.leader, v.members,
                       v.discussion, v.next_step, v.follow_up_on, p.code
                from visit v
                join unnest(?::bigint[], ?::bigint[], ?::date[], ?::text[]) as k(team_id, enterprise_id, visited_on, kind)
                  on v.team_id = k.team_id and v.enterprise_id = k.enterprise_id and v.visited_on = k.visited_on and v.kind = k.kind
                left join trip_batch b on b.id = v.batch_id
                left join project p on p.id = v.project_id""")
                .params(keys.stream().mapToLong(Key::team).toArray(), keys.stream().mapToLong(Key::enterprise).toArray(),
                        keys.stream().map(k -> k.date().toString()).toArray(String[]::new),
                        keys.stream().map(k -> k.kind().name()).toArray(String[]::new))
                .query((rs, n) -> {
                    LocalDate followUp = rs.getObject(13, LocalDate.class);
                    VisitDraft stored = new VisitDraft(null, null, null, rs.getString(7), rs.getString(8), null, null, null,
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), followUp, rs.getString(14));
                    Key k = new Key(rs.getLong(3), rs.getLong(4), rs.getObject(5, LocalDate.class), Kind.valueOf(rs.getString(6)));
                    return Map.entry(k, new Existing(rs.getLong(1), rs.getInt(2), stored.snapshot()));
                })
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    static EnterpriseRef ref(VisitDraft d) {
        return new EnterpriseRef(d.creditCode(), d.enterprise());
    }

    static List<Map<String, String>> diff(Map<String, String> before, Map<String, String> after) {
        List<Map<String, String>> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.getOrDefault(field, "");
            if (!Objects.equals(old, value)) {
                changes.add(Map.of("field", field, "old", old, "new", value));
            }
        });
        return changes;
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
