package cn.zhaoshang.visit;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.ColumnArrays;
import cn.zhaoshang.common.CopyRows;
import cn.zhaoshang.common.Phases;
import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.platform.TransactionWorker;
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
 *
 * <p>PostgreSQL writes a chunk (its visits, then its audit entries, each by COPY) on the transaction's connection from a
 * thread of its own ({@link TransactionWorker}), while this thread hashes the chunk's audit entries and the import reads
 * and parses the next chunk: on two cores the two overlap. Whoever uses the connection first calls {@link #settle}, which
 * waits for that write and throws its failure; {@link #close} waits for it in any case, before the transaction ends.
 */
final class WriteSession implements AutoCloseable {

    // what a visit's import sets, on insert and on update (VisitWriter.update), with the type the update casts to
    static final List<ColumnArrays.Column> WRITTEN = ColumnArrays.columns(
            "batch_id bigint, city text, leader text, members text, discussion text, next_step text, follow_up_on date,"
                    + " project_id bigint, updated_at timestamptz");

    private static final String COLUMNS = ColumnArrays.names(WRITTEN);

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
    private final boolean background;
    private TransactionWorker worker;

    /** {@code background}: PostgreSQL writes each chunk while the caller goes on (an import); else before stage returns. */
    WriteSession(VisitWriter writer, Actor actor, Timestamp now, String action, Phases phases, boolean background) {
        this.background = background;
        this.writer = writer;
        this.actor = actor;
        this.now = now;
        this.action = action;
        this.phases = phases;
    }

    /** Waits for the chunk PostgreSQL is writing, if any, and throws its failure: afterwards the connection is free. */
    void settle() {
        if (worker != null) {
            worker.settle();
            phases.mark("等待写入");
        }
    }

    /** Waits for the write under way even after a failure, so that the transaction never ends while a COPY runs. */
    @Override
    public void close() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    /**
     * Writes the chunk; a visit it repeats (from this chunk or an earlier one) goes to {@code errors}, and nothing is
     * written. Returns while PostgreSQL still writes it: see {@link #settle}.
     */
    void stage(List<VisitWriter.Row> rows, List<CellError> errors) {
        settle();
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
        if (!updates.isEmpty()) {
            writer.update(updates);
        }
        // the chain is opened on the connection before the worker takes it; the entries are hashed while the visits go in
        AuditTrail.Batch trail = entries.isEmpty() ? null : writer.audit.batch(actor.username(), entries.size());
        phases.mark("准备");
        if (inserts.size() > 0) {
            write(c -> inserts.copyIn(c, "copy visit (id, visited_on, team_id, region_code, enterprise_id, kind, created_at,"
                    + " created_by, " + COLUMNS + ") from stdin"));
        }
        newIds.addAll(fresh);
        created += inserts.size();
        updated += updates.size();
        if (trail != null) {
            CopyRows auditRows = trail.rows(entries);
            phases.mark("审计");
            write(c -> auditRows.copyIn(c, AuditTrail.COPY));
            phases.mark("写入走访");
        }
    }

    // in the background, after the write before it; otherwise now, on this thread
    private void write(TransactionWorker.Task task) {
        if (!background) {
            writer.run(task, "COPY visit");
            return;
        }
        if (worker == null) {
            worker = new TransactionWorker(writer.template, "COPY visit");
        }
        worker.submit(task);
    }

    /** Closes the follow-ups the new visits answer and widens the batches they went in; answers what was written. */
    VisitWriter.Outcome finish() {
        settle();
        List<AuditEntry> closed = writer.closeFollowUps(newIds, now);
        phases.mark("关闭跟进");
        writer.batches.widen(batchIds);
        phases.mark("批次范围");
        writer.audit.recordAllAs(actor.username(), closed);
        phases.mark("审计");
        return new VisitWriter.Outcome(created, updated, unchanged, ids);
    }
}
