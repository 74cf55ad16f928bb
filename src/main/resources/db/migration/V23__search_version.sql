-- A project search (the list's q, CONTRACT.md §3) must count every match for its exact total: a common character (华)
-- matches 26,000 of 1,000,000 projects in the province, and counting them costs 0.3 s each time. Its result (the total
-- and the page's ids) is kept like a report (VersionedCache), at a version raised in the writing transaction by every
-- change that can alter which projects match or their order.
--
-- The version of a search in regions rf..rt is report_version.search plus the sum of search_version.n over those
-- regions. Both only grow, so the sum moves exactly when one of them does.
--
-- - search_version.n of a region is raised by any statement on project that writes a row of that region, before or
--   after it (the names, codes, investors, filters and sort columns are all the project's own): a county's kept
--   searches stay while another county's staff record their projects.
-- - report_version.search, which every search reads, is raised by what may change a search anywhere: a truncate of
--   project, a change to an enterprise's name or credit code, any change to the aliases, a unit's new name (the list
--   sorts by it). A new enterprise matches nothing until a project names it, and that project's statement counts.
--
-- Writers take the audit trail's chain lock first (as report_version_raise does), so they never wait for each other on
-- these rows, whatever order a statement touches its regions in.

alter table report_version add column search bigint not null default 0;

create table search_version (
    region_code char(6) primary key,  -- no foreign key: a counter may outlive its region (V3: codes change)
    n           bigint  not null
);

create function search_version_raise() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(25412193344571732);
    -- transition tables: new_rows for INSERT and UPDATE, old_rows for UPDATE and DELETE (each trigger names its own)
    if tg_op = 'INSERT' then
        insert into search_version as v (region_code, n)
        select distinct region_code, 1 from new_rows order by 1
        on conflict (region_code) do update set n = v.n + 1;
    elsif tg_op = 'UPDATE' then
        insert into search_version as v (region_code, n)
        select region_code, 1 from (select region_code from new_rows union select region_code from old_rows) r order by 1
        on conflict (region_code) do update set n = v.n + 1;
    else
        insert into search_version as v (region_code, n)
        select distinct region_code, 1 from old_rows order by 1
        on conflict (region_code) do update set n = v.n + 1;
    end if;
    return null;
end $$;

create trigger project_search_version_insert after insert on project referencing new table as new_rows
    for each statement execute function search_version_raise();
create trigger project_search_version_update after update on project referencing old table as old_rows new table as new_rows
    for each statement execute function search_version_raise();
create trigger project_search_version_delete after delete on project referencing old table as old_rows
    for each statement execute function search_version_raise();
create trigger project_search_version_truncate after truncate on project
    for each statement execute function report_version_raise('search');

create trigger enterprise_search_version after update on enterprise for each row
    when ((old.name, old.credit_code) is distinct from (new.name, new.credit_code))
    execute function report_version_raise('search');
create trigger enterprise_search_version_delete after delete or truncate on enterprise
    for each statement execute function report_version_raise('search');
create trigger enterprise_alias_search_version after insert or update or delete or truncate on enterprise_alias
    for each statement execute function report_version_raise('search');
create trigger unit_search_version after update on unit for each row when (old.name is distinct from new.name)
    execute function report_version_raise('search');
