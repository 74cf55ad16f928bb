package cn.zhaoshang.visit;

import cn.zhaoshang.common.Phases;
import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.CopyRows;
import cn.zhaoshang.enterprise.EnterpriseRef;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One import's writing, chunk by chunk in the import's transaction: each chunk resolves its teams, batches and
 * enterprises (creating what is new), inserts its new visits by COPY, updates the changed ones and puts them on the
 * audit trail; {@link #finish} then closes the follow-ups the new visits answer and widens the batches, once for the
 * whole file, as a single write of all rows would. A visit is known by team, enterprise, date and 方式 across chunks.
 */
final class WriteSession {

    private static final String COLUMNS = "batch_id, city, leader, members, discussion, next_step, follow_up_on, project_id, updated_at";

    private final VisitWriter writer;
    private final Actor actor;
    private final Timestamp now;
    private final String action;
    private final Phases phases;
    private final Map<VisitWriter.Key, Integer> firstRow = new HashMap<>();
    private final List<Long> newIds = new ArrayList<>();
    private final Set<Long> batchIds = new LinkedHashSet<>();
    private final List<Long> ids = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

    WriteSession(VisitWriter writer, Actor actor, Timestamp now, String action, Phases phases) {
        this.writer = writer;
        this.actor = actor;
        this.now = now;
        this.action = action;
        this.phases = phases;
    }

    /** Writes the chunk; a visit it repeats (from this chunk or an earlier one) goes to {@code errors}, and nothing is written. */
    void stage(List<VisitWriter.Row> rows, List<CellError> errors) {
        Map<String, TeamRefs.Ref> teamIds = writer.teams.ensure(rows.stream().map(r -> r.draft().teamKey()).distinct().toList(),
                actor.unitId());
        Map<String, Long> batches = writer.batches.ensure(rows.stream().filter(r -> r.draft().batch() != null)
                .map(r -> r.draft().regionCode() + "|" + r.draft().batch()).toList());
        batchIds.addAll(batches.values());
        phases.mark("小分队和批次");
        Map<EnterpriseRef, Long> enterpriseIds = writer.enterprises.resolve(rows.stream().map(r -> VisitWriter.ref(r.draft())).toList());
        phases.mark("企业");
        List<VisitWriter.Key> keys = new ArrayList<>();
        int before = errors.size();
        for (VisitWriter.Row r : rows) {
            VisitDraft d = r.draft();
            VisitWriter.Key k = new VisitWriter.Key(teamIds.get(d.teamKey()).id(), enterpriseIds.get(VisitWriter.ref(d)), d.visitedOn(),
                    d.kind());
            Integer first = firstRow.putIfAbsent(k, r.number());
            if (first != null) {
                errors.add(new CellError(r.number(), VisitColumn.ENTERPRISE.header(), d.enterprise(),
                        "与第" + first + "行重复：同一小分队同一天对同一企业的" + d.kind().label() + "只记一次"));
            }
            keys.add(k);
        }
        if (errors.size() > before) {
            return;
        }
        Map<VisitWriter.Key, VisitWriter.Existing> existing = writer.existing(keys);
        phases.mark("比对");
        List<Long> fresh = writer.nextIds(keys.stream().filter(k -> !existing.containsKey(k)).count());
        CopyRows inserts = new CopyRows();
        List<Object[]> updates = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        StringBuilder detail = new StringBuilder(512);
        int next = 0;
        for (int i = 0; i < rows.size(); i++) {
            VisitDraft d = rows.get(i).draft();
            VisitWriter.Key k = keys.get(i);
            VisitWriter.Existing e = existing.get(k);
            Long batch = d.batch() == null ? null : batches.get(d.regionCode() + "|" + d.batch());
            Object[] values = {batch, d.city(), d.leader(), d.members(), d.discussion(), d.nextStep(), VisitWriter.sql(d.followUpOn()),
                    rows.get(i).projectId(), now};
            Map<String, String> snapshot = d.snapshot();
            List<String[]> changes;
            long id;
            if (e == null) {
                id = fresh.get(next++);
                inserts.row(VisitWriter.concat(new Object[]{id, VisitWriter.sql(d.visitedOn()), k.team(), d.regionCode(), k.enterprise(),
                        k.kind().name(), now, actor.username()}, values));
                changes = VisitWriter.diff(Map.of(), snapshot);
            } else if (e.snapshot().equals(snapshot)) {
                ids.add(e.id());
                unchanged++;
                continue;
            } else {
                id = e.id();
                updates.add(VisitWriter.concat(values, new Object[]{id}));
                changes = VisitWriter.diff(e.snapshot(), snapshot);
            }
            ids.add(id);
            detail.setLength(0);
            entries.add(AuditEntry.success(action + (e == null ? "_CREATE" : "_UPDATE"), "visit", String.valueOf(id),
                    VisitWriter.detailJson(detail, d, changes)));
        }
        phases.mark("准备");
        if (inserts.size() > 0) {
            writer.copy(inserts, "copy visit (id, visited_on, team_id, region_code, enterprise_id, kind, created_at, created_by, "
                    + COLUMNS + ") from stdin");
        }
        if (!updates.isEmpty()) {
            writer.update(updates);
        }
        newIds.addAll(fresh);
        created += inserts.size();
        updated += updates.size();
        phases.mark("写入走访");
        writer.audit.recordAllAs(actor.username(), entries);
        phases.mark("审计");
    }

    /** Closes the follow-ups the new visits answer and widens the batches they went in; answers what was written. */
    VisitWriter.Outcome finish() {
        List<AuditEntry> closed = writer.closeFollowUps(newIds, now);
        phases.mark("关闭跟进");
        writer.batches.widen(batchIds);
        phases.mark("批次范围");
        writer.audit.recordAllAs(actor.username(), closed);
        phases.mark("审计");
        return new VisitWriter.Outcome(created, updated, unchanged, ids);
    }
}
