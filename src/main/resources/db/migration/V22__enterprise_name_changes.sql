-- The pinyin initials of enterprise names (enterprise_pinyin, V6) are computed in Java, so they are brought up to date
-- by the lookup (EnterpriseLookup.sync), not by the writing transaction. The lookup synced at most every five seconds,
-- so an enterprise just recorded could not be found by its initials for up to five seconds. This sequence counts the
-- statements that change the names: the lookup reads it (one row, no lock) and, when it moved, adds the initials of the
-- enterprises newer than any that has them at once. A sequence rather than a counter row, so that writers never wait on
-- each other for it (an import holds its transaction open for many seconds). It moves before the change commits; the
-- full sync every five seconds stays for that case, and for renames and new aliases.
create sequence enterprise_name_changes;

create function enterprise_name_changed() returns trigger language plpgsql as $$
begin
    perform nextval('enterprise_name_changes');
    return null;
end $$;

create trigger enterprise_name_changes after insert or delete or truncate on enterprise
    for each statement execute function enterprise_name_changed();
create trigger enterprise_name_renamed after update of name on enterprise
    for each statement execute function enterprise_name_changed();
create trigger enterprise_alias_changes after insert or update or delete or truncate on enterprise_alias
    for each statement execute function enterprise_name_changed();
