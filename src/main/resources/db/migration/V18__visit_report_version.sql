-- The visits report (CONTRACT.md §5) kept like the project reports (V16): a version of its own, raised in the writing
-- transaction by every change that can alter it, so that ReportCache answers it again while the version stands and never
-- after. It has its own counter because field teams record visits all day: a visit must not throw away the cached
-- project reports, nor a project import the visits report.
--
-- What the report reads: the visits (their team, enterprise, day, kind, batch), the teams' names, regions and units,
-- and the enterprises' names. A new team or enterprise changes nothing until a visit names it. Raised once per
-- transaction, after the audit trail's chain lock (as report_version_raise), so writers never wait for each other here.

alter table report_version add column visits bigint not null default 0;

create function visit_report_version_raise() returns trigger language plpgsql as $$
begin
    if current_setting('zhaoshang.visit_report_version_raised', true) is distinct from 'on' then
        perform pg_advisory_xact_lock(25412193344571732);
        update report_version set visits = visits + 1;
        perform set_config('zhaoshang.visit_report_version_raised', 'on', true);
    end if;
    return null;
end $$;

create trigger visit_report_version after insert or update or delete or truncate on visit
    for each statement execute function visit_report_version_raise();
create trigger team_report_version after update on team for each row
    when ((old.name, old.region_code, old.unit_id) is distinct from (new.name, new.region_code, new.unit_id))
    execute function visit_report_version_raise();
create trigger team_report_version_delete after delete or truncate on team
    for each statement execute function visit_report_version_raise();
create trigger enterprise_report_version after update on enterprise for each row when (old.name is distinct from new.name)
    execute function visit_report_version_raise();
create trigger enterprise_report_version_delete after delete or truncate on enterprise
    for each statement execute function visit_report_version_raise();
