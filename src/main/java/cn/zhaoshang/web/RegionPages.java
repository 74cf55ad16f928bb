package cn.zhaoshang.web;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.RegionSuccession;
import cn.zhaoshang.region.Regions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 行政区划: browse the shipped GB/T 2260 directory (province → prefecture → county) and the retired codes. */
@Controller
class RegionPages {

    private final Regions regions;

    RegionPages(Regions regions) {
        this.regions = regions;
    }

    /** A region in a listing, with how many regions lie directly under it. */
    record Row(Region region, int children) {
    }

    /** A retired code, with the name of the code that replaced it. */
    record Retired(RegionSuccession succession, String newName) {
    }

    @Permit(Permission.MASTERDATA_READ)
    @GetMapping("/regions")
    String browse(@RequestParam(required = false) String code, Model model) {
        String c = Pages.blank(code);
        Region current = null;
        if (c != null) {
            Optional<Region> found = regions.resolve(c);
            if (found.isEmpty()) {
                model.addAttribute("problem", "未知的行政区划代码：" + c);
            } else {
                current = found.get();
                regions.succession(c).ifPresent(s -> model.addAttribute("succession", s));
            }
        }
        List<Region> list = current == null ? regions.provinces() : regions.children(current.code());
        model.addAttribute("current", current);
        model.addAttribute("path", current == null ? List.of() : regions.path(current.code()));
        model.addAttribute("rows", list.stream().map(r -> new Row(r, regions.children(r.code()).size())).toList());
        model.addAttribute("retired", regions.retiredCodes().stream()
                .sorted(Comparator.comparing(RegionSuccession::effectiveOn).reversed().thenComparing(RegionSuccession::oldCode))
                .map(s -> new Retired(s, regions.name(s.newCode()))).toList());
        model.addAttribute("code", c);
        return "region/index";
    }
}
