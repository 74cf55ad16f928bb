-- 1. The running totals' one-letter keys (dim R/U/C, grain Y/M) become PostgreSQL's one-byte "char" instead of char(1).
--
-- Found by timing a 20,000-row import (docs/benchmarks.md, "Session 6"): its fold at commit writes about 96,000 rows of
-- report_delta, and most of that time is spent in the two indexes, whose first two columns were char(1). A char(1)
-- comparison goes through the blank-padded text comparison (padding stripped, then compared as strings); "char"
-- compares one byte. Inserting those 96,000 rows into the table and its indexes took 1.4-2.0 s before and 0.9-1.2 s
-- after (the same rows in random order, the order the fold's aggregate gives). The reports read the same rows through
-- the same indexes, with the same literals ('U', 'Y'); nothing else changes.

alter table report_delta drop constraint report_delta_dim_check, drop constraint report_delta_grain_check;
alter table report_delta
    alter column dim type "char" using dim::"char",
    alter column grain type "char" using grain::"char";
alter table report_delta
    add constraint report_delta_dim_check check (dim in ('R', 'U', 'C')),
    add constraint report_delta_grain_check check (grain in ('Y', 'M'));

alter table report_event_delta drop constraint report_event_delta_grain_check;
alter table report_event_delta alter column grain type "char" using grain::"char";
alter table report_event_delta add constraint report_event_delta_grain_check check (grain in ('Y', 'M'));

-- 2. V1's index on project.stage alone: every list filtered by stage also names a region range (the user's scope), and is
-- answered by V11's project_list_stage (region_code, stage desc, code); the counts come from project_tally. It was read
-- twice in a benchmark database's whole life (pg_stat_user_indexes) and costs every inserted project an index entry.
drop index if exists project_stage;
