-- The ledger's schema. Every business table keeps a version for optimistic locking;
-- project_revision keeps every state a project ever had, so any figure can be reproduced as of any time.

create table region (
    code        char(6) primary key,
    name        text     not null,
    level       smallint not null check (level between 1 and 3), -- 1 province, 2 prefecture, 3 county
    parent_code char(6)  references region (code),
    full_name   text     not null
);
create index region_parent on region (parent_code);

-- Retired GB/T 2260 codes and the codes that replaced them (e.g. 350182 长乐市 -> 350112 长乐区, 2017).
create table region_succession (
    old_code     char(6) primary key,
    old_name     text    not null,
    new_code     char(6) not null references region (code),
    effective_on date    not null,
    note         text
);

create table unit (
    id          bigserial primary key,
    region_code char(6) not null references region (code),
    name        text    not null,
    kind        text    not null check (kind in ('DEPARTMENT', 'TOWNSHIP', 'PARK')),
    created_at  timestamptz not null default now(),
    version     int     not null default 0,
    unique (region_code, name)
);

create table enterprise (
    id          bigserial primary key,
    credit_code char(18) unique,
    name        text not null,
    created_at  timestamptz not null default now(),
    version     int  not null default 0
);

create index enterprise_name on enterprise (name);

create table enterprise_alias (
    enterprise_id bigint not null references enterprise (id) on delete cascade,
    alias         text   not null unique,
    primary key (enterprise_id, alias)
);

create table industry_chain (
    id         bigserial primary key,
    name       text not null unique,
    created_at timestamptz not null default now(),
    version    int  not null default 0
);

create table signing_event (
    id         bigserial primary key,
    name       text not null unique,
    held_on    date,
    place      text,
    created_at timestamptz not null default now(),
    version    int  not null default 0
);

create table project (
    id                       bigserial primary key,
    code                     text    not null unique,
    name                     text    not null,
    region_code              char(6) not null references region (code),
    unit_id                  bigint references unit (id),
    investor_id              bigint references enterprise (id),
    chain_id                 bigint references industry_chain (id),
    investment               numeric(16, 2) not null check (investment >= 0),
    foreign_investment       numeric(16, 2) check (foreign_investment >= 0),
    utilized_foreign_capital numeric(16, 2) check (utilized_foreign_capital >= 0),
    key_project              boolean not null default false,
    contacted_on             date    not null,
    signed_on                date,
    landed_on                date,
    started_on               date,
    completed_on             date,
    terminated_on            date,
    -- landing, construction and completion all count as landed: the first of them is the day it landed
    landed_eff               date generated always as (coalesce(landed_on, started_on, completed_on)) stored,
    stage                    text generated always as (case
                                 when terminated_on is not null then 'TERMINATED'
                                 when completed_on is not null then 'COMPLETED'
                                 when started_on is not null then 'STARTED'
                                 when landed_on is not null then 'LANDED'
                                 when signed_on is not null then 'SIGNED'
                                 else 'LEAD' end) stored,
    event_id                 bigint references signing_event (id),
    on_stage                 boolean not null default false,
    source                   text,
    referrer_id              bigint references enterprise (id),
    parent_id                bigint references project (id) deferrable initially deferred,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    version                  int not null default 0
);
create index project_region_contacted on project (region_code, contacted_on)
    include (investment, signed_on, landed_eff, terminated_on, unit_id, chain_id, event_id);
create index project_unit on project (unit_id);
create index project_chain on project (chain_id);
create index project_investor on project (investor_id);
create index project_event on project (event_id) where event_id is not null;
create index project_parent on project (parent_id) where parent_id is not null;
create index project_stage on project (stage);
create index project_region_name on project (region_code, name);

create table project_revision (
    id          bigserial primary key,
    project_id  bigint  not null references project (id) on delete cascade,
    version     int     not null,
    recorded_at timestamptz not null,
    recorded_by text    not null,
    action      text    not null check (action in ('CREATE', 'UPDATE', 'IMPORT_CREATE', 'IMPORT_UPDATE')),
    snapshot    jsonb   not null,
    changes     jsonb   not null default '[]',
    unique (project_id, version)
);

create table import_batch (
    id          bigserial primary key,
    kind        text not null,
    file_name   text,
    imported_by text not null,
    imported_at timestamptz not null,
    rows_total  int  not null,
    created     int  not null,
    updated     int  not null,
    unchanged   int  not null
);

create table app_user (
    id                  bigserial primary key,
    username            text not null unique,
    password_hash       text not null,
    display_name        text not null,
    roles               text[] not null,
    region_code         char(6) references region (code),
    unit_id             bigint references unit (id),
    temporary_password  boolean not null default true,
    enabled             boolean not null default true,
    failed_logins       int not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz not null default now(),
    last_login_at       timestamptz,
    created_at          timestamptz not null default now(),
    version             int not null default 0
);

-- Counters for assigned project codes: <region>-<year>-<nnnn>
create table project_code_counter (
    region_code char(6) not null,
    year        int     not null,
    last_value  int     not null,
    primary key (region_code, year)
);

-- Searching names by any part ("奇虎" in 北京奇虎科技有限公司) needs trigrams.
create extension if not exists pg_trgm;
create index project_name_trgm on project using gin (name gin_trgm_ops);
create index enterprise_name_trgm on enterprise using gin (name gin_trgm_ops);
