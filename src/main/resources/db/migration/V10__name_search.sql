-- Searching names by any part ("华恒" in 福州华恒数据科技有限公司, "华" alone while the user is still typing).
--
-- pg_trgm cannot serve it: in a database whose LC_CTYPE is C (the embedded default) it extracts no trigram at all from
-- Chinese text (show_trgm('华恒数据中心') is {}), and a one- or two-character search has no trigram in any locale, so the
-- planner read every entry of the trigram indexes for '%华恒%' (1,000,000 projects: 210 ms for nothing). Pieces of one
-- and two characters work in every locale and for a search of any length: a name that contains the text contains every
-- piece of it (search_pieces), and LIKE checks the rest.

-- every character and every pair of neighbouring characters of a name: what the GIN indexes hold
create function name_pieces(t text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
    n int := char_length(t);
    pieces text[] := array[]::text[];
begin
    for i in 1 .. n loop
        pieces := pieces || substr(t, i, 1);
        if i < n then
            pieces := pieces || substr(t, i, 2);
        end if;
    end loop;
    return pieces;
end
$$;

-- the pieces a name must hold to contain the text: its pairs, or the character itself for a one-character text
create function search_pieces(t text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
    n int := char_length(t);
    pieces text[] := array[]::text[];
begin
    if n = 1 then
        return array[t];
    end if;
    for i in 1 .. n - 1 loop
        pieces := pieces || substr(t, i, 2);
    end loop;
    return pieces;
end
$$;

set local maintenance_work_mem = '256MB';
drop index project_name_trgm;
drop index enterprise_name_trgm;
create index project_name_pieces on project using gin (name_pieces(name));
create index enterprise_name_pieces on enterprise using gin (name_pieces(name));
create index enterprise_alias_pieces on enterprise_alias using gin (name_pieces(alias));

-- statistics of the new index expressions, so that the planner knows how common a piece is (科技 is in a quarter of all
-- enterprise names, 华恒 in a few hundred) and picks hash joins or index lookups accordingly
analyze project;
analyze enterprise;
analyze enterprise_alias;
