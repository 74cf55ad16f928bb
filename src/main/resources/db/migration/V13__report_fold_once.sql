-- Two changes to how a write folds into the running totals of V7, both found by timing a 20,000-project import
-- (docs/benchmarks.md, "The import's running totals"):
--
-- 1. report_fold_sql sums the steps per unit, per chain and per region in one pass (GROUPING SETS) instead of three
--    aggregates over a materialized CTE, and writes them in the order the aggregate gives. Every fold holds the audit
--    trail's chain lock (pg_advisory_xact_lock(25412193344571732)) before it touches a total, so folds never run
--    side by side and need no common row order to avoid deadlocks; the sort that gave one cost as much as the sums.
--    5,000 projects over 84 counties and ten years: 1.0 s before, 0.7 s after (EXPLAIN ANALYZE).
--
-- 2. A transaction that inserts many statements' worth of projects (an import's COPY of 5,000 rows per chunk) may ask
--    for one fold at commit instead of one per statement: SET LOCAL zhaoshang.fold_at_commit = 'on'. The inserted rows
--    then go to report_pending, which V7's deferred trigger folds at commit with the updates. A cell that several
--    chunks touch (a unit's month) is written once instead of once per chunk. Without the setting nothing changes.

create or replace function report_fold_sql(source text) returns text language sql as $fn$
    select format($q$
    with src as (%s),
    -- one row per step of a project
    steps as (
        select m.region_code, coalesce(m.unit_id, 0) as unit_key, coalesce(m.chain_id, 0) as chain_key, e.day,
               m.sign * e.a as a, m.sign * e.r as r, m.sign * e.l as l, (m.investment * 100)::bigint as inv
        from src m
        cross join lateral (values
            (m.contacted_on, 1, 0, 0),
            (m.terminated_on, -1, 0, 0),
            (coalesce(m.signed_on, m.landed_eff), 0, 1, 0),
            (case when m.terminated_on is not null and coalesce(m.signed_on, m.landed_eff) is not null
                  then greatest(coalesce(m.signed_on, m.landed_eff), m.terminated_on) end, 0, -1, 0),
            (m.landed_eff, 0, 0, 1),
            (case when m.terminated_on is not null and m.landed_eff is not null
                  then greatest(m.landed_eff, m.terminated_on) end, 0, 0, -1)) e(day, a, r, l)
        where e.day is not null
    ),
    -- events: the projects that name one and have a signing date (their S is s)
    event_steps as (
        select m.event_id, m.region_code, e.day, m.sign * e.r as r, m.sign * e.l as l,
               (m.investment * 100)::bigint as inv, (coalesce(m.foreign_investment, 0) * 100)::bigint as fi,
               (coalesce(m.utilized_foreign_capital, 0) * 100)::bigint as ufc, m.on_stage
        from src m
        cross join lateral (values
            (m.signed_on, 1, 0),
            (case when m.terminated_on is not null then greatest(m.signed_on, m.terminated_on) end, -1, 0),
            (m.landed_eff, 0, 1),
            (case when m.terminated_on is not null and m.landed_eff is not null
                  then greatest(m.landed_eff, m.terminated_on) end, 0, -1)) e(day, r, l)
        where m.event_id is not null and m.signed_on is not null and e.day is not null
    ),
    events_folded as (
        insert into report_event_delta as d (grain, period, region_code, event_id, reached_n, reached_inv, reached_fi,
                                             reached_ufc, landed_n, landed_inv, landed_fi, landed_ufc, stage_reached_n,
                                             stage_reached_inv, stage_reached_fi, stage_reached_ufc, stage_landed_n,
                                             stage_landed_inv, stage_landed_fi, stage_landed_ufc)
        select g.grain, g.period, s.region_code, s.event_id,
               sum(s.r), sum(s.r * s.inv) * 0.01, sum(s.r * s.fi) * 0.01, sum(s.r * s.ufc) * 0.01,
               sum(s.l), sum(s.l * s.inv) * 0.01, sum(s.l * s.fi) * 0.01, sum(s.l * s.ufc) * 0.01,
               coalesce(sum(s.r) filter (where s.on_stage), 0), coalesce(sum(s.r * s.inv) filter (where s.on_stage), 0) * 0.01,
               coalesce(sum(s.r * s.fi) filter (where s.on_stage), 0) * 0.01,
               coalesce(sum(s.r * s.ufc) filter (where s.on_stage), 0) * 0.01,
               coalesce(sum(s.l) filter (where s.on_stage), 0), coalesce(sum(s.l * s.inv) filter (where s.on_stage), 0) * 0.01,
               coalesce(sum(s.l * s.fi) filter (where s.on_stage), 0) * 0.01,
               coalesce(sum(s.l * s.ufc) filter (where s.on_stage), 0) * 0.01
        from event_steps s
        cross join lateral (values ('M', date_trunc('month', s.day)::date), ('Y', date_trunc('year', s.day)::date)) g(grain, period)
        group by g.grain, g.period, s.region_code, s.event_id
        on conflict (grain, region_code, event_id, period) do update set
            reached_n = d.reached_n + excluded.reached_n, reached_inv = d.reached_inv + excluded.reached_inv,
            reached_fi = d.reached_fi + excluded.reached_fi, reached_ufc = d.reached_ufc + excluded.reached_ufc,
            landed_n = d.landed_n + excluded.landed_n, landed_inv = d.landed_inv + excluded.landed_inv,
            landed_fi = d.landed_fi + excluded.landed_fi, landed_ufc = d.landed_ufc + excluded.landed_ufc,
            stage_reached_n = d.stage_reached_n + excluded.stage_reached_n,
            stage_reached_inv = d.stage_reached_inv + excluded.stage_reached_inv,
            stage_reached_fi = d.stage_reached_fi + excluded.stage_reached_fi,
            stage_reached_ufc = d.stage_reached_ufc + excluded.stage_reached_ufc,
            stage_landed_n = d.stage_landed_n + excluded.stage_landed_n,
            stage_landed_inv = d.stage_landed_inv + excluded.stage_landed_inv,
            stage_landed_fi = d.stage_landed_fi + excluded.stage_landed_fi,
            stage_landed_ufc = d.stage_landed_ufc + excluded.stage_landed_ufc
    )
    -- summed per region and unit, per region and chain, and per region, in one pass over the steps
    insert into report_delta as d (dim, grain, period, region_code, key_id, alive_n, alive_inv, reached_n, reached_inv,
                                   landed_n, landed_inv)
    select case when grouping(s.unit_key) = 0 then 'U' when grouping(s.chain_key) = 0 then 'C' else 'R' end,
           g.grain, g.period, s.region_code, coalesce(s.unit_key, s.chain_key, 0),
           sum(s.a), sum(s.a * s.inv) * 0.01, sum(s.r), sum(s.r * s.inv) * 0.01, sum(s.l), sum(s.l * s.inv) * 0.01
    from steps s
    cross join lateral (values ('M', date_trunc('month', s.day)::date), ('Y', date_trunc('year', s.day)::date)) g(grain, period)
    group by grouping sets ((g.grain, g.period, s.region_code, s.unit_key), (g.grain, g.period, s.region_code, s.chain_key),
                            (g.grain, g.period, s.region_code))
    on conflict (dim, grain, region_code, key_id, period) do update set
        alive_n = d.alive_n + excluded.alive_n, alive_inv = d.alive_inv + excluded.alive_inv,
        reached_n = d.reached_n + excluded.reached_n, reached_inv = d.reached_inv + excluded.reached_inv,
        landed_n = d.landed_n + excluded.landed_n, landed_inv = d.landed_inv + excluded.landed_inv
    $q$, source)
$fn$;


create or replace function report_fold_inserted() returns trigger language plpgsql as $$
begin
    if current_setting('zhaoshang.fold_at_commit', true) = 'on' then
        insert into report_pending (sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
                                    utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on)
        select 1, region_code, unit_id, chain_id, event_id, investment, foreign_investment, utilized_foreign_capital,
               on_stage, contacted_on, signed_on, landed_eff, terminated_on
        from new_rows;
        return null;
    end if;
    -- the audit trail's chain lock, as in report_pending_fold
    perform pg_advisory_xact_lock(25412193344571732);
    execute report_fold_sql('select 1 as sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
        utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on from new_rows');
    return null;
end $$;
