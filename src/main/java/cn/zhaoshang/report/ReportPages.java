package cn.zhaoshang.report;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Money;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.platform.ReportDatabase;
import cn.zhaoshang.project.Projects;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** 统计报表: summary, chart, by unit, by chain, signing events and the briefing, every figure a link to its projects. */
@Controller
class ReportPages {

    static final List<String> STAGES = List.of("LANDED", "LEAD", "SIGNED");

    private final ReportRequests requests;
    private final Reports reports;
    private final Briefing briefing;
    private final Regions regions;
    private final Defaults defaults;
    private final JsonMapper json;
    private final ReportDatabase db;

    ReportPages(ReportRequests requests, Reports reports, Briefing briefing, Regions regions, Defaults defaults, JsonMapper json,
                ReportDatabase db) {
        this.db = db;
        this.requests = requests;
        this.reports = reports;
        this.briefing = briefing;
        this.regions = regions;
        this.defaults = defaults;
        this.json = json;
    }

    @Permit(Permission.REPORT_READ)
    @GetMapping("/reports")
    String reports(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String lang, Model model) {
        ReportQuery q = defaults.query(region, from, to);
        boolean traditional = "zh-TW".equalsIgnoreCase(lang);
        model.addAttribute("q", q);
        model.addAttribute("ranges", defaults.ranges(q));
        model.addAttribute("regions", Pages.fujian(regions));
        model.addAttribute("traditional", traditional);
        try {
            ReportPeriod period = requests.period(q.region(), q.from(), q.to());
            // every figure of the page from one database and one snapshot
            db.read(jdbc -> {
                Summary summary = reports.summary(period);
                List<GroupRow> units = reports.byUnit(period);
                model.addAttribute("period", period);
                model.addAttribute("summary", summary);
                model.addAttribute("units", units);
                model.addAttribute("chains", reports.byChain(period));
                model.addAttribute("events", reports.events(period));
                model.addAttribute("briefing", briefing.write(period, traditional));
                model.addAttribute("chart", chart(q, summary, units));
                return null;
            });
        } catch (DomainException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "report/index";
    }

    /** The briefing alone, for the 简体/繁體 toggle; without htmx the whole report page. */
    @Permit(Permission.REPORT_READ)
    @GetMapping("/reports/briefing")
    String briefing(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String lang,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        ReportQuery q = defaults.query(region, from, to);
        if (!Pages.partial(request, response)) {
            return "redirect:" + q.report(lang) + "#briefing";
        }
        boolean traditional = "zh-TW".equalsIgnoreCase(lang);
        model.addAttribute("q", q);
        model.addAttribute("traditional", traditional);
        model.addAttribute("briefing", briefing.write(requests.period(q.region(), q.from(), q.to()), traditional));
        return "report/index :: briefing";
    }

    /** What reports.js draws: the stages as a ring and the ten biggest units as bars, each part linking to its projects. */
    private String chart(ReportQuery q, Summary summary, List<GroupRow> units) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (String s : STAGES) {
            Figures f = summary.stage(s);
            stages.add(Map.of("code", s, "name", ReportStages.LABELS.get(s), "count", f.count(),
                    "yi", Money.yi(f.investment()), "url", q.drill(s)));
        }
        List<Map<String, Object>> bars = new ArrayList<>();
        for (GroupRow r : units.stream().limit(10).toList()) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("name", r.key());
            bar.put("yi", Money.yi(r.investment()));
            bar.put("landedYi", Money.yi(r.landed().investment()));
            bar.put("count", r.count());
            bar.put("landedCount", r.landed().count());
            bar.put("url", q.unit(r.key(), null));
            bar.put("landedUrl", q.unit(r.key(), "LANDED"));
            bars.add(bar);
        }
        return json.writeValueAsString(Map.of("stages", stages, "units", bars));
    }

    /** A quick choice of period on the report form. */
    record Range(String label, String from, String to, boolean active) {
    }

    /**
     * The region and period a report page opens with: the account's own region, or (for an account that sees everything)
     * the region with the most projects, 长乐区 on an empty ledger; this year up to today.
     */
    @Component
    static class Defaults {

        static final String FALLBACK_REGION = "350112";

        private final CurrentUser currentUser;
        private final Projects projects;
        private final Clock clock;
        private final boolean demo;

        Defaults(CurrentUser currentUser, Projects projects, Clock clock, @Value("${zhaoshang.demo:false}") boolean demo) {
            this.currentUser = currentUser;
            this.projects = projects;
            this.clock = clock;
            this.demo = demo;
        }

        String region() {
            DataScope scope = currentUser.scope();
            if (!scope.equals(DataScope.EVERYTHING)) {
                return scope.regionFrom();
            }
            return projects.busiestRegion(scope).orElse(FALLBACK_REGION);
        }

        LocalDate today() {
            return LocalDate.now(clock);
        }

        ReportQuery query(String region, String from, String to) {
            LocalDate today = today();
            return new ReportQuery(Pages.blank(region) == null ? region() : region.trim(),
                    Pages.blank(from) == null ? today.withDayOfYear(1).toString() : from.trim(),
                    Pages.blank(to) == null ? today.toString() : to.trim());
        }

        List<Range> ranges(ReportQuery q) {
            LocalDate today = today();
            List<Range> ranges = new ArrayList<>();
            add(ranges, q, "本年至今", today.withDayOfYear(1), today);
            LocalDate lastYear = today.minusYears(1);
            add(ranges, q, lastYear.getYear() + "年全年", lastYear.withDayOfYear(1), lastYear.withDayOfYear(lastYear.lengthOfYear()));
            if (demo) {
                add(ranges, q, "2017年1-7月", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 7, 31));
                add(ranges, q, "“518”考评", LocalDate.of(2017, 1, 1), LocalDate.of(2017, 5, 18));
            }
            return ranges;
        }

        boolean demo() {
            return demo;
        }

        private static void add(List<Range> ranges, ReportQuery q, String label, LocalDate from, LocalDate to) {
            ranges.add(new Range(label, from.toString(), to.toString(), from.toString().equals(q.from()) && to.toString().equals(q.to())));
        }
    }
}
