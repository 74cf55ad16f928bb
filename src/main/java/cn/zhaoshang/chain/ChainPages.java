package cn.zhaoshang.chain;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.CurrentUser;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 产业链: the chains projects are promoted along, with their project counts; rename one. */
@Controller
class ChainPages {

    private final Chains chains;
    private final CurrentUser currentUser;

    ChainPages(Chains chains, CurrentUser currentUser) {
        this.chains = chains;
        this.currentUser = currentUser;
    }

    record Row(Chain chain, long projects) {
    }

    @Permit(Permission.MASTERDATA_READ)
    @GetMapping("/chains")
    String list(Model model) {
        Map<Long, Long> counts = chains.projectCounts(currentUser.scope());
        model.addAttribute("rows", chains.all().stream().map(c -> new Row(c, counts.getOrDefault(c.id(), 0L))).toList());
        return "chain/list";
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @GetMapping("/chains/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Chain c = find(id);
        return form(model, c, ChainForm.of(c), null, null);
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @PostMapping("/chains/{id}/edit")
    String save(@PathVariable long id, ChainForm form, Model model, RedirectAttributes redirect) {
        Chain c = find(id);
        try {
            chains.rename(id, form.name(), form.versionNumber());
        } catch (DomainException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                return form(model, c, form, null, e.getMessage());
            }
            if (e.status() == HttpStatus.BAD_REQUEST) {
                return form(model, c, form, e.getMessage(), null);
            }
            throw e;
        }
        redirect.addFlashAttribute("flash", "已保存：" + form.name().trim());
        return "redirect:/chains";
    }

    private Chain find(long id) {
        return chains.find(id).orElseThrow(() -> DomainException.notFound("产业链不存在"));
    }

    private String form(Model model, Chain chain, ChainForm form, String nameError, String conflict) {
        model.addAttribute("chain", chain);
        model.addAttribute("form", form);
        model.addAttribute("nameError", nameError);
        model.addAttribute("conflict", conflict);
        return "chain/edit";
    }
}
