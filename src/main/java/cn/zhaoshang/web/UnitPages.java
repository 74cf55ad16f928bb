package cn.zhaoshang.web;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.Unit;
import cn.zhaoshang.unit.UnitKind;
import cn.zhaoshang.unit.Units;
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

/**
 * 责任单位: the units of the user's regions with their project counts; rename a unit or change its kind.
 * In web rather than unit: identity depends on unit (accounts name their unit), so unit's pages cannot depend on identity.
 */
@Controller
class UnitPages {

    private final Units units;
    private final Regions regions;
    private final CurrentUser currentUser;

    UnitPages(Units units, Regions regions, CurrentUser currentUser) {
        this.units = units;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    /** A unit as listed: with its region's name and how many projects it is responsible for. */
    record Row(Unit unit, String regionName, long projects) {
    }

    @Permit(Permission.MASTERDATA_READ)
    @GetMapping("/units")
    String list(@RequestParam(required = false) String region, Model model) {
        DataScope scope = currentUser.scope();
        String from = scope.regionFrom();
        String to = scope.regionTo();
        String code = Pages.blank(region);
        if (code != null) {
            Region r = regions.resolve(code).orElse(null);
            if (r == null) {
                model.addAttribute("problem", "未知的行政区划代码：" + code + "，已显示全部单位");
            } else {
                DataScope narrowed = scope.within(r.rangeFrom(), r.rangeTo());
                from = narrowed.regionFrom();
                to = narrowed.regionTo();
                model.addAttribute("regionName", r.fullName());
            }
        }
        Map<Long, Long> counts = units.projectCounts(from, to, scope.unitId());
        List<Row> rows = units.inRegions(from, to).stream()
                .filter(u -> scope.unitId() == null || scope.unitId() == u.id())
                .map(u -> new Row(u, regions.name(u.regionCode()), counts.getOrDefault(u.id(), 0L))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("region", code);
        model.addAttribute("regions", Pages.fujian(regions));
        return "unit/list";
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @GetMapping("/units/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Unit u = visible(id);
        return form(model, u, UnitForm.of(u), null, null);
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @PostMapping("/units/{id}/edit")
    String save(@PathVariable long id, UnitForm form, Model model, RedirectAttributes redirect) {
        Unit u = visible(id);
        UnitKind kind;
        try {
            kind = UnitKind.valueOf(form.kind() == null ? "" : form.kind());
        } catch (IllegalArgumentException e) {
            return form(model, u, form, "请选择单位类别", null);
        }
        try {
            units.update(id, form.name(), kind, form.versionNumber());
        } catch (DomainException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                return form(model, u, form, null, e.getMessage());
            }
            if (e.status() == HttpStatus.BAD_REQUEST) {
                return form(model, u, form, e.getMessage(), null);
            }
            throw e;
        }
        redirect.addFlashAttribute("flash", "已保存：" + form.name().trim());
        return "redirect:/units?region=" + u.regionCode();
    }

    private Unit visible(long id) {
        DataScope scope = currentUser.scope();
        return units.find(id)
                .filter(u -> scope.coversRegion(u.regionCode()) && (scope.unitId() == null || scope.unitId() == u.id()))
                .orElseThrow(() -> DomainException.notFound("责任单位不存在"));
    }

    private String form(Model model, Unit unit, UnitForm form, String nameError, String conflict) {
        model.addAttribute("unit", unit);
        model.addAttribute("regionName", regions.resolve(unit.regionCode()).map(Region::fullName).orElse(unit.regionCode()));
        model.addAttribute("form", form);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("nameError", nameError);
        model.addAttribute("conflict", conflict);
        return "unit/edit";
    }
}
