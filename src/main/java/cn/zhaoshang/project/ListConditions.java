package cn.zhaoshang.project;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.SearchText;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The conditions of a project list on {@code project p}: the region range, the unit of the scope, the filters and the
 * search, each as SQL with named parameters, so that the list's query shapes (ProjectListQuery) can combine them.
 *
 * @param others the conditions besides the region range and the search, each starting with " and "
 */
record ListConditions(String regionFrom, String regionTo, Long scopeUnit, Stage stage, Long unit, Long chain, Boolean key,
                      String search, List<String> others, MapSqlParameterSource params) {

    static ListConditions of(ProjectFilter f, DataScope s) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        params.addValue("rf", s.regionFrom()).addValue("rt", s.regionTo());
        List<String> others = new ArrayList<>();
        if (s.unitId() != null) {
            others.add(" and p.unit_id = :scopeUnit");
            params.addValue("scopeUnit", s.unitId());
        }
        if (f.stage() != null) {
            others.add(" and p.stage = :stage");
            params.addValue("stage", f.stage().name());
        }
        if (f.unitId() != null) {
            others.add(" and p.unit_id = :unit");
            params.addValue("unit", f.unitId());
        }
        if (f.chainId() != null) {
            others.add(" and p.chain_id = :chain");
            params.addValue("chain", f.chainId());
        }
        if (f.keyProject() != null) {
            others.add(" and p.key_project = :key");
            params.addValue("key", f.keyProject());
        }
        String search = SearchText.of(f.q());
        if (search != null) {
            params.addValue("text", search).addValue("q", SearchText.containing(search)).addValue("code", search.toUpperCase());
        }
        return new ListConditions(s.regionFrom(), s.regionTo(), s.unitId(), f.stage(), f.unitId(), f.chainId(),
                f.keyProject(), search, List.copyOf(others), params);
    }

    static final String REGION = "p.region_code between :rf and :rt";

    /**
     * What the search finds, as the ids of the matching projects in the region, each way of matching through its own
     * index (V10's name pieces in V27's search tables, the code, the credit code), so a search reads the matching rows
     * only.
     */
    static final String SEARCH_IDS = """
            p.id in (
                %s
                union
                select c.id from project c where c.code = :code
                union
                select x.id from project x
                where x.region_code between :rf and :rt and x.investor_id in (
                    %s)
                union
                select x.id from project x
                where x.region_code between :rf and :rt and x.investor_id in (
                    select e.id from enterprise e where e.credit_code = cast(:code as bpchar)
                    union
                    select a.enterprise_id from enterprise_alias a
                    where name_pieces(a.alias) @> search_pieces(cast(:text as text)) and a.alias like :q))"""
            .formatted(SearchText.PROJECT_IDS, SearchText.ENTERPRISE_IDS);

    boolean searching() {
        return search != null;
    }

    /** Only one unit's projects: few enough to read and sort. */
    boolean oneUnit() {
        return scopeUnit != null || unit != null;
    }

    /** Whether the tally (V11) has the count: the filters are all among its keys. */
    boolean countedByTally() {
        return !searching() && !oneUnit();
    }

    /** The region range; one region as an equality, so that its index gives the rows in the sort's order. */
    String region() {
        return regionFrom.equals(regionTo) ? "p.region_code = :rf" : REGION;
    }

    /** Every condition but the search, the region range first. */
    String filters() {
        return region() + String.join("", others);
    }

    /** Every condition, the search's among them. */
    String all() {
        return filters() + (searching() ? " and " + SEARCH_IDS : "");
    }

}
