package cn.zhaoshang.report;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import cn.zhaoshang.project.ProjectView;
import cn.zhaoshang.web.Pages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The projects behind one report figure: same region, period and selection, so count and total equal the figure. */
@Controller
class DrilldownPages {

    static final int PAGE_SIZE = 20;

    private final ReportRequests requests;
    private final Drilldown drilldown;
    private final ReportPages.Defaults defaults;

    DrilldownPages(ReportRequests requests, Drilldown drilldown, ReportPages.Defaults defaults) {
        this.requests = requests;
        this.drilldown = drilldown;
        this.defaults = defaults;
    }

    @Permit(Permission.REPORT_READ)
    @GetMapping("/reports/projects")
    String projects(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String unit, @RequestParam(required = false) String chain,
                    @RequestParam(required = false) String event, @RequestParam(required = false) String onStage,
                    @RequestParam(required = false) String page, Model model) {
        ReportQuery q = defaults.query(region, from, to);
        model.addAttribute("q", q);
        try {
            ReportPeriod period = requests.period(q.region(), q.from(), q.to());
            Drilldown.Selection s = new Drilldown.Selection(ReportStages.parse(stage), Pages.blank(unit), Pages.blank(chain),
                    Pages.blank(event), Params.optionalFlag("onStage", onStage));
            int p = Params.integer("page", page, 0, 0, 1_000_000);
            Drilldown.Result r = drilldown.list(period, s, p, PAGE_SIZE);
            model.addAttribute("period", period);
            model.addAttribute("title", title(s));
            model.addAttribute("result", r);
            model.addAttribute("rows", r.page().items().stream().map(v -> Row.of(v, period.to())).toList());
            model.addAttribute("pager", Pages.pager(p, r.page().pages(),
                    n -> q.drill(s.stage(), s.unit(), s.chain(), s.event(), s.onStage()) + "&page=" + n));
        } catch (DomainException e) {
            model.addAttribute("title", "项目明细");
            model.addAttribute("problem", e.getMessage());
        }
        return "report/projects";
    }

    /** "东南大数据产业园 · 落地项目", "第十九届海交会 · 上台签约项目", "对接洽谈项目". */
    static String title(Drilldown.Selection s) {
        List<String> parts = new ArrayList<>();
        for (String name : new String[] {s.unit(), s.chain(), s.event()}) {
            if (name != null) {
                parts.add(s.chain() != null && name.equals(s.chain()) && !name.startsWith("（") ? name + "产业链" : name);
            }
        }
        String what;
        if (s.stage() != null) {
            what = ReportStages.LABELS.get(s.stage()) + "项目";
        } else if (s.event() != null) {
            what = Boolean.TRUE.equals(s.onStage()) ? "上台签约项目" : Boolean.FALSE.equals(s.onStage()) ? "非上台签约项目" : "签约项目";
        } else {
            what = "对接洽谈项目";
        }
        if (s.event() == null && s.onStage() != null) {
            what = (s.onStage() ? "上台签约的" : "非上台签约的") + what;
        }
        parts.add(what);
        return String.join(" · ", parts);
    }

    /** A project of the figure and its stage on the report's end date (what the figure counted it as). */
    record Row(ProjectView project, String stageOnTo, String stageOnToLabel) {

        static Row of(ProjectView p, LocalDate to) {
            LocalDate landed = p.landedOn() != null ? p.landedOn() : p.startedOn() != null ? p.startedOn() : p.completedOn();
            String s = landed != null && !landed.isAfter(to) ? "LANDED"
                    : p.signedOn() != null && !p.signedOn().isAfter(to) ? "SIGNED" : "LEAD";
            return new Row(p, s, ReportStages.LABELS.get(s));
        }
    }
}
