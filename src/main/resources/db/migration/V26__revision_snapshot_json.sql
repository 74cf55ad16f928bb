-- A revision's snapshot (V14) is kept as json, the text as written, instead of jsonb. Nothing queries inside it but the
-- odd ->> of a test; the import writes one per changed project (97,163 + 2,837 in a 100,000-row import) and reads the
-- last one of each project it may update, as text. For 100,000 of the import's snapshots (390 bytes on average),
-- parsing into jsonb took 470 ms and into json 140 ms, writing jsonb out as text 400-450 ms and json 184-190 ms
-- (docs/benchmarks.md, "Session 12"): PostgreSQL's one backend is the import's bottleneck while it writes.
--
-- The snapshot stays validated JSON. The change rewrites the table once: 6.4 s for 1,000,000 revisions.
alter table project_revision alter column snapshot type json using snapshot::json;
