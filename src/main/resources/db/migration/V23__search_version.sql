-- A project search (the list's q, CONTRACT.md §3) must count every match for its exact total: a common character (华)
-- matches 26,000 of 1,000,000 projects in the province, and counting them costs 0.3 s each time. Its result (the total
-- and the page's ids) is kept like a report (VersionedCache), at a counter of its own raised in the writing transaction
-- by every change that can alter which projects match or their order: any statement on project (the names, codes,
-- investors, regions, filters and sort columns are all its own), a change to an enterprise's name or credit code, any
-- change to the aliases, a unit's new name (the list sorts by it). A new enterprise matches nothing until a project
-- names it, and that project's statement raises the counter.

alter table report_version add column search bigint not null default 0;

create trigger project_search_version after insert or update or delete or truncate on project
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
