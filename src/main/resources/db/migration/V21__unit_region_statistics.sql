-- A unit's projects lie in the unit's region (the application resolves a unit by the project's region and name), so
-- "unit_id = u AND region_code = r" selects about as many rows as "unit_id = u" alone. Without being told, PostgreSQL
-- multiplies the two selectivities, takes a county's unit's projects in that county for a handful, and reads them by
-- combining both indexes and sorting (6.4 ms for the first page of a county sorted by unit, five units) instead of
-- along the unit's index in code order (0.1 ms): ProjectListQuery.firstOfEachUnit, docs/benchmarks.md, "Session 10".
-- The dependency statistics tell it; ANALYZE (and autovacuum's after it) keeps them.
create statistics project_unit_region (dependencies) on unit_id, region_code from project;
analyze project;
