-- The region as the distribution key (docs/scaling.md). Sharded with Citus, the ledger is distributed by region_code,
-- and a table can only be co-located with project (its rows on the same node as their project, joined and written
-- there) if it carries the same column. project, visit, team, trip_batch, unit and project_code_counter have it;
-- project_revision, the largest table (one row of two JSON documents per change of a project), did not.
--
-- region_code of a revision is the region its project has now, not the one it had then (that stays in the snapshot):
-- the composite foreign key keeps the two equal, ON UPDATE CASCADE carries a project's move to another region to its
-- revisions. It is deferred because a write copies a project's new revision before it updates the project itself
-- (ProjectStore). It replaces the plain foreign key on project_id and keeps its ON DELETE CASCADE.
--
-- Cost on an existing ledger, measured on 100,000 generated projects (PostgreSQL 15, a busy 2-core machine): 6 s, nearly
-- all of it the backfill, which rewrites every revision once (the table, about 2 GB per million projects, takes twice
-- its space until vacuumed); the unique index on project (id, region_code) adds 3 MB per 100,000 projects.

alter table project_revision add column region_code char(6);

update project_revision r set region_code = p.region_code from project p where p.id = r.project_id;

alter table project_revision alter column region_code set not null;

alter table project add constraint project_id_region unique (id, region_code);

do $$
declare
    fk text;
begin
    for fk in select conname from pg_constraint
              where conrelid = 'project_revision'::regclass and contype = 'f' and confrelid = 'project'::regclass
    loop
        execute format('alter table project_revision drop constraint %I', fk);
    end loop;
end $$;

alter table project_revision add constraint project_revision_project_region
    foreign key (project_id, region_code) references project (id, region_code)
    on update cascade on delete cascade deferrable initially deferred;
