package cn.zhaoshang.project;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.chain.Chain;
import cn.zhaoshang.chain.Chains;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.event.SigningEvent;
import cn.zhaoshang.event.SigningEvents;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.Units;
import cn.zhaoshang.web.Pages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * 新建 and 编辑 a project. The form's text goes to the validator as a sheet row would; each message shows beside its
 * field, a concurrent save (409) at the top, and whatever the user typed stays in the form.
 */
@Controller
class ProjectFormPages {

    private final ProjectEditing editing;
    private final Projects projects;
    private final ProjectGuards guards;
    private final CurrentUser currentUser;
    private final Units units;
    private final Chains chains;
    private final SigningEvents events;
    private final Regions regions;
    private final Clock clock;

    ProjectFormPages(ProjectEditing editing, Projects projects, ProjectGuards guards, CurrentUser currentUser, Units units,
                     Chains chains, SigningEvents events, Regions regions, Clock clock) {
        this.editing = editing;
        this.projects = projects;
        this.guards = guards;
        this.currentUser = currentUser;
        this.units = units;
        this.chains = chains;
        this.events = events;
        this.regions = regions;
        this.clock = clock;
    }

    @Permit(Permission.PROJECT_EDIT)
    @GetMapping("/projects/new")
    String newForm(Model model) {
        DataScope scope = currentUser.scope();
        String region = scope.equals(DataScope.EVERYTHING) ? projects.busiestRegion(scope).orElse("350112") : scope.regionFrom();
        // unit staff may only enter their own unit's projects: start with it filled in
        String unit = scope.unitId() == null ? "" : units.find(scope.unitId()).map(Unit::name).orElse("");
        return form(model, ProjectForm.blank(region, unit, LocalDate.now(clock).toString()), null, Map.of(), null);
    }

    @Permit(Permission.PROJECT_EDIT)
    @PostMapping("/projects/new")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        ProjectForm form = ProjectForm.of(params);
        try {
            String code = editing.create(form.raw(), currentUser.username(), currentUser.scope(), guards.forCurrentUser());
            redirect.addFlashAttribute("flash", "已保存：新建项目 " + code);
            return "redirect:/projects/" + UriUtils.encodePathSegment(code, "UTF-8");
        } catch (FormRejectedException e) {
            return form(model, form, null, e.byField(), null);
        } catch (DomainException e) {
            return form(model, form, null, Map.of(), rethrowUnlessUserError(e));
        }
    }

    @Permit(Permission.PROJECT_EDIT)
    @GetMapping("/projects/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        ProjectView p = projects.find(code, currentUser.scope()).orElseThrow(() -> DomainException.notFound("项目不存在：" + code));
        return form(model, ProjectForm.of(p), p, Map.of(), null);
    }

    @Permit(Permission.PROJECT_EDIT)
    @PostMapping("/projects/{code}/edit")
    String update(@PathVariable String code, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        ProjectView p = projects.find(code, currentUser.scope()).orElseThrow(() -> DomainException.notFound("项目不存在：" + code));
        ProjectForm form = ProjectForm.of(params);
        try {
            editing.update(code, form.version() == null ? -1 : form.version(), form.raw(), currentUser.username(),
                    currentUser.scope(), guards.forCurrentUser());
            redirect.addFlashAttribute("flash", "已保存");
            return "redirect:/projects/" + UriUtils.encodePathSegment(code, "UTF-8");
        } catch (FormRejectedException e) {
            return form(model, form, p, e.byField(), null);
        } catch (DomainException e) {
            return form(model, form, p, Map.of(), rethrowUnlessUserError(e));
        }
    }

    /** A conflict or a bad request is the user's to resolve in the form; anything else is a real error page. */
    private static DomainException rethrowUnlessUserError(DomainException e) {
        if (e.status() != HttpStatus.CONFLICT && e.status() != HttpStatus.BAD_REQUEST) {
            throw e;
        }
        return e;
    }

    private String form(Model model, ProjectForm form, ProjectView existing, Map<String, String> errors, DomainException problem) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("sections", ProjectForm.SECTIONS);
        model.addAttribute("errors", errors);
        // messages that belong to no field of the form still need to be seen
        Map<String, String> other = new LinkedHashMap<>(errors);
        for (ProjectColumn c : ProjectColumn.values()) {
            other.remove(c.field());
        }
        model.addAttribute("otherErrors", other.values());
        if (problem != null) {
            model.addAttribute(problem.status() == HttpStatus.CONFLICT ? "conflict" : "problem", problem.getMessage());
        }
        DataScope scope = currentUser.scope();
        model.addAttribute("unitNames", units.inRegions(scope.regionFrom(), scope.regionTo()).stream()
                .filter(u -> scope.unitId() == null || scope.unitId() == u.id()).map(Unit::name).distinct().sorted().toList());
        model.addAttribute("chainNames", chains.all().stream().map(Chain::name).toList());
        model.addAttribute("eventNames", events.all().stream().map(SigningEvent::name).toList());
        model.addAttribute("regions", Pages.fujian(regions));
        model.addAttribute("stageLabels", List.of("线索", "已签约", "落地", "开工", "竣工", "终止"));
        return "project/form";
    }
}
