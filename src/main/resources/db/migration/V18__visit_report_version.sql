-- The visits report (CONTRACT.md §5) kept like the project reports (V16): a version of its own, raised in the writing
-- transaction by every change that can alter it, so that ReportCache answers it again while the version stands and never
-- after. It has its own counter because field teams record visits all day: a visit must not throw away the cached
-- project reports, nor a project import the visits report.
--
-- What the report reads: the visits (their team, enterprise, day, kind, batch), the teams' names, regions and units,
-- and the enterprises' names. A new team or enterprise changes nothing until a visit names it. Raised once per
-- transaction, after the audit trail's chain lock, so writers never wait for each other here.

alter table report_version add column visits bigint not null default 0;

-- V16's report_version_raise, now told which counter to raise by its trigger's argument (none: the projects' n, as V16's
-- triggers call it); once per transaction and counter.
create or replace function report_version_raise() returns trigger language plpgsql as $$
declare
    counter text := coalesce(tg_argv[0], 'n');
begin
    if current_setting('zhaoshang.report_version_raised_' || counter, true) is distinct from 'on' then
        -- the audit trail's chain lock, as in report_pending_fold: every writer takes it before this row, so two writers
        -- never wait for each other here
        perform pg_advisory_xact_lock(25412193344571732);
        execute format('update report_version set %1$I = %1$I + 1', counter);
        perform set_config('zhaoshang.report_version_raised_' || counter, 'on', true);
    end if;
    return null;
end $$;

create trigger visit_report_version after insert or update or delete or truncate on visit
    for each statement execute function report_version_raise('visits');
create trigger team_report_version after update on team for each row
    when ((old.name, old.region_code, old.unit_id) is distinct from (new.name, new.region_code, new.unit_id))
    execute function report_version_raise('visits');
create trigger team_report_version_delete after delete or truncate on team
    for each statement execute function report_version_raise('visits');
create trigger enterprise_report_version after update on enterprise for each row when (old.name is distinct from new.name)
    execute function report_version_raise('visits');
create trigger enterprise_report_version_delete after delete or truncate on enterprise
    for each statement execute function report_version_raise('visits');
