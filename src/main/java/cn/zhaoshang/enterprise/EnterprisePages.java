package cn.zhaoshang.enterprise;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.sheet.CellResult;
import cn.zhaoshang.sheet.Cells;
import cn.zhaoshang.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
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

/** 企业: search by name, alias or credit code; correct a name, a credit code or the aliases a company goes by. */
@Controller
class EnterprisePages {

    static final int PAGE_SIZE = 50;

    private final Enterprises enterprises;

    EnterprisePages(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @Permit(Permission.MASTERDATA_READ)
    @GetMapping("/enterprises")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        String query = Pages.blank(q);
        int p = page(page);
        // one more than a page tells whether there is a next one
        List<Enterprises.Listed> found = enterprises.search(query, PAGE_SIZE + 1, p * PAGE_SIZE);
        model.addAttribute("q", query);
        model.addAttribute("rows", found.stream().limit(PAGE_SIZE).toList());
        model.addAttribute("page", p);
        model.addAttribute("prev", p > 0 ? url(query, p - 1) : null);
        model.addAttribute("next", found.size() > PAGE_SIZE ? url(query, p + 1) : null);
        return Pages.partial(request, response) ? "enterprise/list :: results" : "enterprise/list";
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @GetMapping("/enterprises/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Enterprise e = find(id);
        return form(model, e, EnterpriseForm.of(e), Map.of(), null);
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @PostMapping("/enterprises/{id}/edit")
    String save(@PathVariable long id, EnterpriseForm form, Model model, RedirectAttributes redirect) {
        Enterprise e = find(id);
        Map<String, String> errors = new HashMap<>();
        if (Pages.blank(form.name()) == null) {
            errors.put("name", "企业名称不能为空");
        }
        String code = null;
        if (Pages.blank(form.creditCode()) != null) {
            CellResult<String> checked = Cells.creditCode(form.creditCode());
            if (checked.isOk()) {
                code = checked.value();
            } else {
                errors.put("creditCode", checked.error());
            }
        }
        if (!errors.isEmpty()) {
            return form(model, e, form, errors, null);
        }
        try {
            enterprises.update(id, form.name(), code, form.aliasList(), form.versionNumber());
        } catch (DomainException ex) {
            if (ex.status() == HttpStatus.CONFLICT) {
                return form(model, e, form, Map.of(), ex.getMessage());
            }
            if (ex.status() == HttpStatus.BAD_REQUEST) {
                return form(model, e, form, Map.of(fieldOf(ex.getMessage()), ex.getMessage()), null);
            }
            throw ex;
        }
        redirect.addFlashAttribute("flash", "已保存：" + form.name().trim());
        return "redirect:/enterprises?q=" + org.springframework.web.util.UriUtils.encodeQueryParam(form.name().trim(), "UTF-8");
    }

    /** Which field a message of Enterprises.update is about. */
    private static String fieldOf(String message) {
        if (message.contains("信用代码")) {
            return "creditCode";
        }
        return message.contains("别名") ? "aliases" : "name";
    }

    private Enterprise find(long id) {
        return enterprises.find(id).orElseThrow(() -> DomainException.notFound("企业不存在"));
    }

    private String form(Model model, Enterprise e, EnterpriseForm form, Map<String, String> errors, String conflict) {
        model.addAttribute("enterprise", e);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "enterprise/edit";
    }

    private static int page(String s) {
        try {
            return s == null ? 0 : Math.max(0, Math.min(Integer.parseInt(s.trim()), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String url(String q, int page) {
        Map<String, Object> p = new HashMap<>();
        p.put("q", q);
        p.put("page", page == 0 ? null : page);
        return Pages.url("/enterprises", new java.util.TreeMap<>(p));
    }
}
