-- Indexes found by the report-load benchmark (bench/report-load.sh, docs/benchmarks.md).

-- The project list's default order, newest first contact first, for any region: the scan walks this index from the
-- newest entry and stops after a page. region_code is a key column so entries of other regions are skipped inside the
-- index, without visiting the table. 100,000 projects: first page of the province 93 ms -> 0.2 ms, of 350112 2.2 -> 0.3 ms.
create index project_list_order on project (contacted_on desc, code, region_code);

-- A list's total counts every project of the region: this narrow index lets that be an index-only scan instead of a
-- sequential scan of the table. 100,000 projects: the province's count 50-130 ms -> 24 ms.
create index project_region on project (region_code);

-- Searching names by any part ("华恒" in 福州华恒数据科技有限公司): pg_trgm cannot serve it. In a database whose LC_CTYPE is C
-- (the embedded default) it extracts no trigram at all from Chinese text, and a two-character search has no trigram in
-- any locale, so LIKE on a name made the planner fetch every row through the trigram index (measured: all 100,000
-- entries for '%华恒%'). Two-character pieces work in every locale and for every search of two characters or more:
-- a name containing the text contains each of its pieces, and LIKE checks the rest.
create function name_bigrams(t text) returns text[] language plpgsql immutable strict parallel safe as $$
declare
    pieces text[] := '{}';
begin
    for i in 1 .. char_length(t) - 1 loop
        pieces := pieces || substr(t, i, 2);
    end loop;
    return pieces;
end
$$;
drop index project_name_trgm;
drop index enterprise_name_trgm;
create index project_name_bigrams on project using gin (name_bigrams(name));
create index enterprise_name_bigrams on enterprise using gin (name_bigrams(name));

-- Every report and list query takes a region range, and a county's range holds a hundredth of a province's. The JDBC
-- driver prepares a statement on the server after five uses, and PostgreSQL then reuses one generic plan for every
-- region: planned for the county, it made the province's summary take 178 ms instead of 40 (100,000 projects), and the
-- list's first page lost its index walk. Planning each execution with its own values costs a fraction of a millisecond.
-- A database setting, so it holds for the embedded server and for an external one alike; where the migrating role may
-- not alter the database, set it there by hand (or add prepareThreshold=0 to the JDBC URL).
do $$
begin
    execute format('alter database %I set plan_cache_mode = force_custom_plan', current_database());
exception when insufficient_privilege then
    raise notice 'plan_cache_mode not set: no privilege to alter the database';
end $$;
