-- X of the running totals (V7, RunningTotalsSql.landedThenTerminated): the projects that landed before a period's start
-- and were terminated within it. Every report statement reads X from the ledger, and found it through
-- project_terminated_day: every project of the region terminated within the period, fetched from the heap to check its
-- landing day. At 1,000,000 projects that is 3,988 projects (2,545 heap pages) of the province in 2017 for none in X:
-- 6 ms of the province's by-unit statement with a warm cache, 76 ms with a cold one, in each of the briefing's three
-- statements. A project that landed and was later terminated is rare; this index holds only those, with what the
-- statements read of them. The statements add the condition of its predicate (implied by theirs: landed before from,
-- terminated on or after it) so that PostgreSQL can use it.
create index project_landed_then_terminated on project (terminated_on, region_code)
    include (landed_eff, signed_on, unit_id, chain_id, event_id, investment, foreign_investment, utilized_foreign_capital,
             on_stage)
    where landed_eff < terminated_on;
