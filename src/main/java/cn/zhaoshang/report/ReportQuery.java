package cn.zhaoshang.report;

import cn.zhaoshang.web.Pages;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a report page was asked for (region, from, to as typed) and the links it hands out: every figure links to the
 * drill-down of the same region and period, narrowed the way the figure was.
 */
public record ReportQuery(String region, String from, String to) {

    public String drill(String stage) {
        return drill(stage, null, null, null, null);
    }

    public String unit(String unit, String stage) {
        return drill(stage, unit, null, null, null);
    }

    public String chain(String chain, String stage) {
        return drill(stage, null, chain, null, null);
    }

    public String event(String event, Boolean onStage) {
        return drill(null, null, null, event, onStage);
    }

    public String drill(String stage, String unit, String chain, String event, Boolean onStage) {
        Map<String, Object> p = base();
        p.put("stage", stage);
        p.put("unit", unit);
        p.put("chain", chain);
        p.put("event", event);
        p.put("onStage", onStage);
        return Pages.url("/reports/projects", p);
    }

    public String report() {
        return Pages.url("/reports", base());
    }

    public String report(String lang) {
        Map<String, Object> p = base();
        p.put("lang", lang);
        return Pages.url("/reports", p);
    }

    public String briefing(String lang) {
        Map<String, Object> p = base();
        p.put("lang", lang);
        return Pages.url("/reports/briefing", p);
    }

    public String briefingFile(String lang) {
        Map<String, Object> p = base();
        p.put("lang", lang);
        return Pages.url("/api/v1/reports/briefing", p);
    }

    public ReportQuery withPeriod(String newFrom, String newTo) {
        return new ReportQuery(region, newFrom, newTo);
    }

    private Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("region", region);
        p.put("from", from);
        p.put("to", to);
        return p;
    }
}
