-- The version of everything the reports read (ReportCache): raised, in the writing transaction, by every change that can
-- alter a report — the running totals (every change to a project reaches them by its fold), and the names and attributes
-- of units, industry chains and signing events. A report computed while the version read N can be answered again while it
-- still reads N. New units, chains and events change no report until a project names them, so inserts do not count.

create table report_version (
    id boolean primary key default true check (id),
    n  bigint  not null
);
insert into report_version (n) values (0);

create function report_version_raise() returns trigger language plpgsql as $$
begin
    if current_setting('zhaoshang.report_version_raised', true) is distinct from 'on' then
        -- the audit trail's chain lock, as in report_pending_fold: every writer takes it before this row, so two writers
        -- never wait for each other here
        perform pg_advisory_xact_lock(25412193344571732);
        update report_version set n = n + 1;
        perform set_config('zhaoshang.report_version_raised', 'on', true);
    end if;
    return null;
end $$;

create trigger report_delta_version after insert or update or delete or truncate on report_delta
    for each statement execute function report_version_raise();
create trigger report_event_delta_version after insert or update or delete or truncate on report_event_delta
    for each statement execute function report_version_raise();
-- master data: an import's "insert ... on conflict do update set name = excluded.name" (to learn the ids) changes nothing
-- and must not count, so its rows are compared
create trigger unit_report_version after update on unit for each row when (old.* is distinct from new.*)
    execute function report_version_raise();
create trigger unit_report_version_delete after delete or truncate on unit
    for each statement execute function report_version_raise();
create trigger industry_chain_report_version after update on industry_chain for each row when (old.* is distinct from new.*)
    execute function report_version_raise();
create trigger industry_chain_report_version_delete after delete or truncate on industry_chain
    for each statement execute function report_version_raise();
create trigger signing_event_report_version after update on signing_event for each row when (old.* is distinct from new.*)
    execute function report_version_raise();
create trigger signing_event_report_version_delete after delete or truncate on signing_event
    for each statement execute function report_version_raise();
