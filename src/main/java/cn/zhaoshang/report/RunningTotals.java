package cn.zhaoshang.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import cn.zhaoshang.platform.ReportDatabase;
import org.springframework.stereotype.Component;

/**
 * The reports of CONTRACT.md §4 read from the running totals of {@code report_delta} and {@code report_event_delta}
 * (V7__report_running_totals.sql explains the arithmetic) instead of the pool's projects: a province reads a few rows
 * per unit and month instead of every open project. Same answers as {@link Reports}' ledger queries, to the cent;
 * {@code RunningTotalsTest} compares the two on random ledgers and periods.
 *
 * <p>A counter's running sum up to a day d is the steps of the years before d's year and of the months of its year
 * before d's month, from the totals, plus the steps on the days of d's month up to d, from the projects that have a
 * step on one of those days. With e = d + 1 the totals part is: years before the year of e, months from that year to
 * the month of e; the ledger part: days from the month of e to e. A period ending on a month's last day reads no
 * project at all.
 */
@Component
class RunningTotals {

    private final ReportDatabase db;

    RunningTotals(ReportDatabase db) {
        this.db = db;
    }

    Summary summary(ReportPeriod period) {
        Object[] t = db.read(jdbc -> jdbc.sql(RunningTotalsSql.summary(period.from(), period.to()))
                .paramSource(params(period))
                .query((rs, n) -> new Object[] {rs.getLong(1), money(rs.getBigDecimal(2)), rs.getLong(3),
                        money(rs.getBigDecimal(4)), rs.getLong(5), money(rs.getBigDecimal(6))})
                .single());
        return summary(period, new Figures((Long) t[0], (BigDecimal) t[1]), new Figures((Long) t[2], (BigDecimal) t[3]),
                new Figures((Long) t[4], (BigDecimal) t[5]));
    }

    private static Summary summary(ReportPeriod period, Figures pool, Figures reached, Figures landed) {
        var stages = new LinkedHashMap<String, Figures>();
        stages.put("LEAD", minus(pool, reached));
        stages.put("SIGNED", minus(reached, landed));
        stages.put("LANDED", landed);
        return new Summary(period.region().code(), period.from(), period.to(), pool, stages);
    }

    /**
     * The by-unit rows and the summary from the one statement of the by-unit report: the region's pool, its part that
     * reached signing and its landed part are the sums over its units (and "no unit"); a unit left out of the rows has
     * an empty pool, so nothing of it in the other two. The briefing needs both and saves a statement.
     */
    Reports.SummaryAndUnits summaryAndUnits(ReportPeriod period) {
        List<Object[]> rows = db.read(jdbc -> jdbc.sql(RunningTotalsSql.byUnit(period.from(), period.to()))
                .paramSource(params(period))
                .query((rs, n) -> new Object[] {groupRow(rs, Reports.NO_UNIT), new Figures(rs.getLong(7), money(rs.getBigDecimal(8)))})
                .list());
        Figures pool = Figures.ZERO;
        Figures reached = Figures.ZERO;
        Figures landed = Figures.ZERO;
        List<GroupRow> units = new java.util.ArrayList<>(rows.size());
        for (Object[] r : rows) {
            GroupRow u = (GroupRow) r[0];
            units.add(u);
            pool = plus(pool, new Figures(u.count(), u.investment()));
            reached = plus(reached, (Figures) r[1]);
            landed = plus(landed, u.landed());
        }
        return new Reports.SummaryAndUnits(summary(period, pool, reached, landed), units);
    }

    List<GroupRow> byUnit(ReportPeriod period) {
        return grouped(period, RunningTotalsSql.byUnit(period.from(), period.to()), Reports.NO_UNIT);
    }

    List<GroupRow> byChain(ReportPeriod period) {
        return grouped(period, RunningTotalsSql.byChain(period.from(), period.to()), Reports.NO_CHAIN);
    }

    private List<GroupRow> grouped(ReportPeriod period, String sql, String missing) {
        return db.read(jdbc -> jdbc.sql(sql)
                .paramSource(params(period))
                .query((rs, n) -> groupRow(rs, missing))
                .list());
    }

    /** A row of RunningTotalsSql.byUnit or byChain: name (or {@code missing}), region, pool, landed. */
    private static GroupRow groupRow(java.sql.ResultSet rs, String missing) throws java.sql.SQLException {
        return new GroupRow(rs.getString(1) == null ? missing : rs.getString(1), rs.getString(2), rs.getLong(3),
                money(rs.getBigDecimal(4)), new Figures(rs.getLong(5), money(rs.getBigDecimal(6))));
    }

    /** Over the projects that name an event and have a signing date: the pool's part signed by {@code to}. */
    List<EventRow> events(ReportPeriod period) {
        return db.read(jdbc -> jdbc.sql(RunningTotalsSql.events(period.from(), period.to()))
                .paramSource(params(period))
                .query((rs, n) -> new EventRow(rs.getString(1), rs.getLong(2), money(rs.getBigDecimal(3)),
                        money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)),
                        new EventRow.Amounts(rs.getLong(6), money(rs.getBigDecimal(7)), money(rs.getBigDecimal(8)),
                                money(rs.getBigDecimal(9)))))
                .list());
    }

    private static MapSqlParameterSource params(ReportPeriod period) {
        var scope = period.effectiveScope();
        return new MapSqlParameterSource(RunningTotalsSql.parameters(scope.regionFrom(), scope.regionTo(), period.from(),
                period.to()));
    }

    private static Figures plus(Figures a, Figures b) {
        return new Figures(a.count() + b.count(), money(a.investment().add(b.investment())));
    }

    private static Figures minus(Figures a, Figures b) {
        return new Figures(a.count() - b.count(), a.investment().subtract(b.investment()));
    }

    private static BigDecimal money(BigDecimal v) {
        return Reports.money(v);
    }
}
