package cn.zhaoshang.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL of {@link RunningTotals}, with named parameters ({@link #parameters}): plain strings, so the benchmark
 * (bench/Load.java) runs exactly these statements as its SQL floor.
 */
public final class RunningTotalsSql {

    private RunningTotalsSql() {
    }

    /** The parameters of every statement here, for a region range and a period. */
    public static Map<String, Object> parameters(String regionFrom, String regionTo, LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rf", regionFrom);
        p.put("rt", regionTo);
        p.put("from", from);
        p.put("to", to);
        p.put("eTo", end);
        p.put("yTo", end.withDayOfYear(1));
        p.put("mTo", end.withDayOfMonth(1));
        p.put("yFrom", from.withDayOfYear(1));
        p.put("mFrom", from.withDayOfMonth(1));
        return p;
    }

    /** The summary: pool, reached signing and landed counts and amounts of the whole region. */
    public static String summary() {
        return "select coalesce(sum(p_n), 0), coalesce(sum(p_inv), 0.00), coalesce(sum(r_n), 0),"
                + " coalesce(sum(r_inv), 0.00), coalesce(sum(l_n), 0), coalesce(sum(l_inv), 0.00) from ("
                + totals("R", "0") + ") k";
    }

    public static String byUnit() {
        return grouped("U", "coalesce(p.unit_id, 0)", "unit", "g.region_code");
    }

    public static String byChain() {
        return grouped("C", "coalesce(p.chain_id, 0)", "industry_chain", "null::text");
    }

    private static String grouped(String dim, String key, String table, String region) {
        return "select g.name, " + region + ", k.p_n, k.p_inv, k.l_n, k.l_inv from (" + totals(dim, key)
                + ") k left join " + table + " g on g.id = k.key_id where k.p_n > 0 order by k.p_inv desc, g.name, g.id";
    }

    /** S: the day a project reached signing (signed, or landed without a signing date). */
    private static final String S = "coalesce(p.signed_on, p.landed_eff)";

    /**
     * The steps on the days [start, end) of the ledger's projects of the region, as (key, alive, reached, landed,
     * project) rows, each step of the kinds of V7: +alive on c; -alive on t, with -reached and -landed where S and L
     * are not after t; +reached on S, -reached there too if t came before; +landed on L, -landed there too if t came
     * before. {@code only} narrows the projects (the events' population).
     */
    private static String daySteps(String key, String start, String end, String only, boolean landedOnly) {
        String where = " from project p where p.region_code between :rf and :rt" + only + " and ";
        String terminated = "select " + key + " as key_id, -1 as a, case when " + S + " <= p.terminated_on then -1 else 0 end as r,"
                + " case when p.landed_eff <= p.terminated_on then -1 else 0 end as l, p.*" + where
                + "p.terminated_on >= " + start + " and p.terminated_on < " + end;
        String landed = "select " + key + ", 0, 0, case when p.terminated_on < p.landed_eff then 0 else 1 end, p.*" + where
                + "p.landed_eff >= " + start + " and p.landed_eff < " + end;
        if (landedOnly) { // a period's start only takes the landed counter
            return terminated + " union all " + landed;
        }
        return String.join(" union all ", terminated, landed,
                "select " + key + ", 1, 0, 0, p.*" + where + "p.contacted_on >= " + start + " and p.contacted_on < " + end,
                "select " + key + ", 0, case when p.terminated_on < " + S + " then 0 else 1 end, 0, p.*" + where
                        + S + " >= " + start + " and " + S + " < " + end);
    }

    /** X: the projects that landed before {@code from} and were terminated between {@code from} and {@code to}. */
    private static String landedThenTerminated(String key, String only) {
        return "select " + key + " as key_id, p.* from project p where p.region_code between :rf and :rt" + only
                + " and p.terminated_on between :from and :to and p.landed_eff < :from";
    }

    /** Per key: the pool (p), of it those that reached signing by {@code to} (r) and those landed (l). */
    private static String totals(String dim, String key) {
        if (!dim.matches("[RUC]")) {
            throw new IllegalArgumentException(dim);
        }
        return """
                with prefix as (
                    select key_id, alive_n as p_n, alive_inv as p_inv, reached_n as r_n, reached_inv as r_inv,
                           landed_n as l_n, landed_inv as l_inv
                    from report_delta
                    where dim = '%1$s' and region_code between :rf and :rt
                      and ((grain = 'Y' and period < :yTo) or (grain = 'M' and period >= :yTo and period < :mTo))
                    union all
                    select key_id, -landed_n, -landed_inv, -landed_n, -landed_inv, -landed_n, -landed_inv
                    from report_delta
                    where dim = '%1$s' and region_code between :rf and :rt
                      and ((grain = 'Y' and period < :yFrom) or (grain = 'M' and period >= :yFrom and period < :mFrom))
                ), days as (
                    select key_id, sum(a) as a, sum(a * investment) as a_inv, sum(r) as r, sum(r * investment) as r_inv,
                           sum(l) as l, sum(l * investment) as l_inv
                    from (%2$s) to_days
                    group by key_id
                    union all
                    select key_id, -sum(l), -sum(l * investment), -sum(l), -sum(l * investment), -sum(l), -sum(l * investment)
                    from (%3$s) from_days
                    group by key_id
                    union all
                    select key_id, count(*), sum(investment), count(*), sum(investment), count(*), sum(investment)
                    from (%4$s) x
                    group by key_id
                )
                select key_id, sum(p_n) as p_n, sum(p_inv) as p_inv, sum(r_n) as r_n, sum(r_inv) as r_inv,
                       sum(l_n) as l_n, sum(l_inv) as l_inv
                from (select * from prefix union all select * from days) steps
                group by key_id
                """.formatted(dim, daySteps(key, ":mTo", ":eTo", "", false), daySteps(key, ":mFrom", ":from", "", true),
                landedThenTerminated(key, ""));
    }

    private static final String EVENT_POPULATION = " and p.event_id is not null and p.signed_on is not null";

    /** A weighted project row of the events' steps: w times the project's amounts, and again if it was on stage. */
    private static String eventAmounts(String w) {
        return ("sum(W), sum(W * investment), sum(W * coalesce(foreign_investment, 0)),"
                + " sum(W * coalesce(utilized_foreign_capital, 0)), sum(W) filter (where on_stage),"
                + " sum(W * investment) filter (where on_stage), sum(W * coalesce(foreign_investment, 0)) filter (where on_stage),"
                + " sum(W * coalesce(utilized_foreign_capital, 0)) filter (where on_stage)").replace("W", w);
    }

    /** Over the projects that name an event and have a signing date: the pool's part signed by {@code to}. */
    public static String events() {
        return """
                with steps as (
                    select event_id as key_id, reached_n as n, reached_inv as inv, reached_fi as fi, reached_ufc as ufc,
                           stage_reached_n as s_n, stage_reached_inv as s_inv, stage_reached_fi as s_fi,
                           stage_reached_ufc as s_ufc
                    from report_event_delta
                    where region_code between :rf and :rt
                      and ((grain = 'Y' and period < :yTo) or (grain = 'M' and period >= :yTo and period < :mTo))
                    union all
                    select event_id, -landed_n, -landed_inv, -landed_fi, -landed_ufc,
                           -stage_landed_n, -stage_landed_inv, -stage_landed_fi, -stage_landed_ufc
                    from report_event_delta
                    where region_code between :rf and :rt
                      and ((grain = 'Y' and period < :yFrom) or (grain = 'M' and period >= :yFrom and period < :mFrom))
                    union all
                    select key_id, %s from (%s) to_days group by key_id
                    union all
                    select key_id, %s from (%s) from_days group by key_id
                    union all
                    select key_id, %s from (%s) x group by key_id
                ), k as (
                    select key_id, sum(n) as n, sum(inv) as inv, sum(fi) as fi, sum(ufc) as ufc, coalesce(sum(s_n), 0) as s_n,
                           coalesce(sum(s_inv), 0) as s_inv, coalesce(sum(s_fi), 0) as s_fi, coalesce(sum(s_ufc), 0) as s_ufc
                    from steps
                    group by key_id
                )
                select e.name, k.n, k.inv, k.fi, k.ufc, k.s_n, k.s_inv, k.s_fi, k.s_ufc
                from k join signing_event e on e.id = k.key_id
                where k.n > 0
                order by k.inv desc, e.name, e.id""".formatted(
                eventAmounts("r"), daySteps("p.event_id", ":mTo", ":eTo", EVENT_POPULATION, false),
                eventAmounts("(-l)"), daySteps("p.event_id", ":mFrom", ":from", EVENT_POPULATION, true),
                eventAmounts("1"), landedThenTerminated("p.event_id", EVENT_POPULATION));
    }
}
