-- V24's merge of an import's cells into the running totals, in batches: report_inbox_merge(batch) moves up to `batch`
-- rows of the inboxes (those of report_delta_inbox first) in one transaction and returns how many it moved; the caller
-- (TotalsInbox) calls again until fewer come back.
--
-- Why: the merge holds the audit trail's chain lock, which every audited write takes, for its whole transaction. After
-- a 100,000-row import that was 4.3 s (234,111 cells) in which no form could be saved (docs/benchmarks.md, "Session 13").
-- Each batch moves its rows from the inbox to the totals at once, so the figures (the views report_totals and
-- report_event_totals) are the same after every batch. It replaces V24's report_inbox_merge(), dropped below, so that
-- one body of the merge is left.

drop function report_inbox_merge();

create function report_inbox_merge(batch int) returns bigint language plpgsql as $$
declare
    cells bigint;
    event_cells bigint;
begin
    -- the audit trail's chain lock, as in report_pending_fold: one lock order with every other writer of the totals
    perform pg_advisory_xact_lock(25412193344571732);
    perform set_config('zhaoshang.report_version_raised_n', 'on', true);
    with moved as (
        delete from report_delta_inbox where ctid = any(array(select ctid from report_delta_inbox limit batch)) returning *
    ),
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
    if cells >= batch then
        return cells;
    end if;
    with moved as (
        delete from report_event_delta_inbox
        where ctid = any(array(select ctid from report_event_delta_inbox limit batch - cells)) returning *
    ),
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
