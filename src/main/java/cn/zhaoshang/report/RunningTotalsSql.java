package cn.zhaoshang.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of {@link RunningTotals}, with named parameters ({@link #parameters}): plain strings, so the benchmark
 * (bench/Load.java) runs exactly these statements as its SQL floor.
 *
 * <p>Each statement reads the totals once (the rows of both running sums, weighted +1 for {@code to}'s and -1 for the
 * day before {@code from}'s), the ledger's projects with a step on the days of {@code to}'s month up to {@code to} and
 * of {@code from}'s month before {@code from} (left out when there are no such days: a period of whole months reads no
 * project but the few of X), and X. Few table references keep the planning short: PostgreSQL plans every execution
 * afresh here (V4 sets plan_cache_mode = force_custom_plan).
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
    public static String summary(LocalDate from, LocalDate to) {
        return "select coalesce(sum(p_n), 0), coalesce(sum(p_inv), 0.00), coalesce(sum(r_n), 0),"
                + " coalesce(sum(r_inv), 0.00), coalesce(sum(l_n), 0), coalesce(sum(l_inv), 0.00) from ("
                + totals("R", "0", from, to) + ") k";
    }

    public static String byUnit(LocalDate from, LocalDate to) {
        return grouped("U", "coalesce(p.unit_id, 0)", "unit", "g.region_code", from, to);
    }

    public static String byChain(LocalDate from, LocalDate to) {
        return grouped("C", "coalesce(p.chain_id, 0)", "industry_chain", "null::text", from, to);
    }

    private static String grouped(String dim, String key, String table, String region, LocalDate from, LocalDate to) {
        return "select g.name, " + region + ", k.p_n, k.p_inv, k.l_n, k.l_inv, k.r_n, k.r_inv from (" + totals(dim, key, from, to)
                + ") k left join " + table + " g on g.id = k.key_id where k.p_n > 0 order by k.p_inv desc, g.name, g.id";
    }

    /** S: the day a project reached signing (signed, or landed without a signing date). */
    private static final String S = "coalesce(p.signed_on, p.landed_eff)";

    private static String in(String day, String start, String end) {
        return "(" + day + " >= " + start + " and " + day + " < " + end + ")";
    }

    /**
     * The counters' steps on the days [start, end), per project of the region with a step there: alive +1 on c and -1
     * on t; reached +1 on S unless t came first, -1 on t if S was not after it; landed +1 on L unless t came first,
     * -1 on t if L was not after it (the steps of V7's fold, day by day).
     */
    private static String stepsOnDays(String key, String start, String end, String only, String amounts) {
        String t = in("p.terminated_on", start, end);
        String s = in(S, start, end);
        String l = in("p.landed_eff", start, end);
        String c = in("p.contacted_on", start, end);
        return "select " + key + " as key_id,"
                + " (case when " + c + " then 1 else 0 end) - (case when " + t + " then 1 else 0 end) as a,"
                + " (case when " + s + " and not coalesce(p.terminated_on < " + S + ", false) then 1 else 0 end)"
                + " - (case when " + t + " and " + S + " <= p.terminated_on then 1 else 0 end) as r,"
                + " (case when " + l + " and not coalesce(p.terminated_on < p.landed_eff, false) then 1 else 0 end)"
                + " - (case when " + t + " and p.landed_eff <= p.terminated_on then 1 else 0 end) as l, " + amounts
                + " from project p where p.region_code between :rf and :rt" + only
                + " and (" + c + " or " + t + " or " + s + " or " + l + ")";
    }

    /** The landed counter's steps only (a period's start needs no other). */
    private static String landedStepsOnDays(String key, String start, String end, String only, String amounts) {
        String t = in("p.terminated_on", start, end);
        String l = in("p.landed_eff", start, end);
        return "select " + key + " as key_id, 0 as a, 0 as r,"
                + " (case when " + l + " and not coalesce(p.terminated_on < p.landed_eff, false) then 1 else 0 end)"
                + " - (case when " + t + " and p.landed_eff <= p.terminated_on then 1 else 0 end) as l, " + amounts
                + " from project p where p.region_code between :rf and :rt" + only + " and (" + t + " or " + l + ")";
    }

    /** X: the projects that landed before {@code from} and were terminated between {@code from} and {@code to}. */
    private static String landedThenTerminated(String key, String only, String amounts) {
        return "select " + key + " as key_id, 1 as a, 1 as r, 1 as l, " + amounts
                + " from project p where p.region_code between :rf and :rt" + only
                + " and p.terminated_on between :from and :to and p.landed_eff < :from"
                // implied by the two before; the condition of V15's index of these few projects
                + " and p.landed_eff < p.terminated_on";
    }

    /**
     * The ledger's part, as rows (key_id, dp, dr, dl, amounts) to add to the pool, to its part that reached signing and
     * to its landed part: X (one to each), the steps of to's month up to to (the counters' steps as they are), and the
     * landed steps of from's month before from (taken from all three, as landed(from - 1) is). The day windows are left
     * out when they hold no day.
     */
    private static String ledger(String key, String only, String amounts, String names, LocalDate from, LocalDate to) {
        List<String> parts = new ArrayList<>();
        parts.add("select key_id, a as dp, r as dr, l as dl, " + names + " from ("
                + landedThenTerminated(key, only, amounts) + ") x");
        if (to.getDayOfMonth() != to.lengthOfMonth()) {
            parts.add("select key_id, a, r, l, " + names + " from (" + stepsOnDays(key, ":mTo", ":eTo", only, amounts)
                    + ") to_days");
        }
        if (from.getDayOfMonth() != 1) {
            parts.add("select key_id, -l, -l, -l, " + names + " from ("
                    + landedStepsOnDays(key, ":mFrom", ":from", only, amounts) + ") from_days");
        }
        return String.join(" union all ", parts);
    }

    /** Per key: the pool (p), of it those that reached signing by {@code to} (r) and those landed (l). */
    private static String totals(String dim, String key, LocalDate from, LocalDate to) {
        if (!dim.matches("[RUC]")) {
            throw new IllegalArgumentException(dim);
        }
        // a row of the totals counts for to's running sums (+1), for those of the day before from (-1 on landed), or both
        String atTo = "((grain = 'Y' and period < :yTo) or (grain = 'M' and period >= :yTo and period < :mTo))";
        String atFrom = "((grain = 'Y' and period < :yFrom) or (grain = 'M' and period >= :yFrom and period < :mFrom))";
        return """
                with kept as (
                    select key_id, case when %2$s then 1 else 0 end as t, case when %3$s then 1 else 0 end as f,
                           alive_n, alive_inv, reached_n, reached_inv, landed_n, landed_inv
                    from report_totals
                    where dim = '%1$s' and region_code between :rf and :rt and (%2$s or %3$s)
                )
                select key_id, sum(p_n) as p_n, sum(p_inv) as p_inv, sum(r_n) as r_n, sum(r_inv) as r_inv,
                       sum(l_n) as l_n, sum(l_inv) as l_inv
                from (
                    select key_id, t * alive_n - f * landed_n as p_n, t * alive_inv - f * landed_inv as p_inv,
                           t * reached_n - f * landed_n as r_n, t * reached_inv - f * landed_inv as r_inv,
                           t * landed_n - f * landed_n as l_n, t * landed_inv - f * landed_inv as l_inv
                    from kept
                    union all
                    select key_id, sum(dp), sum(dp * inv), sum(dr), sum(dr * inv), sum(dl), sum(dl * inv)
                    from (%4$s) ledger
                    group by key_id
                ) steps
                group by key_id
                """.formatted(dim, atTo, atFrom, ledger(key, "", "p.investment as inv", "inv", from, to));
    }

    private static final String EVENT_POPULATION = " and p.event_id is not null and p.signed_on is not null";

    private static final String EVENT_AMOUNTS = "p.investment as inv, coalesce(p.foreign_investment, 0) as fi,"
            + " coalesce(p.utilized_foreign_capital, 0) as ufc, p.on_stage as on_stage";

    /** Over the projects that name an event and have a signing date: the pool's part signed by {@code to}. */
    public static String events(LocalDate from, LocalDate to) {
        return """
                with kept as (
                    select event_id as key_id,
                           case when ((grain = 'Y' and period < :yTo) or (grain = 'M' and period >= :yTo and period < :mTo))
                                then 1 else 0 end as t,
                           case when ((grain = 'Y' and period < :yFrom) or (grain = 'M' and period >= :yFrom and period < :mFrom))
                                then 1 else 0 end as f,
                           reached_n, reached_inv, reached_fi, reached_ufc, landed_n, landed_inv, landed_fi, landed_ufc,
                           stage_reached_n, stage_reached_inv, stage_reached_fi, stage_reached_ufc, stage_landed_n,
                           stage_landed_inv, stage_landed_fi, stage_landed_ufc
                    from report_event_totals
                    where region_code between :rf and :rt
                      and (((grain = 'Y' and period < :yTo) or (grain = 'M' and period >= :yTo and period < :mTo))
                        or ((grain = 'Y' and period < :yFrom) or (grain = 'M' and period >= :yFrom and period < :mFrom)))
                ), steps as (
                    select key_id, t * reached_n - f * landed_n as n, t * reached_inv - f * landed_inv as inv,
                           t * reached_fi - f * landed_fi as fi, t * reached_ufc - f * landed_ufc as ufc,
                           t * stage_reached_n - f * stage_landed_n as s_n, t * stage_reached_inv - f * stage_landed_inv as s_inv,
                           t * stage_reached_fi - f * stage_landed_fi as s_fi, t * stage_reached_ufc - f * stage_landed_ufc as s_ufc
                    from kept
                    union all
                    -- the pool's part signed by to is counted like "reached": dr of the ledger's rows
                    select key_id, dr, dr * inv, dr * fi, dr * ufc, case when on_stage then dr else 0 end,
                           case when on_stage then dr * inv else 0 end, case when on_stage then dr * fi else 0 end,
                           case when on_stage then dr * ufc else 0 end
                    from (%s) ledger
                ), k as (
                    select key_id, sum(n) as n, sum(inv) as inv, sum(fi) as fi, sum(ufc) as ufc, sum(s_n) as s_n,
                           sum(s_inv) as s_inv, sum(s_fi) as s_fi, sum(s_ufc) as s_ufc
                    from steps
                    group by key_id
                )
                select e.name, k.n, k.inv, k.fi, k.ufc, k.s_n, k.s_inv, k.s_fi, k.s_ufc
                from k join signing_event e on e.id = k.key_id
                where k.n > 0
                order by k.inv desc, e.name, e.id""".formatted(ledger("p.event_id", EVENT_POPULATION, EVENT_AMOUNTS, "inv, fi, ufc, on_stage", from, to));
    }
}
