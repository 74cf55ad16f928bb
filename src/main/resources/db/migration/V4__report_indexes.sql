-- Indexes found by the report-load benchmark (bench/report-load.sh, docs/benchmarks.md).

-- The project list's default order, newest first contact first, for any region: the scan walks this index from the
-- newest entry and stops after a page. region_code is a key column so entries of other regions are skipped inside the
-- index, without visiting the table. 100,000 projects: first page of the province 93 ms -> 0.2 ms, of 350112 2.2 -> 0.3 ms.
create index project_list_order on project (contacted_on desc, code, region_code);

-- A list's total counts every project of the region: this narrow index lets that be an index-only scan instead of a
-- sequential scan of the table. 100,000 projects: the province's count 50-130 ms -> 24 ms.
create index project_region on project (region_code);

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
