package cn.zhaoshang.report;

import cn.zhaoshang.common.Params;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md §4. */
@RestController
@RequestMapping("/api/v1/reports")
@Permit(Permission.REPORT_READ)
class ReportApiController {

    private final ReportRequests requests;
    private final Reports reports;
    private final Briefing briefing;
    private final Drilldown drilldown;
    private final cn.zhaoshang.audit.AuditTrail audit;

    ReportApiController(ReportRequests requests, Reports reports, Briefing briefing, Drilldown drilldown,
                        cn.zhaoshang.audit.AuditTrail audit) {
        this.audit = audit;
        this.requests = requests;
        this.reports = reports;
        this.briefing = briefing;
        this.drilldown = drilldown;
    }

    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to) {
        return reports.summary(requests.period(region, from, to));
    }

    @GetMapping("/by-unit")
    Map<String, List<GroupRow>> byUnit(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        return Map.of("rows", reports.byUnit(requests.period(region, from, to)));
    }

    @GetMapping("/by-chain")
    Map<String, List<GroupRow>> byChain(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        return Map.of("rows", reports.byChain(requests.period(region, from, to)));
    }

    @GetMapping("/events")
    Map<String, List<EventRow>> events(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        return Map.of("rows", reports.events(requests.period(region, from, to)));
    }

    @GetMapping(value = "/briefing", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> briefing(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        boolean traditional = lang != null && (lang.equalsIgnoreCase("zh-TW") || lang.equalsIgnoreCase("zh-Hant"));
        ReportPeriod period = requests.period(region, from, to);
        String text = briefing.write(period, traditional);
        // a briefing leaves the system: on record like every export
        audit.record(cn.zhaoshang.audit.AuditEntry.success("EXPORT_BRIEFING", "report",
                period.region().code() + " " + period.from() + "~" + period.to(), null));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).body(text);
    }

    /** The projects behind a figure: same parameters, plus which figure (stage, unit, chain, event, onStage). */
    @GetMapping("/projects")
    Map<String, Object> projects(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, @RequestParam(required = false) String stage,
                                 @RequestParam(required = false) String unit, @RequestParam(required = false) String chain,
                                 @RequestParam(required = false) String event, @RequestParam(required = false) String onStage,
                                 @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Drilldown.Result r = drilldown.list(requests.period(region, from, to),
                new Drilldown.Selection(ReportStages.parse(stage), blank(unit), blank(chain), blank(event),
                        Params.optionalFlag("onStage", onStage)),
                Params.integer("page", page, 0, 0, 1_000_000), Params.integer("size", size, 20, 1, 500));
        return Map.of("items", r.page().items(), "total", r.figures().count(), "investment", r.figures().investment(),
                "page", r.page().page(), "size", r.page().size());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
