package cn.zhaoshang.project;

import cn.zhaoshang.platform.VersionedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds the ids of a list page in order, by the query shape that reads the fewest rows for its conditions and sort
 * (1,000,000 projects, issue 5). Every shape gives the same rows in the same order: sorted by the chosen column, ties by
 * code in the opposite direction (so one index serves both directions; V11).
 * <ul>
 * <li>a search: its matches through the search's indexes, counted and sorted in one statement ({@link #search});</li>
 * <li>a prefecture or the province: the first rows of each region from its index, merged ({@link #perRegion});</li>
 * <li>by unit: each unit's projects in code order, units by name ({@link #byUnit});</li>
 * <li>otherwise (a county, one unit, a deep page): one query, whose plan PostgreSQL picks.</li>
 * </ul>
 * Sorted by code, name, investment or stage, the rows come from V29's {@code project_listed} (the list table, whose
 * indexes give those orders, and its inbox of an import's rows not merged yet), unless one unit's projects are asked
 * for (the project table's unit indexes find them); sorted by contact date or unit, from the project table.
 */
final class ProjectListQuery {

    /** Beyond this many rows before the page's end, a page is read by the plain query. */
    static final int MERGE_LIMIT = 1000;

    private static final Map<String, String> SORTS = Map.of(
            "code", "p.code", "name", "p.name", "investment", "p.investment", "contactedOn", "p.contacted_on",
            "stage", "p.stage", "unit", "u.name");

    private final JdbcClient jdbc;
    private final ListConditions c;
    private final String sort;
    private final String column;
    private final String dir;
    private final String tie;
    private final int limit;
    private final long offset;
    private final String table;

    ProjectListQuery(JdbcClient jdbc, ListConditions c, ProjectFilter f) {
        this.jdbc = jdbc;
        this.c = c;
        this.sort = f.sort() != null && SORTS.containsKey(f.sort()) ? f.sort() : "contactedOn";
        this.column = SORTS.get(sort);
        boolean asc = f.sort() != null && SORTS.containsKey(f.sort()) && f.ascending();
        this.dir = asc ? " asc" : " desc";
        this.tie = asc ? " desc" : " asc";
        this.limit = f.size();
        this.offset = (long) f.page() * f.size();
        this.table = LISTED.contains(sort) && !c.oneUnit() ? "project_listed" : "project";
    }

    /** The sorts whose indexes are on V29's list table. */
    private static final Set<String> LISTED = Set.of("code", "name", "investment", "stage");

    /** The page's ids, in order (no search: the total comes from ProjectCounts). */
    List<Long> ids() {
        long end = offset + limit;
        if (end > MERGE_LIMIT || c.oneUnit()) {
            return plain();
        }
        if ("unit".equals(sort)) {
            return byUnit((int) end);
        }
        if (c.regionFrom().equals(c.regionTo())) {
            return plain();
        }
        return perRegion((int) end);
    }

    private List<Long> plain() {
        String join = "unit".equals(sort) ? " left join unit u on u.id = p.unit_id" : "";
        return jdbc.sql("select p.id from " + table + " p" + join + " where " + c.all() + " order by " + column + dir
                        + ", p.code" + tie + " limit :limit offset :offset")
                .paramSource(page(c.params())).query(Long.class).list();
    }

    /**
     * The regions holding matching projects (from the tally), and in each its first rows along the sort's index
     * (region_code leads, V11); the page is the first of those. A province's first page reads about twenty index
     * entries per region instead of sorting a million rows.
     */
    private List<Long> perRegion(int end) {
        String others = String.join("", c.others());
        String sql = """
                select x.id from (
                    select t.region_code from project_tally t where %s group by t.region_code having sum(t.n) > 0) r
                cross join lateral (
                    select p.id, %s as k, p.code from %s p where p.region_code = r.region_code%s
                    order by %s%s, p.code%s limit :n) x
                order by x.k%s, x.code%s limit :limit offset :offset"""
                .formatted(ProjectCounts.tallyWhere(c), column, table, others, column, dir, tie, dir, tie);
        return jdbc.sql(sql).paramSource(page(ProjectCounts.tallyParams(c)).addValue("n", end)).query(Long.class).list();
    }

    /**
     * Sorted by unit name: the projects of the first few units by name, each unit's in code order (its index), and
     * the projects without a unit (last going up, first going down). Only when the first units hold fewer rows than the
     * page needs are more units read.
     */
    private List<Long> byUnit(int end) {
        boolean asc = " asc".equals(dir);
        List<Long> rows = new ArrayList<>();
        if (!asc) {
            rows.addAll(withoutUnit(end));
        }
        if (rows.size() < end) {
            rows.addAll(withUnit(end - rows.size()));
        }
        if (asc && rows.size() < end) {
            rows.addAll(withoutUnit(end - rows.size()));
        }
        return rows.subList((int) Math.min(offset, rows.size()), rows.size());
    }

    private List<Long> withoutUnit(int n) {
        return jdbc.sql("select p.id from project p where " + c.all() + " and p.unit_id is null order by p.code" + tie
                        + " limit :n")
                .paramSource(c.params().addValue("n", n)).query(Long.class).list();
    }

    private List<Long> withUnit(int n) {
        for (int units : new int[] {5, 50}) {
            // the name of the units-th unit by name: those up to it hold the first rows, if they hold enough
            List<String> cutoff = jdbc.sql("select name from unit where region_code between :rf and :rt order by name" + dir
                            + " limit 1 offset :k")
                    .param("rf", c.regionFrom()).param("rt", c.regionTo()).param("k", units - 1).query(String.class).list();
            if (cutoff.isEmpty()) {
                break;
            }
            List<Long> rows = firstOfEachUnit(dir.equals(" asc") ? " <= " : " >= ", cutoff.get(0), n);
            if (rows.size() >= n) {
                return rows;
            }
        }
        return jdbc.sql("select p.id from project p join unit u on u.id = p.unit_id where " + c.all()
                        + " order by u.name" + dir + ", p.code" + tie + " limit :n")
                .paramSource(c.params().addValue("n", n)).query(Long.class).list();
    }

    /**
     * The first rows of the units named up to the cutoff: each unit's first {@code n} in code order from its index
     * (project_unit_code), then the page among those, instead of every project of the range joined with the units
     * and sorted: a prefecture's page 52 → 1 ms, a county's 7 → 0.1 ms (docs/benchmarks.md, "Session 10"; for the
     * county, V21's statistics tell PostgreSQL that a unit's projects are in its region).
     *
     * <p>A project may name a unit of another region (the application writes none, the schema allows it), and its rows
     * must sort in as the plain join would sort them. So the units looked at are those of the regions in range, and
     * those of other regions up to the cutoff that the running totals hold for a region in range (report_totals:
     * dimension U, a row per region, unit and year of a step, written for every project, since each has a contact date,
     * and never deleted but by a rebuild that writes them again).
     */
    private List<Long> firstOfEachUnit(String cut, String cutoff, int n) {
        Long[] outside = jdbc.sql("select u.id from unit u where u.name" + cut + ":cutoff"
                        + " and u.region_code not between :rf and :rt")
                .param("cutoff", cutoff).param("rf", c.regionFrom()).param("rt", c.regionTo())
                .query(Long.class).list().toArray(Long[]::new);
        Long[] named = outside.length == 0 ? outside : jdbc.sql("""
                        select distinct d.key_id from report_totals d
                        where d.dim = 'U' and d.grain = 'Y' and d.region_code between :rf and :rt and d.key_id = any(:ids)""")
                .param("rf", c.regionFrom()).param("rt", c.regionTo()).param("ids", outside)
                .query(Long.class).list().toArray(Long[]::new);
        return jdbc.sql("""
                        select x.id from unit u
                        cross join lateral (
                            select p.id, p.code from project p where p.unit_id = u.id and %s
                            order by p.code%s limit :n) x
                        where u.name%s:cutoff and (u.region_code between :rf and :rt or u.id = any(:named))
                        order by u.name%s, x.code%s limit :n"""
                        .formatted(c.all(), tie, cut, dir, tie))
                .paramSource(c.params().addValue("cutoff", cutoff).addValue("n", n).addValue("named", named))
                .query(Long.class).list();
    }

    /** A search's total and page; kept (Projects.search), it weighs a row per id. */
    record Found(long total, List<Long> ids) implements VersionedCache.Weighed {
        @Override
        public int rows() {
            return ids.size();
        }
    }

    /** What a search's result depends on besides the data: its conditions, order and page. */
    record SearchKey(String regionFrom, String regionTo, Long scopeUnit, Stage stage, Long unit, Long chain, Boolean key,
                     String text, String sort, String dir, int limit, long offset) {
    }

    SearchKey searchKey() {
        return new SearchKey(c.regionFrom(), c.regionTo(), c.scopeUnit(), c.stage(), c.unit(), c.chain(), c.key(), c.search(),
                sort, dir, limit, offset);
    }

    /**
     * A search: the matches found once through the search's indexes (ListConditions.SEARCH_IDS), counted, and the page
     * taken from them in order. Counting and sorting the matches cost about the same as finding them, whether they
     * are a handful (华恒: 171 in the province) or a quarter of the ledger (科技).
     */
    Found search() {
        String join = "unit".equals(sort) ? " left join unit u on u.id = p.unit_id" : "";
        String sql = """
                with m as (select p.id, %s as k, p.code from project p%s where %s)
                select (select count(*) from m) as total,
                       array(select m.id from m order by m.k%s, m.code%s limit :limit offset :offset) as ids"""
                .formatted(column, join, c.all(), dir, tie);
        return jdbc.sql(sql).paramSource(page(c.params())).query((rs, n) -> {
            Long[] ids = (Long[]) rs.getArray("ids").getArray();
            return new Found(rs.getLong("total"), List.of(ids));
        }).single();
    }

    private MapSqlParameterSource page(MapSqlParameterSource params) {
        return params.addValue("limit", limit).addValue("offset", offset);
    }
}
