package cn.zhaoshang.project;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.Units;
import cn.zhaoshang.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 项目库: search as you type, filters, sortable columns and pages, all kept in the URL. */
@Controller
class ProjectListPages {

    static final int PAGE_SIZE = 20;

    private final Projects projects;
    private final Units units;
    private final Chains chains;
    private final Regions regions;
    private final CurrentUser currentUser;

    ProjectListPages(Projects projects, Units units, Chains chains, Regions regions, CurrentUser currentUser) {
        this.projects = projects;
        this.units = units;
        this.chains = chains;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @Permit(Permission.PROJECT_READ)
    @GetMapping("/projects")
    String list(ProjectQuery query, HttpServletRequest request, HttpServletResponse response, Model model) {
        DataScope scope = currentUser.scope();
        String region = query.region();
        if (region != null && regions.resolve(region).isEmpty()) {
            model.addAttribute("problem", "未知的行政区划代码：" + region + "，已忽略该条件");
            region = null;
        }
        ProjectFilter filter = new ProjectFilter(query.q(), query.stage() == null ? null : Stage.parse(query.stage()).orElse(null),
                number(query.unit()), number(query.chain()), region,
                query.key() == null ? null : Boolean.valueOf("true".equals(query.key())),
                query.sort(), query.ascending(), query.pageNumber(), PAGE_SIZE);
        Page<ProjectView> page = projects.list(filter, scope);
        if (page.items().isEmpty() && page.total() > 0 && filter.page() > 0) {
            // a page past the end (after a filter narrowed the list): show the last one
            filter = new ProjectFilter(filter.q(), filter.stage(), filter.unitId(), filter.chainId(), filter.regionCode(),
                    filter.keyProject(), filter.sort(), filter.ascending(), page.pages() - 1, PAGE_SIZE);
            page = projects.list(filter, scope);
        }
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("pager", Pages.pager(page.page(), page.pages(), query::pageUrl));
        if (Pages.partial(request, response)) {
            return "project/list :: results";
        }
        model.addAttribute("stages", Stage.values());
        model.addAttribute("unitGroups", unitGroups(scope));
        model.addAttribute("chains", chains.all());
        model.addAttribute("regions", Pages.fujian(regions));
        return "project/list";
    }

    /** The units a user may filter by, grouped by kind (and by region where there are several) for the select. */
    private Map<String, List<Unit>> unitGroups(DataScope scope) {
        List<Unit> list = units.inRegions(scope.regionFrom(), scope.regionTo()).stream()
                .filter(u -> scope.unitId() == null || scope.unitId() == u.id()).toList();
        boolean severalRegions = list.stream().map(Unit::regionCode).distinct().count() > 1;
        Map<String, List<Unit>> groups = new LinkedHashMap<>();
        for (Unit u : list) {
            String label = (severalRegions ? regions.name(u.regionCode()) + " · " : "") + u.kind().label();
            groups.computeIfAbsent(label, k -> new ArrayList<>()).add(u);
        }
        return groups;
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
