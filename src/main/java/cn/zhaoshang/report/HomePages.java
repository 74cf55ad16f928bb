package cn.zhaoshang.report;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.project.ProjectFilter;
import cn.zhaoshang.project.Projects;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 首页: this year's figures for the user's region, quick links, and the newest projects. */
@Controller
class HomePages {

    private final ReportRequests requests;
    private final Reports reports;
    private final Projects projects;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final ReportPages.Defaults defaults;

    HomePages(ReportRequests requests, Reports reports, Projects projects, Regions regions, CurrentUser currentUser,
              ReportPages.Defaults defaults) {
        this.requests = requests;
        this.reports = reports;
        this.projects = projects;
        this.regions = regions;
        this.currentUser = currentUser;
        this.defaults = defaults;
    }

    @Permit
    @GetMapping("/")
    String home(@RequestParam(required = false) String region, Model model) {
        ReportQuery q = defaults.query(region, null, null);
        model.addAttribute("q", q);
        model.addAttribute("regions", Pages.fujian(regions));
        model.addAttribute("demo", defaults.demo());
        model.addAttribute("demoQuery", new ReportQuery(q.region(), "2017-01-01", "2017-07-31"));
        // a system administrator keeps accounts and master data, not business figures: show only what the user may read
        if (Pages.can("report:read")) {
            try {
                ReportPeriod period = requests.period(q.region(), q.from(), q.to());
                model.addAttribute("period", period);
                model.addAttribute("summary", reports.summary(period));
                model.addAttribute("units", reports.byUnit(period).stream().limit(5).toList());
            } catch (DomainException e) {
                model.addAttribute("problem", e.getMessage());
            }
        }
        if (Pages.can("project:read")) {
            model.addAttribute("recent", projects.list(new ProjectFilter(null, null, null, null, null, null, null, false, 0, 8),
                    currentUser.scope()).items());
        }
        return "home";
    }
}
