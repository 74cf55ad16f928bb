package cn.zhaoshang.visit;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 跟进提醒 (mine or a team's), an enterprise's story, and the trip batches with their plan against the visits. */
@Controller
class FieldWorkPages {

    private final FollowUps followUps;
    private final Teams teams;
    private final Story story;
    private final Enterprises enterprises;
    private final TripBatches batches;
    private final Actors actors;

    FieldWorkPages(FollowUps followUps, Teams teams, Story story, Enterprises enterprises, TripBatches batches, Actors actors) {
        this.followUps = followUps;
        this.teams = teams;
        this.story = story;
        this.enterprises = enterprises;
        this.batches = batches;
        this.actors = actors;
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/follow-ups")
    String followUps(@RequestParam(required = false) String team, Model model) {
        Actor actor = actors.current();
        Long teamId = Params.optionalLong("team", team);
        model.addAttribute("teams", teams.names(actor.scope()));
        model.addAttribute("teamId", teamId);
        if (teamId == null) {
            model.addAttribute("buckets", followUps.forUser(actor.username(), actor.scope()));
        } else {
            var chosen = teams.named(teamId, actor.scope()).orElseThrow(() -> DomainException.notFound("小分队不存在"));
            model.addAttribute("team", chosen);
            model.addAttribute("buckets", followUps.forTeam(teamId, actor.scope()));
        }
        return "visit/follow-ups";
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/enterprises/{id}")
    String story(@PathVariable long id, Model model) {
        var e = enterprises.find(id).orElseThrow(() -> DomainException.notFound("企业不存在"));
        model.addAttribute("e", e);
        model.addAttribute("story", story.of(id, actors.current().scope()));
        return "visit/story";
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/batches")
    String batches(Model model) {
        Actor actor = actors.current();
        model.addAttribute("batches", batches.list(actor.scope()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("region", actor.defaultRegion() == null ? VisitDefaults.FALLBACK_REGION : actor.defaultRegion()));
        }
        return "visit/batches";
    }

    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits/batches")
    String saveBatch(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            var plan = new java.util.ArrayList<TripBatches.Plan>();
            for (String line : params.getOrDefault("plan", "").split("\\R")) {
                String[] parts = line.split("[,，\\t]");
                if (parts.length >= 2 && !parts[0].isBlank() && !parts[1].isBlank()) {
                    plan.add(new TripBatches.Plan(parts[0].strip(), new cn.zhaoshang.enterprise.EnterpriseRef(
                            parts.length > 2 ? parts[2].strip().toUpperCase(java.util.Locale.ROOT) : null, parts[1].strip())));
                }
            }
            batches.save(new TripBatches.Spec(params.get("name"), params.get("region"), date("startsOn", params.get("startsOn")),
                    date("endsOn", params.get("endsOn")), TeamForm.split(params.get("cities")), TeamForm.split(params.get("teams")), plan),
                    actors.current());
            redirect.addFlashAttribute("flash", "已保存批次“" + params.get("name").strip() + "”");
            return "redirect:/visits/batches";
        } catch (DomainException e) {
            if (e.status().is5xxServerError()) {
                throw e;
            }
            model.addAttribute("form", params);
            model.addAttribute("problem", e.getMessage());
            return batches(model);
        }
    }

    private static LocalDate date(String name, String value) {
        return value == null || value.isBlank() ? null : Params.date(name, value);
    }
}
