-- An import's share of the running totals (V7) is summed by the application and written as plain rows to an inbox, which
-- is merged into the totals after the import commits. The reports read the totals and the inbox alike (the views
-- below), so every figure is exact at every moment: before the merge the import's cells are counted from the inbox,
-- after it from the totals, and the merge changes no sum.
--
-- Why (docs/benchmarks.md, "Session 12"): a 100,000-row import into 1,000,000 projects spent 4.6 s of its transaction
-- in the per-chunk folds (V7's report_fold_inserted, 20 statements of 5,000 projects, each summing and upserting about
-- 36,000 cells) out of its 19-20 s of writing, with PostgreSQL's one backend the bottleneck, and 0.65 s at commit in
-- the fold of its 2,837 changed projects. The application has every value it writes in hand: it sums the 97,163 new
-- projects (and the changed ones' old and new values) into 234,111 cells while PostgreSQL copies, and one COPY writes
-- them (no index, no conflict to check). The upsert into report_delta (2.6 s for those cells; the merge with the
-- inbox's delete 4.3 s) runs after commit, in its own transaction, while the import has already answered.
--
-- Other writers are unchanged: forms, edits and deletes still fold in their own transaction.

create table report_delta_inbox (like report_delta);
create table report_event_delta_inbox (like report_event_delta);

-- What the reports read: the totals and the cells not merged yet. Sums of both are the figures (every reader sums per
-- key, so a key may appear in both).
create view report_totals as
    select * from report_delta
    union all
    select * from report_delta_inbox;
create view report_event_totals as
    select * from report_event_delta
    union all
    select * from report_event_delta_inbox;

-- A new cell in the inbox changes the figures as a new total would.
create trigger report_delta_inbox_version after insert or update or delete or truncate on report_delta_inbox
    for each statement execute function report_version_raise();
create trigger report_event_delta_inbox_version after insert or update or delete or truncate on report_event_delta_inbox
    for each statement execute function report_version_raise();

-- A writer that writes the totals of the projects it inserts and updates itself (into the inbox) says so for its
-- transaction: SET LOCAL zhaoshang.totals_by_writer = 'on'. Its inserts and updates are then not folded here (V13's and
-- V7's bodies otherwise). The import's update names the counted values it read and applies only where the row still
-- holds them (ProjectStore), so the old values it takes out of the totals are the row's. Deletes are always folded here.
create or replace function report_fold_inserted() returns trigger language plpgsql as $$
begin
    if current_setting('zhaoshang.totals_by_writer', true) = 'on' then
        return null;
    end if;
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

create or replace function report_pending_changed() returns trigger language plpgsql as $$
begin
    if current_setting('zhaoshang.totals_by_writer', true) = 'on' then
        return null;
    end if;
    insert into report_pending (sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
                                utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on)
    values (-1, old.region_code, old.unit_id, old.chain_id, old.event_id, old.investment, old.foreign_investment,
            old.utilized_foreign_capital, old.on_stage, old.contacted_on, old.signed_on, old.landed_eff, old.terminated_on),
           (1, new.region_code, new.unit_id, new.chain_id, new.event_id, new.investment, new.foreign_investment,
            new.utilized_foreign_capital, new.on_stage, new.contacted_on, new.signed_on, new.landed_eff, new.terminated_on);
    return null;
end $$;

-- Moves every cell of the inbox into the totals, summed per key; returns how many inbox rows it took. The figures do
-- not change, so the reports' version is not raised (their kept answers stay right).
create function report_inbox_merge() returns bigint language plpgsql as $$
declare
    cells bigint;
    event_cells bigint;
begin
    -- the audit trail's chain lock, as in report_pending_fold: one lock order with every other writer of the totals
    perform pg_advisory_xact_lock(25412193344571732);
    perform set_config('zhaoshang.report_version_raised_n', 'on', true);
    with moved as (delete from report_delta_inbox returning *),
    summed as (
        insert into report_delta as d (dim, grain, period, region_code, key_id, alive_n, alive_inv, reached_n, reached_inv,
                                       landed_n, landed_inv)
        select dim, grain, period, region_code, key_id, sum(alive_n), sum(alive_inv), sum(reached_n), sum(reached_inv),
               sum(landed_n), sum(landed_inv)
        from moved
        group by dim, grain, region_code, key_id, period
        on conflict (dim, grain, region_code, key_id, period) do update set
            alive_n = d.alive_n + excluded.alive_n, alive_inv = d.alive_inv + excluded.alive_inv,
            reached_n = d.reached_n + excluded.reached_n, reached_inv = d.reached_inv + excluded.reached_inv,
            landed_n = d.landed_n + excluded.landed_n, landed_inv = d.landed_inv + excluded.landed_inv
    )
    select count(*) into cells from moved;
    with moved as (delete from report_event_delta_inbox returning *),
    summed as (
        insert into report_event_delta as d (grain, period, region_code, event_id, reached_n, reached_inv, reached_fi,
                                             reached_ufc, landed_n, landed_inv, landed_fi, landed_ufc, stage_reached_n,
                                             stage_reached_inv, stage_reached_fi, stage_reached_ufc, stage_landed_n,
                                             stage_landed_inv, stage_landed_fi, stage_landed_ufc)
        select grain, period, region_code, event_id, sum(reached_n), sum(reached_inv), sum(reached_fi), sum(reached_ufc),
               sum(landed_n), sum(landed_inv), sum(landed_fi), sum(landed_ufc), sum(stage_reached_n),
               sum(stage_reached_inv), sum(stage_reached_fi), sum(stage_reached_ufc), sum(stage_landed_n),
               sum(stage_landed_inv), sum(stage_landed_fi), sum(stage_landed_ufc)
        from moved
        group by grain, region_code, event_id, period
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
    select count(*) into event_cells from moved;
    return cells + event_cells;
end $$;

-- A truncate of the ledger and a rebuild empty the inbox with the totals (V7's bodies otherwise).
create or replace function report_delta_truncate() returns trigger language plpgsql as $$
begin
    truncate report_delta, report_event_delta, report_pending, report_delta_inbox, report_event_delta_inbox;
    return null;
end $$;

create or replace function report_delta_rebuild() returns void language plpgsql as $$
begin
    lock table project in share mode;
    perform pg_advisory_xact_lock(25412193344571732); -- the audit trail's chain lock, as in report_pending_fold
    truncate report_delta, report_event_delta, report_delta_inbox, report_event_delta_inbox;
    set local work_mem = '256MB';
    execute report_fold_sql('select 1 as sign, region_code, unit_id, chain_id, event_id, investment, foreign_investment,
        utilized_foreign_capital, on_stage, contacted_on, signed_on, landed_eff, terminated_on from project');
end $$;
