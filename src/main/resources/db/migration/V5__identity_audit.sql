-- Who may see and change what (CONTRACT.md §6, issue 3): login policy, second factor, API tokens, and an append-only,
-- hash-chained audit trail.

create table login_policy (
    id                     int primary key check (id = 1),
    min_length             int not null default 12,
    min_classes            int not null default 3,
    lock_after             int not null default 5,
    lock_minutes           int not null default 15,
    idle_minutes           int not null default 30,
    password_max_age_days  int not null default 90,
    inactive_disable_days  int not null default 90,
    audit_retention_days   int not null default 180 check (audit_retention_days >= 180),
    totp_required_roles    text[] not null default array['SYSTEM_ADMIN','SECURITY_ADMIN','LEADER'],
    version                int not null default 0
);
insert into login_policy (id) values (1);

alter table app_user add column totp_secret text;
alter table app_user add column totp_enabled boolean not null default false;
alter table app_user add column totp_last_step bigint;
alter table app_user add column disabled_reason text;

create table api_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         text not null,
    token_hash   char(64) not null unique,
    prefix       text not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null,
    username    text,
    unit        text,
    ip          text,
    action      text not null,
    object_type text,
    object_id   text,
    result      text not null check (result in ('SUCCESS', 'FAILURE', 'DENIED')),
    detail      text,
    prev_hash   char(64) not null,
    hash        char(64) not null
);
create index audit_log_at on audit_log (at);
create index audit_log_user on audit_log (username, at);
create index audit_log_object on audit_log (object_type, object_id, id);
create index audit_log_action on audit_log (action, at);

-- Append-only, whoever the database role: no update, no truncate, and a delete only of rows past the legal minimum of
-- 180 days, and only by the retention job that says so.
create function audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE'
       and old.at < now() - interval '180 days'
       and coalesce(current_setting('zhaoshang.audit_purge', true), '') = 'on' then
        return old;
    end if;
    raise exception '审计日志只能追加，不能修改或删除 (audit_log is append-only)';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log for each row execute function audit_log_guard();
create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_guard();
revoke update, delete, truncate on audit_log from public;
