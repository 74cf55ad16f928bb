-- Visits at scale (issues 4 and 5; bench/visits-load.sh and bench/visits-import.sh, docs/benchmarks-visits.md).

-- A visit's references to its team, home region, trip batch and enterprise, checked once per statement instead of once
-- per row. A foreign key runs one query per inserted row and reference, and this database plans every such query afresh
-- (plan_cache_mode = force_custom_plan, V4): importing 50,000 visits spent 15-20 s of a 10 s budget in the four checks
-- (each 4.6-5.8 s alone; the same rows without them took 2 s with every index). The triggers below do what the four
-- foreign keys did, with one query per reference for the whole statement:
--  * on insert and on an update that changes a reference: lock the rows referred to FOR KEY SHARE, as a foreign key
--    does, so that nobody can delete them before this transaction ends, then fail with SQLSTATE 23503 if any is missing;
--  * when a team or an enterprise is deleted, its visits go with it (was ON DELETE CASCADE); when a trip batch is
--    deleted, its visits lose their batch (ON DELETE SET NULL); a region that visits name cannot be deleted (NO ACTION);
--    truncating a team, enterprise or trip batch (the tests, generate --replace) empties the visits too.
-- project_id and follow_up_visit_id keep their foreign keys: empty on almost every inserted row, they cost little.
-- Ids are never updated (surrogate keys), so updates of the referred tables need no trigger.
alter table visit
    drop constraint visit_team_id_fkey,
    drop constraint visit_region_code_fkey,
    drop constraint visit_batch_id_fkey,
    drop constraint visit_enterprise_id_fkey;

create function visit_references_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    if tg_op = 'UPDATE' then
        -- closing follow-ups updates thousands of visits and none of their references: nothing to check then
        -- (a set difference: transition tables have no statistics, and a join of two became a nested loop)
        if not exists (select id, team_id, region_code, batch_id, enterprise_id from new_visit
                       except all
                       select id, team_id, region_code, batch_id, enterprise_id from old_visit) then
            return null;
        end if;
    end if;
    -- in id order, so that two imports lock in the same order; rows this transaction inserted itself (an import's new
    -- enterprises, teams and batches) are invisible to everyone else, so nobody can delete them: no lock needed
    perform 1 from team where id in (select team_id from new_visit) and xmin::text::bigint <> txid_current() % 4294967296
        order by id for key share;
    perform 1 from enterprise where id in (select enterprise_id from new_visit) and xmin::text::bigint <> txid_current() % 4294967296
        order by id for key share;
    perform 1 from trip_batch where id in (select batch_id from new_visit) and xmin::text::bigint <> txid_current() % 4294967296
        order by id for key share;
    perform 1 from region where code in (select region_code from new_visit) order by code for key share;
    select coalesce(
        (select 'team_id=' || v.team_id from new_visit v where not exists (select 1 from team t where t.id = v.team_id) limit 1),
        (select 'enterprise_id=' || v.enterprise_id from new_visit v
         where not exists (select 1 from enterprise e where e.id = v.enterprise_id) limit 1),
        (select 'batch_id=' || v.batch_id from new_visit v
         where v.batch_id is not null and not exists (select 1 from trip_batch b where b.id = v.batch_id) limit 1),
        (select 'region_code=' || v.region_code from new_visit v
         where not exists (select 1 from region r where r.code = v.region_code) limit 1))
    into missing;
    if missing is not null then
        raise exception 'insert or update on table "visit" violates a reference: % is not present', missing
            using errcode = 'foreign_key_violation', table = 'visit';
    end if;
    return null;
end $$;

create trigger visit_references_on_insert after insert on visit
    referencing new table as new_visit for each statement execute function visit_references_check();
create trigger visit_references_on_update after update on visit
    referencing old table as old_visit new table as new_visit for each statement execute function visit_references_check();

-- what the foreign keys did when the rows referred to go
create function visit_follow_deletes() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'team' then
        delete from visit where team_id in (select id from gone);
    elsif tg_table_name = 'enterprise' then
        delete from visit where enterprise_id in (select id from gone);
    elsif tg_table_name = 'trip_batch' then
        update visit set batch_id = null where batch_id in (select id from gone);
    elsif exists (select 1 from visit where region_code in (select code from gone)) then
        raise exception 'update or delete on table "region" violates a reference from table "visit"'
            using errcode = 'foreign_key_violation', table = 'region';
    end if;
    return null;
end $$;

create trigger visit_follows_team after delete on team
    referencing old table as gone for each statement execute function visit_follow_deletes();
create trigger visit_follows_enterprise after delete on enterprise
    referencing old table as gone for each statement execute function visit_follow_deletes();
create trigger visit_follows_trip_batch after delete on trip_batch
    referencing old table as gone for each statement execute function visit_follow_deletes();
create trigger visit_follows_region after delete on region
    referencing old table as gone for each statement execute function visit_follow_deletes();

create function visit_follow_truncate() returns trigger language plpgsql as $$
begin
    if exists (select 1 from visit) then
        delete from visit;
    end if;
    return null;
end $$;

create trigger visit_follows_team_truncate after truncate on team for each statement execute function visit_follow_truncate();
create trigger visit_follows_enterprise_truncate after truncate on enterprise
    for each statement execute function visit_follow_truncate();
create trigger visit_follows_trip_batch_truncate after truncate on trip_batch
    for each statement execute function visit_follow_truncate();
