package cn.zhaoshang.project;

import cn.zhaoshang.web.Pages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The project list's request as it stands in the URL (search, filters, sort, page), so a list is bookmarkable and
 * works without JavaScript; and the links that change one thing while keeping the rest.
 */
public record ProjectQuery(String q, String stage, String unit, String chain, String region, String key, String sort,
                           String dir, String page) {

    // amounts and dates read best biggest/newest first
    private static final Set<String> DESC_FIRST = Set.of("investment", "contactedOn");

    public ProjectQuery {
        q = Pages.blank(q);
        stage = Pages.blank(stage);
        unit = Pages.blank(unit);
        chain = Pages.blank(chain);
        region = Pages.blank(region);
        key = Pages.blank(key);
        sort = Pages.blank(sort);
        dir = Pages.blank(dir);
        page = Pages.blank(page);
    }

    public int pageNumber() {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean ascending() {
        return "asc".equalsIgnoreCase(dir);
    }

    /** The column the list is sorted by; without a choice, newest contact first. */
    public String sortedBy() {
        return sort == null ? "contactedOn" : sort;
    }

    public boolean isSortedBy(String column) {
        return sortedBy().equals(column);
    }

    public String sortIcon(String column) {
        if (!isSortedBy(column)) {
            return "bi-chevron-expand";
        }
        boolean asc = sort != null && ascending();
        return asc ? "bi-caret-up-fill" : "bi-caret-down-fill";
    }

    /** Sorting by a column: a second click turns the direction round; the page starts again at 1. */
    public String sortUrl(String column) {
        String newDir;
        if (isSortedBy(column)) {
            newDir = sort != null && ascending() ? "desc" : "asc";
        } else {
            newDir = DESC_FIRST.contains(column) ? "desc" : "asc";
        }
        Map<String, Object> p = params();
        p.put("sort", column);
        p.put("dir", newDir);
        p.remove("page");
        return Pages.url("/projects", p);
    }

    public String pageUrl(int n) {
        Map<String, Object> p = params();
        p.put("page", n == 0 ? null : n);
        return Pages.url("/projects", p);
    }

    public String url() {
        return Pages.url("/projects", params());
    }

    public boolean filtered() {
        return q != null || stage != null || unit != null || chain != null || region != null || key != null;
    }

    private Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("q", q);
        p.put("stage", stage);
        p.put("unit", unit);
        p.put("chain", chain);
        p.put("region", region);
        p.put("key", key);
        p.put("sort", sort);
        p.put("dir", dir);
        p.put("page", page);
        return p;
    }
}
