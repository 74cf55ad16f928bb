-- The name search's pieces (V10) move from the project and enterprise tables to tables of their own, which an import
-- fills after it commits.
--
-- Why (docs/benchmarks.md, "Session 13"): in a 100,000-row import into 1,000,000 projects, PostgreSQL's one backend is
-- the bottleneck while the application waits, and the GIN entries of the 97,163 new projects' and 67,376 new
-- investors' names cost it about 3 s (without the two indexes the import took 16.4 s instead of 19.4 s; name_pieces
-- alone 0.9 s). Now the import's new rows go to
-- an inbox with no index (their id, region and name, taken by the triggers below from the statement's rows), which is
-- merged into the search tables after commit (name_search_merge, SearchIndexMerge in the application).
--
-- Searches stay exact at every moment: they read the search tables through the GIN indexes and the inbox by scanning
-- it (it holds one import's new rows for the seconds until its merge, nothing otherwise). Every other change is applied
-- to the search tables in the writing transaction: a name or region changed, a row deleted (from the inbox as well), a
-- table truncated; and so is every insert by a writer that has not said otherwise.

create table project_name_search (
    id          bigint  primary key,   -- the project's; no foreign key: kept by the triggers below
    region_code char(6) not null,
    name        text    not null
);
create table enterprise_name_search (
    id   bigint primary key,
    name text   not null
);
-- P: a project (its region), E: an enterprise (no region)
create table name_search_inbox (
    kind        char(1) not null check (kind in ('P', 'E')),
    id          bigint  not null,
    region_code char(6),
    name        text    not null
);

set local maintenance_work_mem = '256MB';
insert into project_name_search (id, region_code, name) select id, region_code, name from project;
insert into enterprise_name_search (id, name) select id, name from enterprise;
create index project_name_search_pieces on project_name_search using gin (name_pieces(name));
create index enterprise_name_search_pieces on enterprise_name_search using gin (name_pieces(name));
drop index project_name_pieces;
drop index enterprise_name_pieces;
analyze project_name_search;
analyze enterprise_name_search;

-- A writer that lets its new rows wait in the inbox says so for its transaction: SET LOCAL
-- zhaoshang.names_by_writer = 'on' (the project import), and has them merged after commit.
create function name_search_deferred() returns boolean language sql stable as $$
    select coalesce(current_setting('zhaoshang.names_by_writer', true), '') = 'on'
$$;

create function project_name_search_inserted() returns trigger language plpgsql as $$
begin
    if name_search_deferred() then
        insert into name_search_inbox (kind, id, region_code, name) select 'P', id, region_code, name from new_rows;
    else
        insert into project_name_search (id, region_code, name) select id, region_code, name from new_rows;
    end if;
    return null;
end $$;

-- A changed name or region is written at once, to the search table and to the inbox if the row waits there; a deleted
-- row leaves both. The audit trail's chain lock orders these with a merge (which takes it first), so that a merge never
-- puts back an older name or the row of a project deleted meanwhile.
create function project_name_search_updated() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from new_rows n join old_rows o on o.id = n.id
                   where (n.name, n.region_code) is distinct from (o.name, o.region_code)) then
        return null;
    end if;
    perform pg_advisory_xact_lock(25412193344571732);
    insert into project_name_search as s (id, region_code, name)
    select n.id, n.region_code, n.name from new_rows n join old_rows o on o.id = n.id
    where (n.name, n.region_code) is distinct from (o.name, o.region_code)
    order by n.id
    on conflict (id) do update set region_code = excluded.region_code, name = excluded.name;
    update name_search_inbox i set region_code = n.region_code, name = n.name
    from new_rows n where i.kind = 'P' and i.id = n.id and (i.region_code, i.name) is distinct from (n.region_code, n.name);
    return null;
end $$;

create function project_name_search_deleted() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    delete from project_name_search where id in (select id from old_rows);
    delete from name_search_inbox where kind = 'P' and id in (select id from old_rows);
    return null;
end $$;

create function project_name_search_truncated() returns trigger language plpgsql as $$
begin
    truncate project_name_search;
    delete from name_search_inbox where kind = 'P';
    return null;
end $$;

create trigger project_name_search_insert after insert on project referencing new table as new_rows
    for each statement execute function project_name_search_inserted();
create trigger project_name_search_update after update on project referencing old table as old_rows new table as new_rows
    for each statement execute function project_name_search_updated();
create trigger project_name_search_delete after delete on project referencing old table as old_rows
    for each statement execute function project_name_search_deleted();
create trigger project_name_search_truncate after truncate on project
    for each statement execute function project_name_search_truncated();

create function enterprise_name_search_inserted() returns trigger language plpgsql as $$
begin
    if name_search_deferred() then
        insert into name_search_inbox (kind, id, name) select 'E', id, name from new_rows;
    else
        insert into enterprise_name_search (id, name) select id, name from new_rows;
    end if;
    return null;
end $$;

create function enterprise_name_search_updated() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name) then
        return null;
    end if;
    perform pg_advisory_xact_lock(25412193344571732);
    insert into enterprise_name_search as s (id, name)
    select n.id, n.name from new_rows n join old_rows o on o.id = n.id where n.name is distinct from o.name
    order by n.id
    on conflict (id) do update set name = excluded.name;
    update name_search_inbox i set name = n.name
    from new_rows n where i.kind = 'E' and i.id = n.id and i.name is distinct from n.name;
    return null;
end $$;

create function enterprise_name_search_deleted() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    delete from enterprise_name_search where id in (select id from old_rows);
    delete from name_search_inbox where kind = 'E' and id in (select id from old_rows);
    return null;
end $$;

create function enterprise_name_search_truncated() returns trigger language plpgsql as $$
begin
    truncate enterprise_name_search;
    delete from name_search_inbox where kind = 'E';
    return null;
end $$;

create trigger enterprise_name_search_insert after insert on enterprise referencing new table as new_rows
    for each statement execute function enterprise_name_search_inserted();
create trigger enterprise_name_search_update after update on enterprise referencing old table as old_rows new table as new_rows
    for each statement execute function enterprise_name_search_updated();
create trigger enterprise_name_search_delete after delete on enterprise referencing old table as old_rows
    for each statement execute function enterprise_name_search_deleted();
create trigger enterprise_name_search_truncate after truncate on enterprise
    for each statement execute function enterprise_name_search_truncated();

-- Moves up to `batch` rows of the inbox into the search tables, in one transaction; returns the rows it took (the
-- caller calls again until none are left). The chain lock first: no name changes meanwhile (the update and delete
-- triggers take it), and two merges do not take the same rows. Every audited write takes that lock too, so a merge
-- holds it in short batches: 10,000 rows take 0.14-0.17 s, 70,000 at once 1.4 s (a 100,000-row import leaves 164,539).
create function name_search_merge(batch int) returns bigint language plpgsql as $$
declare
    taken bigint;
begin
    perform pg_advisory_xact_lock(25412193344571732);
    with moved as (
        delete from name_search_inbox
        where ctid = any(array(select ctid from name_search_inbox limit batch))
        returning kind, id, region_code, name
    ), projects as (
        insert into project_name_search as s (id, region_code, name)
        select distinct on (id) id, region_code, name from moved where kind = 'P' order by id
        on conflict (id) do update set region_code = excluded.region_code, name = excluded.name
        returning 1
    ), enterprises as (
        insert into enterprise_name_search as s (id, name)
        select distinct on (id) id, name from moved where kind = 'E' order by id
        on conflict (id) do update set name = excluded.name
        returning 1
    )
    select (select count(*) from moved) into taken;
    return taken;
end $$;

-- The search tables made again from the projects and enterprises (the generator, which loads with these triggers off).
create function name_search_rebuild() returns void language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    truncate project_name_search, enterprise_name_search, name_search_inbox;
    drop index project_name_search_pieces;
    drop index enterprise_name_search_pieces;
    insert into project_name_search (id, region_code, name) select id, region_code, name from project;
    insert into enterprise_name_search (id, name) select id, name from enterprise;
    create index project_name_search_pieces on project_name_search using gin (name_pieces(name));
    create index enterprise_name_search_pieces on enterprise_name_search using gin (name_pieces(name));
    analyze project_name_search;
    analyze enterprise_name_search;
end $$;
