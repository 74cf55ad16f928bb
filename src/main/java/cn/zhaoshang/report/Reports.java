package cn.zhaoshang.report;

import cn.zhaoshang.platform.ReportDatabase;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The reports of CONTRACT.md §4, on the report database (a replica when configured). Whole regions are answered from
 * the running totals ({@link RunningTotals}); a unit's staff, whose scope is one unit's projects, from the pool's
 * projects themselves (the {@code ledger…} queries here, one SQL statement each, which also serve as the reference the
 * running totals are tested against).
 */
@Component
public class Reports {

    static final String NO_UNIT = "（未填责任单位）";
    static final String NO_CHAIN = "（未填产业链）";

    private final ReportDatabase db;
    private final RunningTotals totals;
    private final ReportCache cache;

    Reports(ReportDatabase db, RunningTotals totals, ReportCache cache) {
        this.db = db;
        this.totals = totals;
        this.cache = cache;
    }

    private static boolean fromTotals(ReportPeriod period) {
        return period.effectiveScope().unitId() == null;
    }

    public Summary summary(ReportPeriod period) {
        return cache.get("summary", period, null, () -> fromTotals(period) ? totals.summary(period) : ledgerSummary(period));
    }

    /** The summary and the by-unit report of one period (the briefing's first two parts). */
    public record SummaryAndUnits(Summary summary, List<GroupRow> units) {
    }

    public SummaryAndUnits summaryAndUnits(ReportPeriod period) {
        // only the briefing reads it, and the briefing's text is what is kept
        return fromTotals(period) ? totals.summaryAndUnits(period)
                : new SummaryAndUnits(ledgerSummary(period), ledgerByUnit(period));
    }

    public List<GroupRow> byUnit(ReportPeriod period) {
        return cache.get("byUnit", period, null, () -> List.copyOf(fromTotals(period) ? totals.byUnit(period) : ledgerByUnit(period)));
    }

    public List<GroupRow> byChain(ReportPeriod period) {
        return cache.get("byChain", period, null, () -> List.copyOf(fromTotals(period) ? totals.byChain(period) : ledgerByChain(period)));
    }

    public List<EventRow> events(ReportPeriod period) {
        return cache.get("events", period, null, () -> List.copyOf(fromTotals(period) ? totals.events(period) : ledgerEvents(period)));
    }

    Summary ledgerSummary(ReportPeriod period) {
        Map<String, Figures> stages = new LinkedHashMap<>();
        for (String s : List.of("LEAD", "SIGNED", "LANDED")) {
            stages.put(s, Figures.ZERO);
        }
        db.read(jdbc -> jdbc.sql("select " + Pool.STAGE + " as stage, count(*), coalesce(sum(p.investment), 0.00) from project p where "
                        + Pool.WHERE + " group by 1")
                .paramSource(Pool.params(period))
                .query((rs, n) -> Map.entry(rs.getString(1), new Figures(rs.getLong(2), money(rs.getBigDecimal(3)))))
                .list())
                .forEach(e -> stages.put(e.getKey(), e.getValue()));
        long count = stages.values().stream().mapToLong(Figures::count).sum();
        BigDecimal total = stages.values().stream().map(Figures::investment).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new Summary(period.region().code(), period.from(), period.to(), new Figures(count, total), stages);
    }

    List<GroupRow> ledgerByUnit(ReportPeriod period) {
        return grouped(period, "left join unit g on g.id = p.unit_id", "g.id, g.name, g.region_code", NO_UNIT);
    }

    List<GroupRow> ledgerByChain(ReportPeriod period) {
        return grouped(period, "left join industry_chain g on g.id = p.chain_id", "g.id, g.name, null::text", NO_CHAIN);
    }

    private List<GroupRow> grouped(ReportPeriod period, String join, String groupColumns, String missing) {
        return db.read(jdbc -> jdbc.sql("""
                        select %s, count(*), coalesce(sum(p.investment), 0.00),
                               count(*) filter (where p.landed_eff <= :to),
                               coalesce(sum(p.investment) filter (where p.landed_eff <= :to), 0.00)
                        from project p %s
                        where %s
                        group by %s
                        order by 5 desc, 2, 1""".formatted(groupColumns, join, Pool.WHERE, groupColumns))
                .paramSource(Pool.params(period))
                .query((rs, n) -> new GroupRow(rs.getString(2) == null ? missing : rs.getString(2), rs.getString(3),
                        rs.getLong(4), money(rs.getBigDecimal(5)), new Figures(rs.getLong(6), money(rs.getBigDecimal(7)))))
                .list());
    }

    List<EventRow> ledgerEvents(ReportPeriod period) {
        return db.read(jdbc -> jdbc.sql("""
                        select e.name, count(*), coalesce(sum(p.investment), 0.00),
                               coalesce(sum(p.foreign_investment), 0.00), coalesce(sum(p.utilized_foreign_capital), 0.00),
                               count(*) filter (where p.on_stage),
                               coalesce(sum(p.investment) filter (where p.on_stage), 0.00),
                               coalesce(sum(p.foreign_investment) filter (where p.on_stage), 0.00),
                               coalesce(sum(p.utilized_foreign_capital) filter (where p.on_stage), 0.00)
                        from project p join signing_event e on e.id = p.event_id
                        where %s and p.signed_on <= :to
                        group by e.id, e.name
                        order by 3 desc, 1, e.id""".formatted(Pool.WHERE))
                .paramSource(Pool.params(period))
                .query((rs, n) -> new EventRow(rs.getString(1), rs.getLong(2), money(rs.getBigDecimal(3)),
                        money(rs.getBigDecimal(4)), money(rs.getBigDecimal(5)),
                        new EventRow.Amounts(rs.getLong(6), money(rs.getBigDecimal(7)), money(rs.getBigDecimal(8)),
                                money(rs.getBigDecimal(9)))))
                .list());
    }

    static BigDecimal money(BigDecimal v) {
        return v == null ? new BigDecimal("0.00") : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
