package cn.zhaoshang.project;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.UnitKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One project: its fields, its stage timeline, its family (lead fission) and its change history. */
@Controller
class ProjectPages {

    private final Projects projects;
    private final Regions regions;
    private final CurrentUser currentUser;

    ProjectPages(Projects projects, Regions regions, CurrentUser currentUser) {
        this.projects = projects;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @Permit(Permission.PROJECT_READ)
    @GetMapping("/projects/{code}")
    String show(@PathVariable String code, Model model) {
        DataScope scope = currentUser.scope();
        ProjectView p = projects.find(code, scope).orElseThrow(() -> DomainException.notFound("项目不存在：" + code));
        model.addAttribute("p", p);
        model.addAttribute("regionName", regions.resolve(p.region()).map(Region::fullName).orElse(p.region()));
        model.addAttribute("unitKind", p.unitKind() == null ? null : UnitKind.valueOf(p.unitKind()).label());
        model.addAttribute("steps", steps(p));
        Optional<ProjectView> parent = p.parentCode() == null ? Optional.empty() : projects.find(p.parentCode(), scope);
        model.addAttribute("parent", parent.orElse(null));
        model.addAttribute("family", family(parent.orElse(p), scope));
        model.addAttribute("history", projects.history(p.code()));
        return "project/show";
    }

    /** The stages in order: reached (with its date when one was recorded), the current one, or not yet reached. */
    record Step(String label, LocalDate date, boolean reached, boolean current) {
    }

    static List<Step> steps(ProjectView p) {
        String[] labels = {"对接", "签约", "落地", "开工", "竣工"};
        LocalDate[] dates = {p.contactedOn(), p.signedOn(), p.landedOn(), p.startedOn(), p.completedOn()};
        int last = 0;
        for (int i = 0; i < dates.length; i++) {
            if (dates[i] != null) {
                last = i;
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            // a later date means the step was passed, even when its own date was never recorded
            steps.add(new Step(labels[i], dates[i], i <= last, i == last && p.terminatedOn() == null));
        }
        return steps;
    }

    /**
     * A lead and the projects split from it. The lead's 总投资 counts only its own part, so the family's total is the
     * plain sum and no money is counted twice.
     */
    record Family(ProjectView lead, List<ProjectView> children, BigDecimal total) {
    }

    private Family family(ProjectView lead, DataScope scope) {
        List<ProjectView> children = projects.children(lead.code(), scope);
        if (children.isEmpty()) {
            return null;
        }
        BigDecimal total = children.stream().map(ProjectView::investment).reduce(lead.investment(), BigDecimal::add);
        return new Family(lead, children, total);
    }
}
