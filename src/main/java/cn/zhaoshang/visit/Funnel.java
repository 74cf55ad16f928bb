package cn.zhaoshang.visit;

import cn.zhaoshang.platform.ReportDatabase;
import cn.zhaoshang.report.ReportPeriod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What visits became. Per team: enterprises visited in the period → leads (projects of those enterprises contacted on or
 * after the team's first visit, or linked to one of its visits) → signed → landed by the period's end, with conversion
 * rates and median days between the steps (visit → lead over the leads contacted after the first visit). And repeat
 * visits: of the projects landed in the period whose enterprise was visited, how many needed 1, 2, 3, 4 or more visits
 * before landing.
 */
@Component
class Funnel {

    record Row(long teamId, String team, long enterprises, long leads, long signed, long landed, BigDecimal daysToLead,
               BigDecimal daysToSign, BigDecimal daysToLand) {
        public BigDecimal leadRate() {
            return rate(leads, enterprises);
        }

        public BigDecimal signRate() {
            return rate(signed, leads);
        }

        public BigDecimal landRate() {
            return rate(landed, signed);
        }
    }

    record Repeat(String visits, long projects, BigDecimal share) {
    }

    static final String VISITS = "select v.team_id, v.enterprise_id, min(v.visited_on) as first_visit from visit v"
            + " where v.kind = 'VISIT' and " + VisitReport.IN_REGIONS + " and v.visited_on between :from and :to"
            + " and (cast(:unit as bigint) is null or v.team_id in (select id from team where unit_id = :unit))"
            + " group by v.team_id, v.enterprise_id\n";

    private final ReportDatabase db;

    Funnel(ReportDatabase db) {
        this.db = db;
    }

    List<Row> byTeam(ReportPeriod period) {
        return db.read(jdbc -> jdbc.sql("""
                with f as (%s),
                -- plain joins, no OR/EXISTS: the planner must not be able to turn this into a loop over all pairs
                candidates as (
                    select f.team_id, p.id as project_id, f.first_visit
                    from f join project p on p.investor_id = f.enterprise_id and p.contacted_on >= f.first_visit
                    union all
                    select f.team_id, lv.project_id, f.first_visit
                    from f join visit lv on lv.team_id = f.team_id and lv.enterprise_id = f.enterprise_id and lv.project_id is not null),
                leads as (
                    select c.team_id, p.id, min(c.first_visit) as first_visit, p.contacted_on,
                           case when p.signed_on <= :to then p.signed_on when p.landed_eff <= :to then p.landed_eff end as signed,
                           case when p.landed_eff <= :to then p.landed_eff end as landed
                    from candidates c join project p on p.id = c.project_id
                    where p.contacted_on <= :to and p.region_code between :rf and :rt
                    group by c.team_id, p.id, p.contacted_on, p.signed_on, p.landed_eff),
                per_team as (
                    select team_id, count(*) as leads, count(signed) as signed, count(landed) as landed,
                           percentile_cont(0.5) within group (order by contacted_on - first_visit)
                               filter (where contacted_on >= first_visit) as to_lead,
                           percentile_cont(0.5) within group (order by signed - contacted_on) filter (where signed is not null) as to_sign,
                           percentile_cont(0.5) within group (order by landed - signed) filter (where landed is not null) as to_land
                    from leads group by team_id)
                select t.id, t.name, count(f.enterprise_id), coalesce(pt.leads, 0), coalesce(pt.signed, 0), coalesce(pt.landed, 0),
                       pt.to_lead, pt.to_sign, pt.to_land
                from team t join f on f.team_id = t.id left join per_team pt on pt.team_id = t.id
                group by t.id, t.name, pt.leads, pt.signed, pt.landed, pt.to_lead, pt.to_sign, pt.to_land
                order by coalesce(pt.landed, 0) desc, coalesce(pt.leads, 0) desc, count(f.enterprise_id) desc, t.name""".formatted(VISITS))
                .paramSource(VisitReport.params(period))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        days(rs.getObject(7)), days(rs.getObject(8)), days(rs.getObject(9))))
                .list());
    }

    /** Landed projects of the period whose investor our teams visited, by the number of visits before landing. */
    List<Repeat> repeatVisits(ReportPeriod period) {
        List<long[]> counts = db.read(jdbc -> jdbc.sql("""
                with landed as (
                    select p.id, p.investor_id, p.landed_eff from project p
                    where p.region_code between :rf and :rt and p.landed_eff between :from and :to and p.investor_id is not null
                      and (cast(:unit as bigint) is null or p.unit_id = :unit)),
                n as (
                    select l.id, count(*) as visits from landed l
                    join visit v on v.enterprise_id = l.investor_id and v.kind = 'VISIT' and v.visited_on <= l.landed_eff
                                and v.region_code between :rf and :rt
                    group by l.id)
                select least(visits, 4), count(*) from n group by 1 order by 1""")
                .paramSource(VisitReport.params(period))
                .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)})
                .list());
        long total = counts.stream().mapToLong(c -> c[1]).sum();
        long[] byVisits = new long[5];
        counts.forEach(c -> byVisits[(int) c[0]] = c[1]);
        return List.of(new Repeat("1次", byVisits[1], rate(byVisits[1], total)), new Repeat("2次", byVisits[2], rate(byVisits[2], total)),
                new Repeat("3次", byVisits[3], rate(byVisits[3], total)), new Repeat("4次及以上", byVisits[4], rate(byVisits[4], total)));
    }

    /** A share in percent with one decimal; nothing to divide by, no share. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(Object median) {
        return median == null ? null : BigDecimal.valueOf(((Number) median).doubleValue()).setScale(1, RoundingMode.HALF_UP);
    }
}
