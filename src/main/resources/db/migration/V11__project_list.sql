-- The project list at 1,000,000 projects (issue 5): its exact total and its first page, for every filter and sort.

-- The total. Counting a province's projects reads a million index entries (175 ms alone, seconds under load), and the
-- contract (CONTRACT.md §3) wants the exact figure. project_tally keeps it: the number of projects per region, stage,
-- key-project flag and chain (chain_id 0: none; -1: all chains together, so that a count without a chain filter reads
-- about a thousand rows for the whole province). Triggers add a row of differences for every statement that changes
-- projects, in the same transaction, so a count from the tally equals count(*) under any snapshot; concurrent writers
-- only insert, so they never wait for each other here. project_tally_compact() (every minute, ProjectCounts) merges
-- the rows of each key into one.
create table project_tally (
    region_code char(6) not null,
    stage       text    not null,
    key_project boolean not null,
    chain_id    bigint  not null,
    n           bigint  not null
);
create index project_tally_key on project_tally (chain_id, region_code, stage, key_project) include (n);

create function project_tally_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into project_tally (region_code, stage, key_project, chain_id, n)
        select region_code, stage, key_project, coalesce(chain_id, 0), count(*) from new_rows group by 1, 2, 3, 4
        union all
        select region_code, stage, key_project, -1, count(*) from new_rows group by 1, 2, 3;
    elsif tg_op = 'DELETE' then
        insert into project_tally (region_code, stage, key_project, chain_id, n)
        select region_code, stage, key_project, coalesce(chain_id, 0), -count(*) from old_rows group by 1, 2, 3, 4
        union all
        select region_code, stage, key_project, -1, -count(*) from old_rows group by 1, 2, 3;
    else
        -- only the keys whose count changed: an update that moves no project to another key adds nothing
        insert into project_tally (region_code, stage, key_project, chain_id, n)
        select region_code, stage, key_project, chain, sum(d) from (
            select region_code, stage, key_project, coalesce(chain_id, 0) as chain, 1 as d from new_rows
            union all
            select region_code, stage, key_project, coalesce(chain_id, 0), -1 from old_rows) x
        group by 1, 2, 3, 4 having sum(d) <> 0
        union all
        select region_code, stage, key_project, -1, sum(d) from (
            select region_code, stage, key_project, 1 as d from new_rows
            union all
            select region_code, stage, key_project, -1 from old_rows) x
        group by 1, 2, 3 having sum(d) <> 0;
    end if;
    return null;
end
$$;

create trigger project_tally_insert after insert on project
    referencing new table as new_rows for each statement execute function project_tally_change();
create trigger project_tally_update after update on project
    referencing old table as old_rows new table as new_rows for each statement execute function project_tally_change();
create trigger project_tally_delete after delete on project
    referencing old table as old_rows for each statement execute function project_tally_change();

create function project_tally_clear() returns trigger language plpgsql as $$
begin
    -- after a running compaction, whose merged rows the delete must see
    perform pg_advisory_xact_lock(7301500011);
    delete from project_tally;
    return null;
end
$$;
create trigger project_tally_truncate after truncate on project for each statement execute function project_tally_clear();

-- Merges the rows of each key into one (dropping keys that came to zero); returns the number of rows removed. Rows of
-- transactions still running are not visible, so they stay and are merged next time; readers see the rows before or
-- after, whose sums are equal.
create function project_tally_compact() returns bigint language plpgsql as $$
declare
    removed bigint;
begin
    if not pg_try_advisory_xact_lock(7301500011) then
        return 0; -- another compaction is running
    end if;
    with dup as (
        select region_code, chain_id, stage, key_project from project_tally
        group by 1, 2, 3, 4 having count(*) > 1 or sum(n) = 0),
    gone as (
        delete from project_tally t using dup
        where (t.region_code, t.chain_id, t.stage, t.key_project) = (dup.region_code, dup.chain_id, dup.stage, dup.key_project)
        returning t.*),
    merged as (
        insert into project_tally (region_code, stage, key_project, chain_id, n)
        select region_code, stage, key_project, chain_id, sum(n) from gone group by 1, 2, 3, 4 having sum(n) <> 0
        returning 1)
    select (select count(*) from gone) - (select count(*) from merged) into removed;
    return removed;
end
$$;

insert into project_tally (region_code, stage, key_project, chain_id, n)
select region_code, stage, key_project, coalesce(chain_id, 0), count(*) from project group by 1, 2, 3, 4
union all
select region_code, stage, key_project, -1, count(*) from project group by 1, 2, 3;

-- The first page. Every sort the list offers reads its first rows in order from an index instead of sorting the
-- region: per region (region_code leads), which ProjectListQuery merges over the regions of a prefecture or province.
-- Ties are broken by code in the opposite direction of the sort, so one index serves both directions. The filters'
-- columns ride along (include), so that a filtered page is found in the index alone, without reading the table.
-- 1,000,000 projects, first page of the province by chain: 90-120 ms reading the table, 18-30 ms from the index.
set local maintenance_work_mem = '256MB';
create index project_list_contacted on project (region_code, contacted_on desc, code) include (id, chain_id, stage, key_project);
create index project_list_name on project (region_code, name desc, code) include (id, chain_id, stage, key_project);
create index project_list_investment on project (region_code, investment desc, code) include (id, chain_id, stage, key_project);
create index project_list_stage on project (region_code, stage desc, code) include (id, chain_id, key_project);
create index project_list_code on project (region_code, code) include (id, chain_id, stage, key_project);
-- sorted by unit: each unit's projects in code order
create index project_unit_code on project (unit_id, code);
-- a search's matching investors to their projects in the region, from the index alone (a county's "华": 17,569
-- enterprises to look up)
create index project_investor_region on project (investor_id) include (region_code, id);

-- What these replace, so that a write maintains no more indexes than before: the list's global walk and the count's
-- narrow index (V4), the import's name lookup (now project_list_name's first columns) and the unit lookup.
drop index project_list_order;
drop index project_region;
drop index project_region_name;
drop index project_unit;
drop index project_investor;

analyze project_tally;
