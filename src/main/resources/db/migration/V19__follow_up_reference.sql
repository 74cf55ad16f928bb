-- A visit's follow_up_visit_id (the later visit that closed its follow-up) checked once per statement, like its other
-- references since V8, instead of by the foreign key visit_follow_up_visit_id_fkey. V8 kept that key because inserted
-- visits leave it empty; but closing follow-ups sets it on thousands of visits at once: an import of 50,000 visits closes
-- about 15,000, and the key's row-by-row checks took 1.0 s of that 2.0 s statement (bench/visits-import.sh; a statement
-- check takes about 0.05 s). What the key did, the triggers below do:
--  * on insert, and on an update that sets a visit's follow_up_visit_id to a new value: lock the visits referred to FOR
--    KEY SHARE (those this transaction inserted itself are invisible to everyone else and need none), then fail with
--    SQLSTATE 23503 if any is missing;
--  * when visits are deleted, the visits whose follow-ups they closed lose that link (was ON DELETE SET NULL); an index
--    of the links finds them (the key had none: each deleted visit read the whole table).
alter table visit drop constraint visit_follow_up_visit_id_fkey;

create index visit_follow_up_visit on visit (follow_up_visit_id) where follow_up_visit_id is not null;

create or replace function visit_references_check() returns trigger language plpgsql as $$
declare
    missing text;
    follow_ups bigint[];
begin
    -- the follow-up links this statement set: all of an insert's; of an update's, those that differ from the visit's own before
    if tg_op = 'UPDATE' then
        follow_ups := array(select distinct f from (select id, follow_up_visit_id as f from new_visit where follow_up_visit_id is not null
                                                     except
                                                     select id, follow_up_visit_id from old_visit) changed);
    else
        follow_ups := array(select distinct follow_up_visit_id from new_visit where follow_up_visit_id is not null);
    end if;
    if cardinality(follow_ups) > 0 then
        perform 1 from visit where id = any(follow_ups) and xmin::text::bigint <> txid_current() % 4294967296
            order by id for key share;
        select 'follow_up_visit_id=' || f from unnest(follow_ups) f where not exists (select 1 from visit x where x.id = f) limit 1
            into missing;
        if missing is not null then
            raise exception 'insert or update on table "visit" violates a reference: % is not present', missing
                using errcode = 'foreign_key_violation', table = 'visit';
        end if;
    end if;
    if tg_op = 'UPDATE' then
        -- closing follow-ups updates thousands of visits and none of their other references: nothing more to check then
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

-- ON DELETE SET NULL: by the index, whatever the number of deleted visits (an array, not a join the planner would have to
-- guess the size of)
create function visit_follow_up_gone() returns trigger language plpgsql as $$
declare
    gone_ids bigint[] := array(select id from gone);
begin
    update visit set follow_up_visit_id = null where follow_up_visit_id = any(gone_ids) and follow_up_visit_id is not null;
    return null;
end $$;

create trigger visit_follow_up_gone after delete on visit
    referencing old table as gone for each statement execute function visit_follow_up_gone();
