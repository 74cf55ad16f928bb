-- Field work (issue 4, CONTRACT.md §5): investment teams (招商小分队) with their assignment (定向、定人、定点), trip batches
-- (批次) with their plan, and visits (外出拜访) and inspections (来访考察) with their follow-ups. Every write is on the
-- audit trail (object_type 'visit', 'team', 'trip_batch').

create table team (
    id          bigserial primary key,
    name        text    not null,
    region_code char(6) not null references region (code),
    -- unit staff see the teams of their unit; a deleted unit leaves its teams to the office
    unit_id     bigint references unit (id) on delete set null,
    leader      text,
    members     text,
    cities      text[]  not null default '{}',
    created_at  timestamptz not null default now(),
    version     int     not null default 0,
    unique (region_code, name)
);
create index team_unit on team (unit_id) where unit_id is not null;

-- 定向: the industry chains a team is sent after
create table team_chain (
    team_id  bigint not null references team (id) on delete cascade,
    chain_id bigint not null references industry_chain (id) on delete cascade,
    primary key (team_id, chain_id)
);

-- 定点: the enterprises a team is to visit
create table team_target (
    team_id       bigint not null references team (id) on delete cascade,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    primary key (team_id, enterprise_id)
);

-- 定人: accounts that work in a team (their follow-up list is the team's)
create table team_user (
    team_id  bigint not null references team (id) on delete cascade,
    username text   not null,
    primary key (team_id, username)
);
create index team_user_username on team_user (username);

create table trip_batch (
    id          bigserial primary key,
    name        text    not null,
    region_code char(6) not null references region (code),
    starts_on   date,
    ends_on     date,
    cities      text[]  not null default '{}',
    created_at  timestamptz not null default now(),
    version     int     not null default 0,
    unique (region_code, name),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create table trip_batch_team (
    batch_id bigint not null references trip_batch (id) on delete cascade,
    team_id  bigint not null references team (id) on delete cascade,
    primary key (batch_id, team_id)
);

-- the plan of a batch: which team is to visit which enterprise
create table trip_batch_plan (
    batch_id      bigint not null references trip_batch (id) on delete cascade,
    team_id       bigint not null references team (id) on delete cascade,
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    primary key (batch_id, team_id, enterprise_id)
);

create table visit (
    id                bigserial primary key,
    visited_on        date    not null,
    team_id           bigint  not null references team (id) on delete cascade,
    -- the team's home region, copied so that the report reads one index range (teams never change region)
    region_code       char(6) not null references region (code),
    batch_id          bigint references trip_batch (id) on delete set null,
    city              text,
    enterprise_id     bigint  not null references enterprise (id) on delete cascade,
    kind              text    not null check (kind in ('VISIT', 'INSPECTION')),
    leader            text,
    members           text,
    discussion        text,
    next_step         text,
    follow_up_on      date,
    follow_up_done_on date,
    follow_up_visit_id bigint references visit (id) on delete set null,
    project_id        bigint references project (id) on delete set null,
    created_at        timestamptz not null,
    created_by        text    not null,
    updated_at        timestamptz not null,
    version           int     not null default 0,
    check (follow_up_on is null or follow_up_on >= visited_on),
    -- the natural key: importing the same file twice finds every row again
    unique (team_id, enterprise_id, visited_on, kind)
);
-- the visits report: a region range and a period, everything it counts in the index
create index visit_report on visit (region_code, visited_on) include (team_id, enterprise_id, kind, batch_id);
-- the follow-up list of a team and of the one who recorded the visit: only open follow-ups
create index visit_follow_up_team on visit (team_id, follow_up_on) where follow_up_on is not null and follow_up_done_on is null;
create index visit_follow_up_user on visit (created_by, follow_up_on) where follow_up_on is not null and follow_up_done_on is null;
-- an enterprise's story, and the funnel from visits to projects
create index visit_enterprise on visit (enterprise_id, visited_on);
create index visit_project on visit (project_id) where project_id is not null;
create index visit_batch on visit (batch_id) where batch_id is not null;

-- pinyin initials of enterprise names and aliases for the lookup (长乐 → cl), kept in step with the names
create table enterprise_pinyin (
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    name          text   not null,
    initials      text   not null,
    primary key (enterprise_id, name)
);
-- typed initials may start anywhere in the name (qhkj in 北京奇虎科技有限公司 → bjqhkjyxgs): trigrams
create index enterprise_pinyin_initials on enterprise_pinyin using gin (initials gin_trgm_ops);
