package cn.zhaoshang.visit;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.web.Pages;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 招商小分队: the teams with their assignment and coverage; one team with its targets, follow-ups and recent visits. */
@Controller
class TeamPages {

    private final Teams teams;
    private final FollowUps followUps;
    private final VisitDefaults defaults;
    private final Regions regions;
    private final Actors actors;
    private final JdbcClient jdbc;

    TeamPages(Teams teams, FollowUps followUps, VisitDefaults defaults, Regions regions, Actors actors, JdbcClient jdbc) {
        this.teams = teams;
        this.followUps = followUps;
        this.defaults = defaults;
        this.regions = regions;
        this.actors = actors;
        this.jdbc = jdbc;
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/teams")
    String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Actor actor = actors.current();
        VisitQuery q = defaults.query(null, from, to, actor);
        model.addAttribute("q", q);
        model.addAttribute("teams", teams.list(actor.scope(), Params.date("from", q.from()), Params.date("to", q.to())));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TeamForm.blank(q.region()));
        }
        model.addAttribute("regions", Pages.fujian(regions));
        return "visit/teams";
    }

    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits/teams")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        TeamForm form = TeamForm.of(params);
        try {
            long id = teams.save(null, form.spec(), null, actors.current());
            redirect.addFlashAttribute("flash", "已新建小分队“" + form.name().strip() + "”");
            return "redirect:/visits/teams/" + id;
        } catch (DomainException e) {
            if (e.status().is5xxServerError() || e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("form", form);
            model.addAttribute("problem", e.getMessage());
            return list(null, null, model);
        }
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/teams/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Model model) {
        Actor actor = actors.current();
        VisitQuery q = defaults.query(null, from, to, actor);
        Teams.Listed team = teams.find(id, actor.scope(), Params.date("from", q.from()), Params.date("to", q.to()))
                .orElseThrow(() -> DomainException.notFound("小分队不存在"));
        model.addAttribute("q", q);
        model.addAttribute("team", team);
        model.addAttribute("targets", teams.targets(id));
        model.addAttribute("buckets", followUps.forTeam(id, actor.scope()));
        model.addAttribute("recent", recent(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", formOf(team));
        }
        model.addAttribute("regions", Pages.fujian(regions));
        return "visit/team";
    }

    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits/teams/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        TeamForm form = TeamForm.of(params);
        try {
            teams.save(id, form.spec(), form.versionNumber(), actors.current());
            redirect.addFlashAttribute("flash", "已保存");
            return "redirect:/visits/teams/" + id;
        } catch (DomainException e) {
            if (e.status().is5xxServerError() || e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("form", form);
            model.addAttribute("problem", e.getMessage());
            return show(id, null, null, model);
        }
    }

    record Recent(long id, LocalDate visitedOn, String kind, long enterpriseId, String enterprise, String city, String batch,
                  String nextStep, String projectCode) {
    }

    private java.util.List<Recent> recent(long teamId) {
        return jdbc.sql("""
                select v.id, v.visited_on, v.kind, e.id, e.name, v.city, b.name, v.next_step, p.code
                from visit v join enterprise e on e.id = v.enterprise_id left join trip_batch b on b.id = v.batch_id
                left join project p on p.id = v.project_id
                where v.team_id = ? order by v.visited_on desc, v.id desc limit 50""")
                .param(teamId)
                .query((rs, n) -> new Recent(rs.getLong(1), rs.getObject(2, LocalDate.class), Kind.valueOf(rs.getString(3)).label(),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    private TeamForm formOf(Teams.Listed t) {
        StringBuilder targets = new StringBuilder();
        teams.targets(t.id()).forEach(x -> targets.append(x.name()).append(x.creditCode() == null ? "" : "," + x.creditCode()).append('\n'));
        return new TeamForm(t.name(), t.regionCode(), t.unit() == null ? "" : t.unit(), t.leader() == null ? "" : t.leader(),
                t.members() == null ? "" : t.members(), t.chains() == null ? "" : t.chains(), t.cities() == null ? "" : t.cities(),
                targets.toString(), String.join("、", teams.users(t.id())), String.valueOf(t.version()));
    }
}
