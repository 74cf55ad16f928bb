package cn.zhaoshang.visit;

import cn.zhaoshang.platform.ReportDatabase;
import cn.zhaoshang.report.ReportPeriod;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The visits report of CONTRACT.md §5 in two statements: the figures of every team and of all teams together (one
 * GROUPING SETS pass, repeat enterprises from a second level of grouping), then the enterprises visited or inspecting.
 */
@Component
public class VisitReport {

    /** The visits of the teams in the period's region and the user's scope. */
    static final String SCOPED = """
            select v.team_id, v.enterprise_id, v.visited_on, v.kind, v.batch_id from visit v
            where v.region_code between :rf and :rt and v.visited_on between :from and :to
              and (cast(:unit as bigint) is null or v.team_id in (select id from team where unit_id = :unit))
            """;

    private final ReportDatabase db;

    VisitReport(ReportDatabase db) {
        this.db = db;
    }

    public VisitFigures report(ReportPeriod period) {
        return db.read(jdbc -> report(jdbc, period));
    }

    private static VisitFigures report(JdbcClient jdbc, ReportPeriod period) {
        MapSqlParameterSource params = params(period);
        List<VisitFigures.TeamRow> teams = new ArrayList<>();
        VisitFigures.Total[] total = {new VisitFigures.Total(0, 0, 0, VisitFigures.perDay(0, 0), 0, 0, 0)};
        jdbc.sql("""
                with v as (%s),
                figures as (
                    select grouping(team_id) as all_teams, team_id,
                           count(*) filter (where kind = 'VISIT') as visits,
                           count(distinct enterprise_id) filter (where kind = 'VISIT') as enterprises,
                           count(distinct visited_on) filter (where kind = 'VISIT') as days,
                           count(*) filter (where kind = 'INSPECTION') as inspections,
                           count(distinct batch_id) as batches
                    from v group by grouping sets ((team_id), ())),
                per_enterprise as (
                    select grouping(team_id) as all_teams, team_id, count(*) as n
                    from v where kind = 'VISIT' group by grouping sets ((team_id, enterprise_id), (enterprise_id))),
                repeats as (
                    select all_teams, team_id, count(*) filter (where n >= 2) as repeat_enterprises
                    from per_enterprise group by all_teams, team_id)
                select t.id, t.name, t.region_code, f.all_teams, coalesce(f.visits, 0), coalesce(f.enterprises, 0),
                       coalesce(f.days, 0), coalesce(r.repeat_enterprises, 0), coalesce(f.inspections, 0), coalesce(f.batches, 0)
                from (select id, name, region_code from team
                      where region_code between :rf and :rt and (cast(:unit as bigint) is null or unit_id = :unit)
                      union all select null, null, null) t
                left join figures f on f.team_id is not distinct from t.id and (f.all_teams = 1) = (t.id is null)
                left join repeats r on r.team_id is not distinct from t.id and (r.all_teams = 1) = (t.id is null)
                order by t.id is not null, 5 desc, t.name""".formatted(SCOPED))
                .paramSource(params)
                .query((rs, n) -> {
                    long visits = rs.getLong(5);
                    long days = rs.getLong(7);
                    if (rs.getObject(1) == null) {
                        total[0] = new VisitFigures.Total(visits, rs.getLong(6), days, VisitFigures.perDay(visits, days),
                                rs.getLong(8), rs.getLong(9), rs.getLong(10));
                    } else {
                        teams.add(new VisitFigures.TeamRow(rs.getString(2), visits, rs.getLong(6), days,
                                VisitFigures.perDay(visits, days), rs.getLong(8), rs.getLong(1), rs.getString(3)));
                    }
                    return null;
                })
                .list();
        // counted from the covering index first, names looked up per enterprise: joining first read every enterprise
        List<VisitFigures.EnterpriseRow> enterprises = jdbc.sql("""
                with v as (%s)
                select (select e.name from enterprise e where e.id = x.enterprise_id) as name, x.visits, x.inspections, x.enterprise_id
                from (select enterprise_id, count(*) filter (where kind = 'VISIT') as visits,
                             count(*) filter (where kind = 'INSPECTION') as inspections
                      from v group by enterprise_id) x
                order by x.visits + x.inspections desc, x.visits desc, name, x.enterprise_id""".formatted(SCOPED))
                .paramSource(params)
                .query((rs, n) -> new VisitFigures.EnterpriseRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
        return new VisitFigures(total[0], teams, enterprises);
    }

    static MapSqlParameterSource params(ReportPeriod period) {
        var scope = period.effectiveScope();
        return new MapSqlParameterSource()
                .addValue("rf", scope.regionFrom())
                .addValue("rt", scope.regionTo())
                .addValue("unit", scope.unitId())
                .addValue("from", period.from())
                .addValue("to", period.to());
    }
}
