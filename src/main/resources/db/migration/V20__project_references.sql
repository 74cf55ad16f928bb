-- A project's references to its region, unit, investor, referrer, industry chain and signing event, checked once per
-- statement instead of once per row, as V8 did for a visit's. A foreign key runs one query per written row and
-- reference: an import's COPY of 5,000 projects spent 0.2 s of its 0.6 s in them at full speed, 2.0 s of 8.0 s for
-- 20,000 rows on a slow run (docs/benchmarks.md, session 9). The triggers below do what the six foreign keys did:
--  * on insert, and on an update that changes a reference: lock the rows referred to FOR KEY SHARE, in key order, as a
--    foreign key does, so that nobody can delete them before this transaction ends (rows this transaction inserted
--    itself, an import's new enterprises and units, are invisible to everyone else and need no lock), then fail with
--    SQLSTATE 23503 if any is missing;
--  * deleting a unit, enterprise, chain, event or region that a project names fails with 23503 (was NO ACTION), and so
--    does truncating one while projects name it (unless the projects go in the same TRUNCATE).
-- The ids are read into arrays first, so that every look-up goes through the referred table's primary key whatever the
-- planner would guess of a transition table's size. parent_id keeps its (deferred) foreign key: empty on almost every
-- row, it costs little.
alter table project
    drop constraint project_region_code_fkey,
    drop constraint project_unit_id_fkey,
    drop constraint project_investor_id_fkey,
    drop constraint project_chain_id_fkey,
    drop constraint project_event_id_fkey,
    drop constraint project_referrer_id_fkey;

create function project_references_check() returns trigger language plpgsql as $$
declare
    mine bigint := txid_current() % 4294967296;
    regions text[];
    units bigint[];
    enterprises bigint[];
    chains bigint[];
    events bigint[];
    missing text;
begin
    if tg_op = 'UPDATE' then
        -- an update that keeps every reference (most do) has nothing to check
        if not exists (select id, region_code, unit_id, investor_id, referrer_id, chain_id, event_id from new_project
                       except all
                       select id, region_code, unit_id, investor_id, referrer_id, chain_id, event_id from old_project) then
            return null;
        end if;
    end if;
    regions := array(select distinct region_code from new_project order by 1);
    units := array(select distinct unit_id from new_project where unit_id is not null order by 1);
    enterprises := array(select investor_id from new_project where investor_id is not null
                         union
                         select referrer_id from new_project where referrer_id is not null order by 1);
    chains := array(select distinct chain_id from new_project where chain_id is not null order by 1);
    events := array(select distinct event_id from new_project where event_id is not null order by 1);
    perform 1 from region where code = any(regions) order by code for key share;
    perform 1 from unit where id = any(units) and xmin::text::bigint <> mine order by id for key share;
    perform 1 from enterprise where id = any(enterprises) and xmin::text::bigint <> mine order by id for key share;
    perform 1 from industry_chain where id = any(chains) and xmin::text::bigint <> mine order by id for key share;
    perform 1 from signing_event where id = any(events) and xmin::text::bigint <> mine order by id for key share;
    select coalesce(
        (select 'region_code=' || k from unnest(regions) k where not exists (select 1 from region r where r.code = k) limit 1),
        (select 'unit_id=' || k from unnest(units) k where not exists (select 1 from unit u where u.id = k) limit 1),
        (select 'investor_id or referrer_id=' || k from unnest(enterprises) k
         where not exists (select 1 from enterprise e where e.id = k) limit 1),
        (select 'chain_id=' || k from unnest(chains) k where not exists (select 1 from industry_chain c where c.id = k) limit 1),
        (select 'event_id=' || k from unnest(events) k where not exists (select 1 from signing_event e where e.id = k) limit 1))
    into missing;
    if missing is not null then
        raise exception 'insert or update on table "project" violates a reference: % is not present', missing
            using errcode = 'foreign_key_violation', table = 'project';
    end if;
    return null;
end $$;

create trigger project_references_on_insert after insert on project
    referencing new table as new_project for each statement execute function project_references_check();
create trigger project_references_on_update after update on project
    referencing old table as old_project new table as new_project for each statement execute function project_references_check();

-- NO ACTION: a row that projects still name cannot go (nor a region's code change, the one key that is not a surrogate);
-- the referrers, few, get an index of their own for it, as every other reference has one already
create index project_referrer on project (referrer_id) where referrer_id is not null;

create function project_referred_delete() returns trigger language plpgsql as $$
declare
    ids bigint[];
    named boolean;
begin
    if tg_table_name = 'region' and tg_op = 'UPDATE' then
        named := exists (select 1 from project where region_code = any(array(select code from gone except select code from kept)));
    elsif tg_table_name = 'region' then
        named := exists (select 1 from project where region_code = any(array(select code from gone)));
    else
        ids := array(select id from gone);
        named := case tg_table_name
            when 'unit' then exists (select 1 from project where unit_id = any(ids))
            when 'enterprise' then exists (select 1 from project where investor_id = any(ids))
                                   or exists (select 1 from project where referrer_id = any(ids) and referrer_id is not null)
            when 'industry_chain' then exists (select 1 from project where chain_id = any(ids))
            when 'signing_event' then exists (select 1 from project where event_id = any(ids))
        end;
    end if;
    if named then
        raise exception 'update or delete on table "%" violates a reference from table "project"', tg_table_name
            using errcode = 'foreign_key_violation', table = tg_table_name;
    end if;
    return null;
end $$;

create trigger project_follows_region after delete on region
    referencing old table as gone for each statement execute function project_referred_delete();
create trigger project_follows_region_code after update on region
    referencing old table as gone new table as kept for each statement execute function project_referred_delete();
create trigger project_follows_unit after delete on unit
    referencing old table as gone for each statement execute function project_referred_delete();
create trigger project_follows_enterprise after delete on enterprise
    referencing old table as gone for each statement execute function project_referred_delete();
create trigger project_follows_industry_chain after delete on industry_chain
    referencing old table as gone for each statement execute function project_referred_delete();
create trigger project_follows_signing_event after delete on signing_event
    referencing old table as gone for each statement execute function project_referred_delete();

-- a TRUNCATE's triggers fire once every table it names is empty: the projects that went with it name nothing
create function project_referred_truncate() returns trigger language plpgsql as $$
begin
    if exists (select 1 from project where case tg_table_name
                   when 'region' then true
                   when 'unit' then unit_id is not null
                   when 'enterprise' then investor_id is not null or referrer_id is not null
                   when 'industry_chain' then chain_id is not null
                   when 'signing_event' then event_id is not null end) then
        raise exception 'cannot truncate table "%": projects refer to it', tg_table_name
            using errcode = 'foreign_key_violation', table = tg_table_name;
    end if;
    return null;
end $$;

create trigger project_follows_region_truncate after truncate on region
    for each statement execute function project_referred_truncate();
create trigger project_follows_unit_truncate after truncate on unit
    for each statement execute function project_referred_truncate();
create trigger project_follows_enterprise_truncate after truncate on enterprise
    for each statement execute function project_referred_truncate();
create trigger project_follows_industry_chain_truncate after truncate on industry_chain
    for each statement execute function project_referred_truncate();
create trigger project_follows_signing_event_truncate after truncate on signing_event
    for each statement execute function project_referred_truncate();
