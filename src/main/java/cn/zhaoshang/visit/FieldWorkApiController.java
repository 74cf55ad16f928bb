package cn.zhaoshang.visit;

import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import cn.zhaoshang.enterprise.Enterprises;
import cn.zhaoshang.identity.Permission;
import cn.zhaoshang.identity.Permit;
import cn.zhaoshang.report.ReportPeriod;
import cn.zhaoshang.report.ReportRequests;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rest of the field work in JSON: one visit, follow-ups, an enterprise's story, teams, batches, funnel, lookup. */
@RestController
@RequestMapping("/api/v1")
class FieldWorkApiController {

    private final VisitEntry entry;
    private final FollowUps followUps;
    private final Story story;
    private final Teams teams;
    private final TripBatches batches;
    private final Funnel funnel;
    private final EnterpriseLookup lookup;
    private final Enterprises enterprises;
    private final ReportRequests requests;
    private final Actors actors;

    FieldWorkApiController(VisitEntry entry, FollowUps followUps, Story story, Teams teams, TripBatches batches, Funnel funnel,
                           EnterpriseLookup lookup, Enterprises enterprises, ReportRequests requests, Actors actors) {
        this.entry = entry;
        this.followUps = followUps;
        this.story = story;
        this.teams = teams;
        this.batches = batches;
        this.funnel = funnel;
        this.lookup = lookup;
        this.enterprises = enterprises;
        this.requests = requests;
        this.actors = actors;
    }

    /** One visit, the columns under their field names (date, team, enterprise, kind, …); lead: {name, investment, chain}. */
    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits")
    ResponseEntity<Map<String, Object>> record(@RequestBody(required = false) Map<String, Object> body) {
        Map<String, Object> b = body == null ? Map.of() : body;
        VisitEntry.Lead lead = b.get("lead") instanceof Map<?, ?> l
                ? new VisitEntry.Lead(text(l.get("name")), text(l.get("investment")), text(l.get("chain"))) : null;
        VisitEntry.Saved saved = entry.record(VisitEntry.raw(strings(b)), lead, actors.current());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", saved.visitId());
        answer.put("projectCode", saved.projectCode());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @Permit(Permission.VISIT_EDIT)
    @PostMapping("/visits/{id}/follow-up")
    Map<String, Object> followUp(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        VisitEntry.Saved saved = entry.followUp(id, VisitEntry.raw(strings(body == null ? Map.of() : body)), actors.current());
        return Map.of("id", saved.visitId(), "done", id);
    }

    /** The follow-up list of a team ({@code team}) or, without it, of the signed-in user. */
    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/follow-ups")
    FollowUps.Buckets followUps(@RequestParam(required = false) String team) {
        Actor actor = actors.current();
        Long teamId = Params.optionalLong("team", team);
        if (teamId == null) {
            return followUps.forUser(actor.username(), actor.scope());
        }
        FollowUps.Buckets buckets = followUps.forTeam(teamId, actor.scope()); // only the scope's teams' visits
        if (buckets.size() == 0) { // nothing due, or no such team within the scope: which one, the answer must say
            teams.named(teamId, actor.scope()).orElseThrow(() -> DomainException.notFound("小分队不存在：" + teamId));
        }
        return buckets;
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/enterprises/{id}")
    Map<String, Object> story(@PathVariable long id) {
        var e = enterprises.find(id).orElseThrow(() -> DomainException.notFound("企业不存在：" + id));
        Story.Told told = story.of(id, actors.current().scope());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("enterprise", e.name());
        answer.put("creditCode", e.creditCode());
        answer.put("aliases", e.aliases());
        answer.put("visits", told.visitCount());
        answer.put("inspections", told.inspectionCount());
        answer.put("records", told.visits());
        answer.put("projects", told.projects());
        answer.put("referred", told.referred());
        return answer;
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/teams")
    Map<String, Object> teams(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate f = from == null || from.isBlank() ? LocalDate.of(1900, 1, 1) : Params.date("from", from);
        LocalDate t = to == null || to.isBlank() ? LocalDate.of(2100, 12, 31) : Params.date("to", to);
        return Map.of("items", teams.list(actors.current().scope(), f, t));
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/batches")
    Map<String, Object> batches() {
        return Map.of("items", batches.list(actors.current().scope()));
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/reports/visits/funnel")
    Map<String, Object> funnel(@RequestParam(required = false) String region, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        ReportPeriod period = requests.period(region, from, to);
        return Map.of("teams", funnel.byTeam(period), "repeatVisits", funnel.repeatVisits(period));
    }

    @Permit(Permission.VISIT_READ)
    @GetMapping("/visits/lookup")
    Map<String, Object> lookup(@RequestParam(required = false) String q) {
        return Map.of("items", lookup.find(q, 10));
    }

    private static Map<String, String> strings(Map<String, Object> body) {
        Map<String, String> s = new HashMap<>();
        body.forEach((k, v) -> s.put(k, text(v)));
        return s;
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
