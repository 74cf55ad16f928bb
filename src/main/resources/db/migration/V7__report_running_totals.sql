-- Running totals behind the reports (CONTRACT.md §4), so a province's report reads a few thousand rows instead of its
-- whole pool. The ledger (project) stays the one source of truth: these tables are derived from it, kept current by
-- the triggers below in the writing transaction itself, and can be rebuilt from it at any time (report_delta_rebuild()).
--
-- The arithmetic (docs/benchmarks.md, "Running totals"): write c contacted, s signed, L landed (landed_eff), t
-- terminated, S = coalesce(s, L). With c <= s <= L and c <= t (checked below), three counters of a day d,
--     alive(d)   = c <= d and not t <= d
--     reached(d) = S <= d and not t <= d
--     landed(d)  = L <= d and not t <= d,
-- each a running sum of +1/-1 steps: alive +1 on c, -1 on t; reached +1 on S, -1 on greatest(S, t); landed +1 on L,
-- -1 on greatest(L, t). The pool of (from, to) and its stages are then
--     pool    = alive(to)   - landed(from - 1) + X
--     reached = reached(to) - landed(from - 1) + X      (SIGNED = reached - LANDED, LEAD = pool - reached)
--     LANDED  = landed(to)  - landed(from - 1) + X
-- where X counts the projects that landed before from and were terminated between from and to: few, read from the
-- ledger. The events report uses the same counters over the projects that name an
-- event and have a signing date (there S = s).
--
-- A running sum up to a day is read as whole years + whole months of its year + the days of its month: the steps are
-- kept per year and per month (grain Y, M) for each region (dim R), each region and unit (U), each region and chain (C)
-- in report_delta, and for each region and event in report_event_delta; the days of the last month come from the
-- ledger itself (the projects with a step in them). A month's rows are shared by all the projects of a unit, so an
-- import of thousands of projects touches a few thousand rows.

-- The date order the import and the forms already enforce (CONTRACT.md §3), now also a fact the totals can rely on.
alter table project add constraint project_dates_in_order check (
    (signed_on is null or signed_on >= contacted_on)
    and (terminated_on is null or terminated_on >= contacted_on)
    and (coalesce(landed_on, started_on, completed_on) is null
         or coalesce(landed_on, started_on, completed_on) >= coalesce(signed_on, contacted_on)));

-- Amounts are sums of numeric(16, 2) values in 万元: unconstrained numeric, so no sum can overflow.
create table report_delta (
    dim         char(1) not null check (dim in ('R', 'U', 'C')),
    grain       char(1) not null check (grain in ('Y', 'M')),
    period      date    not null,
    region_code char(6) not null,
    key_id      bigint  not null, -- unit or chain id; 0 for none, and for the region as a whole (R)
    alive_n     bigint  not null,
    alive_inv   numeric not null,
    reached_n   bigint  not null,
    reached_inv numeric not null,
    landed_n    bigint  not null,
    landed_inv  numeric not null,
    primary key (dim, grain, region_code, key_id, period)
) with (fillfactor = 70); -- room on each page, so that adding to a row is a HOT update that touches no index
-- A prefecture or province reads a few periods of many regions: period before region.
create index report_delta_period on report_delta (dim, grain, period, region_code);

-- The events report's totals: over the projects that name an event and have a signing date, the reached (signed)
-- and landed counters with investment, foreign investment and utilized foreign capital, and the same for the projects
-- signed on stage.
create table report_event_delta (
    grain             char(1) not null check (grain in ('Y', 'M')),
    period            date    not null,
    region_code       char(6) not null,
    event_id          bigint  not null,
    reached_n         bigint  not null,
    reached_inv       numeric not null,
    reached_fi        numeric not null,
    reached_ufc       numeric not null,
    landed_n          bigint  not null,
    landed_inv        numeric not null,
    landed_fi         numeric not null,
    landed_ufc        numeric not null,
    stage_reached_n   bigint  not null,
    stage_reached_inv numeric not null,
    stage_reached_fi  numeric not null,
    stage_reached_ufc numeric not null,
    stage_landed_n    bigint  not null,
    stage_landed_inv  numeric not null,
    stage_landed_fi   numeric not null,
    stage_landed_ufc  numeric not null,
    primary key (grain, region_code, event_id, period)
) with (fillfactor = 70);
create index report_event_delta_period on report_event_delta (grain, period, region_code);

-- The days of a period's first and last month are read from the ledger (see RunningTotals): the projects with a step
-- in those days, found by the day of each kind of step (contacts through V1's project_region_contacted and V4's
-- project_list_order).
create index project_terminated_day on project (terminated_on, region_code) where terminated_on is not null;
create index project_reached_day on project ((coalesce(signed_on, landed_eff)), region_code)
    where coalesce(signed_on, landed_eff) is not null;
create index project_landed_day on project (landed_eff, region_code) where landed_eff is not null;

-- Projects changed by UPDATE in a transaction, -1 for the old state and +1 for the new one, folded into report_delta
-- once at commit and deleted in the same transaction.
create table report_pending (
    id                       bigserial primary key,
    sign                     smallint       not null,
    region_code              char(6)        not null,
    unit_id                  bigint,
    chain_id                 bigint,
    event_id                 bigint,
    investment               numeric(16, 2) not null,
    foreign_investment       numeric(16, 2),
    utilized_foreign_capital numeric(16, 2),
    on_stage                 boolean        not null,
    contacted_on             date           not null,
    signed_on                date,
    landed_eff               date,
    terminated_on            date
);

-- The statement that folds a set of signed project states (a query with the columns of report_pending but id) into
-- report_delta and report_event_delta: the steps of each project, summed per month and per year. Amounts are summed
-- in fen as bigint (PostgreSQL sums bigint exactly, in 128 bits, to numeric), many times faster than numeric sums.
create function report_fold_sql(source text) returns text language sql as $fn$
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
    -- summed once per region, unit, chain, month and year; the units', chains' and regions' rows are sums of these
    cells as (
        select s.region_code, s.unit_key, s.chain_key, g.grain, g.period, sum(s.a) as a, sum(s.a * s.inv) as inv_a,
               sum(s.r) as r, sum(s.r * s.inv) as inv_r, sum(s.l) as l, sum(s.l * s.inv) as inv_l
        from steps s
        cross join lateral (values ('M', date_trunc('month', s.day)::date), ('Y', date_trunc('year', s.day)::date)) g(grain, period)
        group by s.region_code, s.unit_key, s.chain_key, g.grain, g.period
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
        order by g.grain, s.region_code, s.event_id, g.period
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
    insert into report_delta as d (dim, grain, period, region_code, key_id, alive_n, alive_inv, reached_n, reached_inv,
                                   landed_n, landed_inv)
    select dim, grain, period, region_code, key_id, a, inv_a * 0.01, r, inv_r * 0.01, l, inv_l * 0.01
    from (
        select 'U' as dim, grain, period, region_code, unit_key as key_id, sum(a) as a, sum(inv_a) as inv_a,
               sum(r) as r, sum(inv_r) as inv_r, sum(l) as l, sum(inv_l) as inv_l
        from cells
        group by grain, period, region_code, unit_key
        union all
        select 'C', grain, period, region_code, chain_key, sum(a), sum(inv_a), sum(r), sum(inv_r), sum(l), sum(inv_l)
        from cells
        group by grain, period, region_code, chain_key
        union all
        -- the region as a whole (the summary)
        select 'R', grain, period, region_code, 0, sum(a), sum(inv_a), sum(r), sum(inv_r), sum(l), sum(inv_l)
        from cells
        group by grain, period, region_code
    ) folded
    -- one order for every writer, so concurrent folds lock shared rows in the same order and never deadlock
    order by dim, grain, region_code, key_id, period
    on conflict (dim, grain, region_code, key_id, period) do update set
        alive_n = d.alive_n + excluded.alive_n, alive_inv = d.alive_inv + excluded.alive_inv,
        reached_n = d.reached_n + excluded.reached_n, reached_inv = d.reached_inv + excluded.reached_inv,
        landed_n = d.landed_n + excluded.landed_n, landed_inv = d.landed_inv + excluded.landed_inv
    $q$, source)
$fn$;

create function report_fold(upto bigint) returns void language plpgsql as $$
begin
    execute report_fold_sql(format('delete from report_pending where id <= %s returning *', upto));
end $$;

-- Fires at commit for each pending row; the first firing folds every pending row of the transaction and remembers the
-- last id it took (transaction-local), so the other firings return at once. Rows added later in the transaction (after
-- SET CONSTRAINTS ... IMMEDIATE) have larger ids and are folded by their own firing.
create function report_pending_fold() returns trigger language plpgsql as $$
declare
    folded bigint := coalesce(nullif(current_setting('zhaoshang.report_folded', true), '')::bigint, 0);
    upto bigint;
begin
    if new.id <= folded then
        return null;
    end if;
    select max(id) into upto from report_pending;
    if upto is null then
        return null;
    end if;
    -- every writer of the ledger also writes the audit trail and takes its chain lock (AuditTrail.CHAIN_LOCK) until
    -- commit; taking the same lock before touching report_delta leaves one lock order and no deadlock
    perform pg_advisory_xact_lock(25412193344571732);
    perform report_fold(upto);
    perform set_config('zhaoshang.report_folded', upto::text, true);
    return null;
end $$;

create constraint trigger report_pending_fold after insert on report_pending
    deferrable initially deferred for each row execute function report_pending_fold();

-- Inserts and deletes come in statements of many rows (an import's COPY of 5,000): folded at once, per statement.
create function report_fold_inserted() returns trigger language plpgsql as $$
begin
    -- the audit trail's chain lock, as in report_pending_fold
    perform pg_advisory_xact_lock(25412193344571732);
    execute report_fold_sql('select 1 as sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
        utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on from new_rows');
    return null;
end $$;

create function report_fold_deleted() returns trigger language plpgsql as $$
begin
    -- the audit trail's chain lock, as in report_pending_fold
    perform pg_advisory_xact_lock(25412193344571732);
    execute report_fold_sql('select -1 as sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
        utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on from old_rows');
    return null;
end $$;

-- Updates come one statement per project (an import's changed rows, a form): queued, and folded once at commit.

create function report_pending_changed() returns trigger language plpgsql as $$
begin
    insert into report_pending (sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
                                utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on)
    values (-1, old.region_code, old.unit_id, old.chain_id, old.event_id, old.investment, old.foreign_investment,
            old.utilized_foreign_capital, old.on_stage, old.contacted_on, old.signed_on, old.landed_eff, old.terminated_on),
           (1, new.region_code, new.unit_id, new.chain_id, new.event_id, new.investment, new.foreign_investment,
            new.utilized_foreign_capital, new.on_stage, new.contacted_on, new.signed_on, new.landed_eff, new.terminated_on);
    return null;
end $$;

create function report_delta_truncate() returns trigger language plpgsql as $$
begin
    truncate report_delta, report_event_delta, report_pending;
    return null;
end $$;

create trigger project_report_insert after insert on project
    referencing new table as new_rows for each statement execute function report_fold_inserted();
create trigger project_report_delete after delete on project
    referencing old table as old_rows for each statement execute function report_fold_deleted();
create trigger project_report_update after update on project for each row
    when ((old.region_code, old.unit_id, old.chain_id, old.event_id, old.investment, old.foreign_investment,
           old.utilized_foreign_capital, old.on_stage, old.contacted_on, old.signed_on, old.landed_eff, old.terminated_on)
          is distinct from
          (new.region_code, new.unit_id, new.chain_id, new.event_id, new.investment, new.foreign_investment,
           new.utilized_foreign_capital, new.on_stage, new.contacted_on, new.signed_on, new.landed_eff, new.terminated_on))
    execute function report_pending_changed();
create trigger project_report_truncate after truncate on project
    for each statement execute function report_delta_truncate();

-- Rebuilds the running totals from the ledger (after a restore, or to check them: the result must equal what the
-- triggers kept). Runs in the caller's transaction.
create function report_delta_rebuild() returns void language plpgsql as $$
begin
    lock table project in share mode;
    perform pg_advisory_xact_lock(25412193344571732); -- the audit trail's chain lock, as in report_pending_fold
    truncate report_delta, report_event_delta;
    set local work_mem = '256MB';
    execute report_fold_sql('select 1 as sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
        utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on from project');
end $$;

-- Projects that exist before this migration.
select report_delta_rebuild();
