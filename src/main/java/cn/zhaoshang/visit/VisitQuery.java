package cn.zhaoshang.visit;

import cn.zhaoshang.web.Pages;
import java.util.LinkedHashMap;
import java.util.Map;

/** The region and period a field-work page shows, and the links that keep them. */
record VisitQuery(String region, String from, String to) {

    public String report() {
        return Pages.url("/visits", params());
    }

    public String teams() {
        return Pages.url("/visits/teams", params());
    }

    public String team(long id) {
        return Pages.url("/visits/teams/" + id, params());
    }

    public VisitQuery withPeriod(String from, String to) {
        return new VisitQuery(region, from, to);
    }

    private Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("region", region);
        p.put("from", from);
        p.put("to", to);
        return p;
    }
}
