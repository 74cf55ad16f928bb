package cn.zhaoshang.visit;

import cn.zhaoshang.common.CellError;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.region.Regions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of a visit row that need more than the row: it lies in the user's scope (region; for unit staff, a team of
 * their unit), its 关联项目编号 names a project the user may see, and no other row of the file is the same visit.
 */
@Component
class VisitChecks {

    private final JdbcClient jdbc;
    private final TeamRefs teams;
    private final Regions regions;

    VisitChecks(JdbcClient jdbc, TeamRefs teams, Regions regions) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.regions = regions;
    }

    List<VisitWriter.Row> check(List<VisitImport.Parsed> rows, Actor actor, List<CellError> errors) {
        return new Session(actor).check(rows, errors);
    }

    /** The checks of one file read in chunks: a visit seen in an earlier chunk is a duplicate in a later one too. */
    final class Session {
        private final Actor actor;
        private final Map<String, Integer> seen = new HashMap<>();

        Session(Actor actor) {
            this.actor = actor;
        }

        List<VisitWriter.Row> check(List<VisitImport.Parsed> rows, List<CellError> errors) {
            DataScope scope = actor.scope();
            Map<String, TeamRefs.Ref> known = teams.find(rows.stream().map(r -> r.draft().teamKey()).distinct().toList());
            Map<String, Long> projects = projects(rows, scope);
            List<VisitWriter.Row> valid = new ArrayList<>();
            for (VisitImport.Parsed p : rows) {
                VisitDraft d = p.draft();
                int before = errors.size();
                if (!scope.coversRegion(d.regionCode())) {
                    errors.add(error(p, VisitColumn.REGION, "超出您的数据范围：行政区划" + d.regionCode() + "（"
                            + regions.name(d.regionCode()) + "）的小分队"));
                } else if (scope.unitId() != null) {
                    TeamRefs.Ref team = known.get(d.teamKey());
                    if (team != null && !Objects.equals(team.unitId(), scope.unitId())) {
                        errors.add(error(p, VisitColumn.TEAM, "超出您的数据范围：小分队“" + d.team() + "”不属于您的单位"));
                    }
                }
                Long projectId = null;
                if (d.projectCode() != null) {
                    projectId = projects.get(d.projectCode());
                    if (projectId == null) {
                        errors.add(error(p, VisitColumn.PROJECT_CODE, "关联项目编号“" + d.projectCode() + "”不存在，或不在您的数据范围内"));
                    }
                }
                String key = d.teamKey() + "|" + (d.creditCode() != null ? d.creditCode() : d.enterprise()) + "|" + d.visitedOn()
                        + "|" + d.kind();
                Integer first = seen.putIfAbsent(key, p.number());
                if (first != null) {
                    errors.add(error(p, VisitColumn.ENTERPRISE, "与第" + first + "行重复：同一小分队同一天对同一企业的"
                            + d.kind().label() + "只记一次"));
                }
                if (errors.size() == before) {
                    valid.add(new VisitWriter.Row(p.number(), d, projectId));
                }
            }
            return valid;
        }
    }

    private static CellError error(VisitImport.Parsed p, VisitColumn column, String message) {
        String value = p.raw().get(column);
        return new CellError(p.number(), column.header(), VisitRows.trim(value), message);
    }

    /** Ids of the named projects the scope may see. */
    private Map<String, Long> projects(List<VisitImport.Parsed> rows, DataScope scope) {
        String[] codes = rows.stream().map(r -> r.draft().projectCode()).filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Long> ids = new HashMap<>();
        if (codes.length == 0) {
            return ids;
        }
        jdbc.sql("""
                select code, id from project where code = any(:codes) and region_code between :rf and :rt
                  and (cast(:unit as bigint) is null or unit_id = :unit)""")
                .param("codes", codes).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }
}
