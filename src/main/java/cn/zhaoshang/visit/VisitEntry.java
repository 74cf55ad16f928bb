package cn.zhaoshang.visit;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.project.FormRejectedException;
import cn.zhaoshang.project.ProjectColumn;
import cn.zhaoshang.project.ProjectEditing;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One visit from the entry form, with the import's rules: recorded (or updated when the same visit is there), and when
 * asked, a lead (线索) created from it through the ledger's own editing and linked to it. Marking a follow-up done
 * records the next visit the same way.
 */
@Service
class VisitEntry {

    static final Map<String, String> FIELD_BY_HEADER = new HashMap<>();

    static {
        for (VisitColumn c : VisitColumn.values()) {
            FIELD_BY_HEADER.put(c.header(), c.field());
        }
    }

    /** The lead to create with a visit: the project's name, investment and chain; the rest comes from the visit. */
    record Lead(String name, String investment, String chain) {
    }

    record Saved(long visitId, String projectCode) {
    }

    private final VisitRows parser;
    private final VisitChecks checks;
    private final VisitWriter writer;
    private final ProjectEditing projects;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    VisitEntry(VisitRows parser, VisitChecks checks, VisitWriter writer, ProjectEditing projects, JdbcClient jdbc, Clock clock,
               AuditTrail audit) {
        this.audit = audit;
        this.parser = parser;
        this.checks = checks;
        this.writer = writer;
        this.projects = projects;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Saved record(Map<VisitColumn, String> raw, Lead lead, Actor actor) {
        VisitDraft draft = validated(raw, actor);
        if (lead != null) {
            if (draft.projectCode() != null) {
                throw EntryRejectedException.of(List.of(new CellError(0, VisitColumn.PROJECT_CODE.header(), draft.projectCode(),
                        "新建线索时不再填写关联项目编号")), FIELD_BY_HEADER, "");
            }
            String code = createLead(draft, lead, actor);
            raw.put(VisitColumn.PROJECT_CODE, code);
            draft = validated(raw, actor);
        }
        Long projectId = draft.projectCode() == null ? null : jdbc.sql("select id from project where code = ?")
                .param(draft.projectCode()).query(Long.class).single();
        VisitWriter.Outcome o = writer.write(List.of(new VisitWriter.Row(0, draft, projectId)), actor, clock.instant(), "VISIT");
        return new Saved(o.ids().get(0), draft.projectCode());
    }

    /** Records the next visit for an open follow-up and marks the follow-up done with it. */
    @Transactional
    public Saved followUp(long visitId, Map<VisitColumn, String> raw, Actor actor) {
        var scope = actor.scope();
        Map<String, Object> v = jdbc.sql("""
                select v.visited_on, t.name as team, t.region_code, e.name as enterprise, e.credit_code, p.code as project,
                       v.follow_up_done_on
                from visit v join team t on t.id = v.team_id join enterprise e on e.id = v.enterprise_id
                left join project p on p.id = v.project_id
                where v.id = :id and t.region_code between :rf and :rt and (cast(:unit as bigint) is null or t.unit_id = :unit)""")
                .param("id", visitId).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("走访记录不存在：" + visitId));
        if (v.get("follow_up_done_on") != null) {
            throw DomainException.conflict("该跟进已于 " + v.get("follow_up_done_on") + " 完成");
        }
        raw.put(VisitColumn.TEAM, (String) v.get("team"));
        raw.put(VisitColumn.REGION, ((String) v.get("region_code")).trim());
        raw.put(VisitColumn.ENTERPRISE, (String) v.get("enterprise"));
        raw.put(VisitColumn.CREDIT_CODE, v.get("credit_code") == null ? "" : ((String) v.get("credit_code")).trim());
        if (raw.getOrDefault(VisitColumn.PROJECT_CODE, "").isBlank() && v.get("project") != null) {
            raw.put(VisitColumn.PROJECT_CODE, (String) v.get("project"));
        }
        LocalDate original = ((java.sql.Date) v.get("visited_on")).toLocalDate();
        VisitDraft draft = validated(raw, actor);
        if (!draft.visitedOn().isAfter(original)) {
            throw EntryRejectedException.of(List.of(new CellError(0, VisitColumn.DATE.header(), draft.visitedOn().toString(),
                    "跟进拜访的日期须晚于上次走访（" + original + "）")), FIELD_BY_HEADER, "");
        }
        Saved saved = record(raw, null, actor);
        // the new visit usually closed it already (VisitWriter); when it updated a visit that was there, close it here
        if (jdbc.sql("""
                update visit set follow_up_done_on = ?, follow_up_visit_id = ?, version = version + 1, updated_at = ?
                where id = ? and follow_up_done_on is null""")
                .params(java.sql.Date.valueOf(draft.visitedOn()), saved.visitId(), java.sql.Timestamp.from(clock.instant()), visitId)
                .update() > 0) {
            audit.recordAllAs(actor.username(), List.of(AuditEntry.success("VISIT_FOLLOW_UP_DONE", "visit", String.valueOf(visitId),
                    "{\"doneOn\":\"" + draft.visitedOn() + "\",\"nextVisit\":" + saved.visitId() + "}")));
        }
        return saved;
    }

    private VisitDraft validated(Map<VisitColumn, String> raw, Actor actor) {
        VisitRows.Result r = parser.parse(0, raw, new VisitRows.Context(LocalDate.now(clock), actor.defaultRegion()));
        List<CellError> errors = new ArrayList<>(r.errors());
        if (r.ok()) {
            List<VisitWriter.Row> rows = checks.check(List.of(new VisitImport.Parsed(0, r.draft(), raw)), actor, errors);
            if (errors.isEmpty()) {
                return rows.get(0).draft();
            }
        }
        throw EntryRejectedException.of(errors, FIELD_BY_HEADER, "");
    }

    private String createLead(VisitDraft d, Lead lead, Actor actor) {
        // the lead belongs to the unit of the one who records it, else to the team's unit
        String unitName = jdbc.sql("""
                select name from unit where id = coalesce(cast(:unit as bigint),
                    (select unit_id from team where region_code = :region and name = :team))""")
                .param("unit", actor.unitId()).param("region", d.regionCode()).param("team", d.team())
                .query(String.class).optional().orElse(null);
        Map<ProjectColumn, String> raw = new EnumMap<>(ProjectColumn.class);
        for (ProjectColumn c : ProjectColumn.values()) {
            raw.put(c, "");
        }
        raw.put(ProjectColumn.NAME, lead.name() == null ? "" : lead.name().trim());
        raw.put(ProjectColumn.INVESTMENT, lead.investment() == null ? "" : lead.investment().trim());
        raw.put(ProjectColumn.CHAIN, lead.chain() == null ? "" : lead.chain().trim());
        raw.put(ProjectColumn.INVESTOR, d.enterprise());
        raw.put(ProjectColumn.CREDIT_CODE, d.creditCode() == null ? "" : d.creditCode());
        raw.put(ProjectColumn.REGION, d.regionCode());
        raw.put(ProjectColumn.UNIT, unitName == null ? "" : unitName);
        raw.put(ProjectColumn.CONTACTED_ON, d.visitedOn().toString());
        raw.put(ProjectColumn.SOURCE, d.kind() == Kind.VISIT ? "小分队拜访" : "客商来访");
        try {
            return projects.create(raw, actor.username(), actor.scope(), draft -> actor.scope().coversRegion(draft.regionCode())
                    ? Optional.empty() : Optional.of("超出您的数据范围：行政区划" + draft.regionCode()));
        } catch (FormRejectedException e) {
            throw EntryRejectedException.of(e.errors(), Map.of(ProjectColumn.NAME.header(), "leadName",
                    ProjectColumn.INVESTMENT.header(), "leadInvestment", ProjectColumn.CHAIN.header(), "leadChain"), "lead:");
        }
    }

    static Map<VisitColumn, String> raw(Map<String, String> form) {
        Map<VisitColumn, String> raw = new EnumMap<>(VisitColumn.class);
        for (VisitColumn c : VisitColumn.values()) {
            String v = form.get(c.field());
            raw.put(c, VisitRows.trim(v));
        }
        return raw;
    }
}
