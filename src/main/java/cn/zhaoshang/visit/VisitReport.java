package cn.zhaoshang.visit;

import cn.zhaoshang.platform.ReportDatabase;
import cn.zhaoshang.platform.VersionedCache;
import cn.zhaoshang.report.ReportCache;
import cn.zhaoshang.report.ReportPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visits report of CONTRACT.md §5: one pass over the period's visits, read from the covering index visit_report,
 * counted here; then the names of the enterprises met. Counting in SQL (distinct enterprises and days per team and in
 * all, twice grouped for the repeat visits, and again per enterprise) cost four times the scan itself, and a county's
 * year is a few thousand rows (docs/benchmarks-visits.md).
 */
@Component
public class VisitReport {

    /**
     * The visits of a region range, as one equality per region code: with a range on region_code, the index visit_report
     * (region_code, visited_on) can only filter the dates, and a county's year read all ten years of the county
     * (10,000,000 visits: 28 ms instead of 5), the province's all 10,000,000 rows (2.2 s instead of 0.2).
     */
    static final String IN_REGIONS = "v.region_code = any(array(select r.code from region r where r.code between :rf and :rt))";

    /** The visits of the teams in the period's region and the user's scope; days counted from 2000-01-01. */
    static final String SCOPED = "select v.team_id, v.enterprise_id, v.visited_on - date '2000-01-01', v.kind = 'VISIT', v.batch_id"
            + " from visit v where " + IN_REGIONS + " and v.visited_on between :from and :to"
            + " and (cast(:unit as bigint) is null or v.team_id in (select id from team where unit_id = :unit))\n";

    private final ReportDatabase db;
    private final ReportCache cache;
    private final JsonMapper json;

    VisitReport(ReportDatabase db, ReportCache cache, JsonMapper json) {
        this.db = db;
        this.cache = cache;
        this.json = json;
    }

    /** One team's (or all teams') counts. */
    private static final class Tally {
        long visits;
        long inspections;
        final Map<Long, int[]> enterprises = new HashMap<>(); // enterprise -> {visits, inspections}
        final Set<Integer> days = new HashSet<>();

        void add(long enterprise, int day, boolean visit) {
            int[] n = enterprises.computeIfAbsent(enterprise, k -> new int[2]);
            if (visit) {
                visits++;
                n[0]++;
                days.add(day);
            } else {
                inspections++;
                n[1]++;
            }
        }

        long visited() {
            return enterprises.values().stream().filter(n -> n[0] > 0).count();
        }

        long repeated() {
            return enterprises.values().stream().filter(n -> n[0] >= 2).count();
        }
    }

    private record Team(long id, String name, String region) {
    }

    /**
     * Answered from the reports' cache while no visit, team or enterprise name has changed since (V18): a county's year at
     * 10,000,000 visits lists 8,570 enterprises, and computing it took 136 ms of CPU.
     */
    public VisitFigures report(ReportPeriod period) {
        return cache.get(ReportCache.Source.VISITS, "visits", period, null, () -> db.read(jdbc -> report(jdbc, period)));
    }

    /**
     * The report as the API's JSON, kept serialized: a province's year at 10,000,000 visits lists 283,352 enterprises
     * (27 MB of JSON), which took 2.8 s to compute and serialize for every request; kept, it is written out in 0.1 s. Kept apart
     * from the page's {@link #report}, which a province's staff rarely open and which holds the same rows as objects.
     */
    public VersionedCache.Serialized json(ReportPeriod period) {
        return cache.get(ReportCache.Source.VISITS, "visits.json", period, null,
                () -> new VersionedCache.Serialized(json.writeValueAsBytes(db.read(jdbc -> report(jdbc, period)))));
    }

    private static VisitFigures report(JdbcClient jdbc, ReportPeriod period) {
        MapSqlParameterSource params = params(period);
        Map<Long, Team> teams = new LinkedHashMap<>();
        jdbc.sql("""
                select id, name, region_code from team
                where region_code between :rf and :rt and (cast(:unit as bigint) is null or unit_id = :unit)""")
                .paramSource(params)
                .query((RowCallbackHandler) rs -> teams.put(rs.getLong(1), new Team(rs.getLong(1), rs.getString(2), rs.getString(3))));
        Tally all = new Tally();
        Map<Long, Tally> byTeam = new HashMap<>();
        Set<Long> batches = new HashSet<>();
        jdbc.sql(SCOPED).paramSource(params).query((RowCallbackHandler) rs -> {
            long team = rs.getLong(1);
            long enterprise = rs.getLong(2);
            int day = rs.getInt(3);
            boolean visit = rs.getBoolean(4);
            long batch = rs.getLong(5);
            if (!rs.wasNull()) {
                batches.add(batch);
            }
            all.add(enterprise, day, visit);
            byTeam.computeIfAbsent(team, k -> new Tally()).add(enterprise, day, visit);
        });
        long visited = all.visited();
        VisitFigures.Total total = new VisitFigures.Total(all.visits, visited, all.days.size(),
                VisitFigures.perDay(all.visits, all.days.size()), all.repeated(), all.inspections, batches.size());
        List<VisitFigures.TeamRow> teamRows = new ArrayList<>();
        for (Team t : teams.values()) {
            Tally n = byTeam.getOrDefault(t.id(), new Tally());
            teamRows.add(new VisitFigures.TeamRow(t.name(), n.visits, n.visited(), n.days.size(),
                    VisitFigures.perDay(n.visits, n.days.size()), n.repeated(), t.id(), t.region()));
        }
        teamRows.sort((a, b) -> a.visits() != b.visits() ? Long.compare(b.visits(), a.visits()) : a.team().compareTo(b.team()));
        return new VisitFigures(total, teamRows, enterprises(jdbc, all.enterprises));
    }

    /** Every enterprise visited or inspecting: most contacts first, then most visits, then by name. */
    private static List<VisitFigures.EnterpriseRow> enterprises(JdbcClient jdbc, Map<Long, int[]> counts) {
        if (counts.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = new HashMap<>(counts.size() * 2);
        jdbc.sql("select id, name from enterprise where id = any(?)")
                .param(counts.keySet().stream().mapToLong(Long::longValue).toArray())
                .query((RowCallbackHandler) rs -> names.put(rs.getLong(1), rs.getString(2)));
        List<VisitFigures.EnterpriseRow> rows = new ArrayList<>(counts.size());
        counts.forEach((id, n) -> rows.add(new VisitFigures.EnterpriseRow(names.getOrDefault(id, ""), n[0], n[1], id)));
        rows.sort(VisitReport::byContacts);
        return rows;
    }

    // written out: a chain of comparing(...).reversed() boxed every key and took a third of the report's Java time
    private static int byContacts(VisitFigures.EnterpriseRow a, VisitFigures.EnterpriseRow b) {
        int c = Long.compare(b.visits() + b.inspections(), a.visits() + a.inspections());
        if (c == 0) {
            c = Long.compare(b.visits(), a.visits());
        }
        if (c == 0) {
            c = a.enterprise().compareTo(b.enterprise());
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
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
