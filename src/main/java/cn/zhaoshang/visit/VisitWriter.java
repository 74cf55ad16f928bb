package cn.zhaoshang.visit;

import cn.zhaoshang.common.Phases;
import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.ColumnArrays;
import cn.zhaoshang.common.CopyRows;
import cn.zhaoshang.common.ImportRejectedException;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.platform.TransactionWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
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

    record Key(long team, long enterprise, LocalDate date, Kind kind) {
    }

    record Existing(long id, int version, Map<String, String> snapshot) {
    }

    private final JdbcClient jdbc;
    final JdbcTemplate template;
    final TeamRefs teams;
    final BatchRefs batches;
    final Enterprises enterprises;
    final AuditTrail audit;
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

    /** Writes the rows in one go (a form's visit, a small file): duplicates among them reject them all. */
    Outcome write(List<Row> rows, Actor actor, Instant at, String action) {
        try (WriteSession session = new WriteSession(this, actor, Timestamp.from(at), action, new Phases(), false)) {
            List<CellError> duplicates = new ArrayList<>();
            session.stage(rows, duplicates);
            if (!duplicates.isEmpty()) {
                throw new ImportRejectedException(duplicates); // the enterprises just created roll back with it
            }
            return session.finish();
        }
    }

    /** A write in chunks: a large file's rows as they are read, the follow-ups, batches and audit trail at the end. */
    WriteSession session(Actor actor, Instant at, String action, Phases phases) {
        return new WriteSession(this, actor, Timestamp.from(at), action, phases, true);
    }

    List<Long> nextIds(long count) {
        return count == 0 ? List.of() : jdbc.sql("select nextval('visit_id_seq') from generate_series(1, ?)").param(count)
                .query(Long.class).list();
    }

    /** Runs the task (a COPY: an import brings tens of thousands of rows at once) on the transaction's connection, now. */
    void run(TransactionWorker.Task task, String what) {
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            task.run(connection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            RuntimeException translated = template.getExceptionTranslator().translate(what, null, e);
            throw translated != null ? translated : new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** {"team":…,"enterprise":…,"date":…,"kind":…,"changes":[{"field":…,"old":…,"new":…}]}, written by hand: one per row. */
    static String detailJson(StringBuilder b, VisitDraft d, List<String[]> changes) {
        b.append("{\"team\":");
        Json.string(b, d.team()).append(",\"enterprise\":");
        Json.string(b, d.enterprise()).append(",\"date\":");
        Json.string(b, d.visitedOn().toString()).append(",\"kind\":");
        Json.string(b, d.kind().label()).append(",\"changes\":[");
        for (int i = 0; i < changes.size(); i++) {
            String[] c = changes.get(i);
            b.append(i == 0 ? "{\"field\":" : ",{\"field\":");
            Json.string(b, c[0]).append(",\"old\":");
            Json.string(b, c[1]).append(",\"new\":");
            Json.string(b, c[2]).append('}');
        }
        return b.append("]}").toString();
    }

    /**
     * The changed visits in one statement, their new values passed as one array per column: the statement-level triggers
     * (the references' check, the visits report's version) then run once, not once per visit (a re-import of 50,000
     * corrected visits spent 11 s in single-row updates).
     */
    void update(List<Object[]> updates) {
        jdbc.sql(UPDATE).params(ColumnArrays.of(updates)).update();
    }

    // the rows of WriteSession's updates: its WRITTEN columns, then the visit's id
    private static final String UPDATE = ColumnArrays.update("visit", WriteSession.WRITTEN, ColumnArrays.columns("id bigint"),
            "t.id = u.id");

    /** A new visit to an enterprise closes the open follow-ups of the same team's earlier visits to it: that was the next visit. */
    List<AuditEntry> closeFollowUps(List<Long> newIds, Timestamp now) {
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

    Map<Key, Existing> existing(List<Key> keys) {
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

    /** The fields that differ, as {field, old, new}. */
    static List<String[]> diff(Map<String, String> before, Map<String, String> after) {
        List<String[]> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.getOrDefault(field, "");
            if (!Objects.equals(old, value)) {
                changes.add(new String[]{field, old, value});
            }
        });
        return changes;
    }

    static Date sql(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
