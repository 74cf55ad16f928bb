package cn.zhaoshang.visit;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 录入走访: the fast entry form for a phone — today's date and the user's team pre-filled, the enterprise found while
 * typing (name, credit code or pinyin initials) — and 已跟进, which records the next visit of an open follow-up.
 */
@Controller
class EntryPages {

    private final VisitEntry entry;
    private final EnterpriseLookup lookup;
    private final Teams teams;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    EntryPages(VisitEntry entry, EnterpriseLookup lookup, Teams teams, Actors actors, JdbcClient jdbc, Clock clock) {
        this.entry = entry;
        this.lookup = lookup;
        this.teams = teams;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record TeamChoice(long id, String name, String region, String cities) {
    }

    @Permit(Permission.VISIT_EDIT)
    @GetMapping("/visits/new")
    String form(@RequestParam(required = false) String team, @RequestParam(required = false) String enterprise, Model model) {
        Actor actor = actors.current();
        List<TeamChoice> choices = choices(actor);
        Map<String, String> form = new HashMap<>();
        form.put("date", LocalDate.now(clock).toString());
        form.put("kind", Kind.VISIT.label());
        TeamChoice chosen = pick(choices, team, teams.teamsOf(actor.username()));
        if (chosen != null) {
            form.put("team", chosen.name());
            form.put("region", chosen.region());
        } else if (actor.defaultRegion() != null) {
            form.put("region", actor.defaultRegion());
        }
        if (enterprise != null) {
            form.put("enterprise", enterprise);
        }
        return show(model, form, Map.of(), choices);
    }

    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits/new")
    String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = actors.current();
        VisitEntry.Lead lead = "on".equals(params.get("createLead"))
                ? new VisitEntry.Lead(params.get("leadName"), params.get("leadInvestment"), params.get("leadChain")) : null;
        try {
            VisitEntry.Saved saved = entry.record(VisitEntry.raw(params), lead, actor);
            redirect.addFlashAttribute("flash", "已记录：" + params.get("enterprise") + "（" + params.get("date") + "）"
                    + (saved.projectCode() == null ? "" : "，已建线索 " + saved.projectCode()));
            redirect.addAttribute("team", params.get("team"));
            return "redirect:/visits/new?saved=" + saved.visitId();
        } catch (EntryRejectedException e) {
            return show(model, params, e.byField(), choices(actor));
        }
    }

    /** Suggestions while typing an enterprise (htmx). */
    @Permit(Permission.VISIT_EDIT)
    @GetMapping("/visits/lookup")
    String suggestions(@RequestParam(required = false) String enterprise, Model model) {
        model.addAttribute("found", lookup.find(enterprise, 8));
        return "visit/entry :: suggestions";
    }

    @Permit(Permission.VISIT_EDIT)
    @GetMapping("/visits/{id}/follow-up")
    String followUpForm(@PathVariable long id, Model model) {
        Map<String, Object> open = open(id, actors.current());
        Map<String, String> form = new HashMap<>();
        form.put("date", LocalDate.now(clock).toString());
        form.put("kind", Kind.VISIT.label());
        model.addAttribute("open", open);
        model.addAttribute("form", form);
        model.addAttribute("errors", Map.of());
        return "visit/follow-up";
    }

    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits/{id}/follow-up")
    String followUp(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = actors.current();
        Map<String, Object> open = open(id, actor);
        try {
            entry.followUp(id, VisitEntry.raw(params), actor);
            redirect.addFlashAttribute("flash", "已记录跟进：" + open.get("enterprise"));
            return "redirect:/visits/follow-ups";
        } catch (EntryRejectedException e) {
            model.addAttribute("open", open);
            model.addAttribute("form", params);
            model.addAttribute("errors", e.byField());
            return "visit/follow-up";
        }
    }

    private Map<String, Object> open(long id, Actor actor) {
        var scope = actor.scope();
        return jdbc.sql("""
                select v.id, v.visited_on, v.kind, v.next_step, v.follow_up_on, v.follow_up_done_on, t.name as team, e.name as enterprise,
                       e.id as enterprise_id
                from visit v join team t on t.id = v.team_id join enterprise e on e.id = v.enterprise_id
                where v.id = :id and t.region_code between :rf and :rt and (cast(:unit as bigint) is null or t.unit_id = :unit)""")
                .param("id", id).param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query().listOfRows().stream().findFirst().orElseThrow(() -> DomainException.notFound("走访记录不存在"));
    }

    private String show(Model model, Map<String, String> form, Map<String, String> errors, List<TeamChoice> choices) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", choices);
        model.addAttribute("kinds", Kind.values());
        return "visit/entry";
    }

    private List<TeamChoice> choices(Actor actor) {
        var scope = actor.scope();
        return jdbc.sql("""
                select id, name, region_code, array_to_string(cities, '、') from team
                where region_code between :rf and :rt and (cast(:unit as bigint) is null or unit_id = :unit)
                order by region_code, name""")
                .param("rf", scope.regionFrom()).param("rt", scope.regionTo()).param("unit", scope.unitId())
                .query((rs, n) -> new TeamChoice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The team asked for, else the user's own team, else the only team there is. */
    private static TeamChoice pick(List<TeamChoice> choices, String asked, List<Long> own) {
        for (TeamChoice c : choices) {
            if (asked != null && (asked.equals(String.valueOf(c.id())) || asked.equals(c.name()))) {
                return c;
            }
        }
        for (TeamChoice c : choices) {
            if (own.contains(c.id())) {
                return c;
            }
        }
        return choices.size() == 1 ? choices.get(0) : null;
    }
}
