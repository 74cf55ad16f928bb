package cn.zhaoshang.event;

import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.CurrentUser;
import cn.zhaoshang.sheet.CellResult;
import cn.zhaoshang.sheet.Cells;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 签约活动: fairs and signing ceremonies, with how many projects were signed there; correct name, date and place. */
@Controller
class EventPages {

    private final SigningEvents events;
    private final CurrentUser currentUser;

    EventPages(SigningEvents events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    record Row(SigningEvent event, long projects, long onStage) {
    }

    @Permit(Permission.MASTERDATA_READ)
    @GetMapping("/events")
    String list(Model model) {
        Map<Long, SigningEvents.Signings> counts = events.projectCounts(currentUser.scope());
        model.addAttribute("rows", events.all().stream().map(e -> {
            SigningEvents.Signings s = counts.getOrDefault(e.id(), new SigningEvents.Signings(0, 0));
            return new Row(e, s.projects(), s.onStage());
        }).toList());
        return "event/list";
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @GetMapping("/events/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        SigningEvent e = find(id);
        return form(model, e, EventForm.of(e), Map.of(), null);
    }

    @Permit(Permission.MASTERDATA_EDIT)
    @PostMapping("/events/{id}/edit")
    String save(@PathVariable long id, EventForm form, Model model, RedirectAttributes redirect) {
        SigningEvent e = find(id);
        CellResult<LocalDate> date = Cells.date(form.heldOn() == null ? "" : form.heldOn());
        if (!date.isOk()) {
            return form(model, e, form, Map.of("heldOn", "活动日期：" + date.error()), null);
        }
        String place = form.place() == null || form.place().isBlank() ? null : form.place().trim();
        try {
            events.update(id, form.name(), date.value(), place, form.versionNumber());
        } catch (DomainException ex) {
            if (ex.status() == HttpStatus.CONFLICT) {
                return form(model, e, form, Map.of(), ex.getMessage());
            }
            if (ex.status() == HttpStatus.BAD_REQUEST) {
                return form(model, e, form, Map.of("name", ex.getMessage()), null);
            }
            throw ex;
        }
        redirect.addFlashAttribute("flash", "已保存：" + form.name().trim());
        return "redirect:/events";
    }

    private SigningEvent find(long id) {
        return events.find(id).orElseThrow(() -> DomainException.notFound("签约活动不存在"));
    }

    private String form(Model model, SigningEvent event, EventForm form, Map<String, String> errors, String conflict) {
        model.addAttribute("event", event);
        model.addAttribute("form", form);
        model.addAttribute("errors", new HashMap<>(errors));
        model.addAttribute("conflict", conflict);
        return "event/edit";
    }
}
