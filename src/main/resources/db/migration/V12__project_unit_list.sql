-- The list of one unit (unit staff see nothing else; the office filters by unit): its first page in the default order,
-- newest first contact first, and its exact total. With only (unit_id, code) the page read every project of the unit and
-- of the region range (a bitmap AND) and sorted them, and the total visited the table for the region: for the largest
-- unit of the prefecture 350100 at 1,000,000 projects (7,209 projects) 42 ms for the page and 13 ms for the count. Along
-- this index the page is its first 20 entries (0.07 ms) and the count an index-only scan (2 ms), the region checked in
-- the index (docs/benchmarks.md, "Every target on an idle machine").
create index project_unit_contacted on project (unit_id, contacted_on desc, code) include (region_code)
    where unit_id is not null;
