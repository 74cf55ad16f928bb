-- Four of V11's five list indexes (by code, name, investment and stage) move from the project table to a table of their
-- own, project_list, which an import fills after it commits; the fifth, by contact date (the list's default order, and
-- the region range that the reports, the funnel and the master data pages read), stays on project.
--
-- Why (docs/benchmarks.md, "Session 14"): in a 100,000-row import into 1,000,000 projects, PostgreSQL's one backend is the
-- bottleneck while the application waits, and the five list indexes took about 5 s of it (an import into a copy without
-- them: 18.5-19.9 s against 23.9-25.0 s with them, in turn on the same machine). Each of the 97,163 new projects goes
-- into each index at a random place: a descent, a page first written since the last checkpoint (a full-page image in
-- the WAL), often a split.
--
-- Now an import's new projects go to project_list_inbox (their listing columns; one index, on the region, whose 84
-- values make its inserts cheap), and project_list_merge moves them into project_list after commit, in batches
-- (SearchIndexMerge in the application, as for V27's name search). The list reads project_listed, both tables together,
-- so every page is exact at every moment, before, during and after the merge. Every other change reaches project_list
-- in the writing transaction: an insert by a writer that has not deferred it, a change of a listed column (also of a
-- row still in the inbox), a delete (from the inbox as well), a truncate.

create table project_list (
    id          bigint         primary key,   -- the project's; no foreign key: kept by the triggers below
    code        text           not null,
    region_code char(6)        not null,
    name        text           not null,
    investment  numeric(16, 2) not null,
    stage       text           not null,
    chain_id    bigint,
    key_project boolean        not null
);
create table project_list_inbox (like project_list);
create index project_list_inbox_region on project_list_inbox (region_code);
-- an update or delete finds its rows by id (an import's own updates, while its new rows wait): new ids only grow, so
-- their entries are appended
create index project_list_inbox_id on project_list_inbox (id);

drop index project_list_code, project_list_name, project_list_investment, project_list_stage;

-- What the list reads: the merged rows and those waiting. The planner merges an index scan of the first with the
-- (small, usually empty) second, sorted.
create view project_listed as
select id, code, region_code, name, investment, stage, chain_id, key_project from project_list
union all
select id, code, region_code, name, investment, stage, chain_id, key_project from project_list_inbox;

-- A writer that merges after commit says so for its transaction with V27's SET LOCAL zhaoshang.names_by_writer = 'on'
-- (the project import): its new rows wait in this inbox as their names wait in V27's.
create function project_list_inserted() returns trigger language plpgsql as $$
begin
    if name_search_deferred() then
        insert into project_list_inbox (id, code, region_code, name, investment, stage, chain_id, key_project)
        select id, code, region_code, name, investment, stage, chain_id, key_project from new_rows;
    else
        insert into project_list (id, code, region_code, name, investment, stage, chain_id, key_project)
        select id, code, region_code, name, investment, stage, chain_id, key_project from new_rows;
    end if;
    return null;
end $$;

-- A changed listed column is written at once, wherever the row is (merged or waiting); a deleted row leaves both. The
-- audit trail's chain lock orders these with a merge, which takes it first, so that a merge never puts back older
-- values or the row of a project deleted meanwhile. The ids are read into an array first, so that the rows are found
-- through the primary key whatever the planner guesses of a transition table's size (a hash join reading the whole
-- list table took 50 ms per chunk of an import's updates).
create function project_list_updated() returns trigger language plpgsql as $$
declare
    changed bigint[];
begin
    changed := array(select n.id from new_rows n join old_rows o on o.id = n.id
                     where (n.code, n.region_code, n.name, n.investment, n.stage, n.chain_id, n.key_project)
                           is distinct from (o.code, o.region_code, o.name, o.investment, o.stage, o.chain_id, o.key_project)
                     order by 1);
    if cardinality(changed) = 0 then
        return null;
    end if;
    perform pg_advisory_xact_lock(25412193344571732);
    update project_list l
    set code = n.code, region_code = n.region_code, name = n.name, investment = n.investment, stage = n.stage,
        chain_id = n.chain_id, key_project = n.key_project
    from new_rows n
    where l.id = any(changed) and l.id = n.id;
    update project_list_inbox i
    set code = n.code, region_code = n.region_code, name = n.name, investment = n.investment, stage = n.stage,
        chain_id = n.chain_id, key_project = n.key_project
    from new_rows n
    where i.id = any(changed) and i.id = n.id;
    return null;
end $$;

create function project_list_deleted() returns trigger language plpgsql as $$
declare
    gone bigint[];
begin
    gone := array(select id from old_rows order by 1);
    perform pg_advisory_xact_lock(25412193344571732);
    delete from project_list where id = any(gone);
    delete from project_list_inbox where id = any(gone);
    return null;
end $$;

-- The chain lock before the tables' locks: a merge holds it while it writes them, so a truncate that locked them first
-- and then waited for the lock (the generator's rebuild takes it) would wait on a merge that waits on it
create function project_list_truncated() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    truncate project_list, project_list_inbox;
    return null;
end $$;

-- V27's truncate triggers take it first too, for the same reason
create or replace function project_name_search_truncated() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    truncate project_name_search;
    delete from name_search_inbox where kind = 'P';
    return null;
end $$;

create or replace function enterprise_name_search_truncated() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    truncate enterprise_name_search;
    delete from name_search_inbox where kind = 'E';
    return null;
end $$;

create trigger project_list_insert after insert on project referencing new table as new_rows
    for each statement execute function project_list_inserted();
create trigger project_list_update after update on project referencing old table as old_rows new table as new_rows
    for each statement execute function project_list_updated();
create trigger project_list_delete after delete on project referencing old table as old_rows
    for each statement execute function project_list_deleted();
create trigger project_list_truncate after truncate on project
    for each statement execute function project_list_truncated();

-- Moves up to `batch` rows of the inbox into project_list, in one transaction; returns the rows it took (the caller
-- calls again until none are left). The chain lock first, as name_search_merge does: no listed column changes
-- meanwhile, and two merges do not take the same rows. Each row costs four index entries, so the batches are smaller
-- than the name search's (SearchIndexMerge.LIST_BATCH), to hold the lock that every audited write takes briefly.
create function project_list_merge(batch int) returns bigint language plpgsql as $$
declare
    taken bigint;
begin
    perform pg_advisory_xact_lock(25412193344571732);
    with moved as (
        delete from project_list_inbox
        where ctid = any(array(select ctid from project_list_inbox limit batch))
        returning id, code, region_code, name, investment, stage, chain_id, key_project
    ), merged as (
        insert into project_list as l (id, code, region_code, name, investment, stage, chain_id, key_project)
        select distinct on (id) id, code, region_code, name, investment, stage, chain_id, key_project from moved order by id
        on conflict (id) do update set code = excluded.code, region_code = excluded.region_code, name = excluded.name,
            investment = excluded.investment, stage = excluded.stage, chain_id = excluded.chain_id,
            key_project = excluded.key_project
        returning 1
    )
    select count(*) from moved into taken;
    return taken;
end $$;

-- The table made from the projects, its indexes (V11's definitions) built after: below, and by the generator, which
-- loads with the insert trigger off.
create function project_list_rebuild() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    truncate project_list, project_list_inbox;
    drop index if exists project_list_name, project_list_investment, project_list_stage, project_list_code;
    insert into project_list (id, code, region_code, name, investment, stage, chain_id, key_project)
    select id, code, region_code, name, investment, stage, chain_id, key_project from project;
    create index project_list_name on project_list (region_code, name desc, code) include (id, chain_id, stage, key_project);
    create index project_list_investment on project_list (region_code, investment desc, code) include (id, chain_id, stage, key_project);
    create index project_list_stage on project_list (region_code, stage desc, code) include (id, chain_id, key_project);
    create index project_list_code on project_list (region_code, code) include (id, chain_id, stage, key_project);
    analyze project_list;
end $$;

set local maintenance_work_mem = '256MB';
select project_list_rebuild();
analyze project_list_inbox;
