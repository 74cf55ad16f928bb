package cn.zhaoshang.demo;

import cn.zhaoshang.enterprise.EnterpriseRef;
import cn.zhaoshang.sheet.SheetRow;
import cn.zhaoshang.visit.Actor;
import cn.zhaoshang.visit.Teams;
import cn.zhaoshang.visit.TripBatches;
import cn.zhaoshang.visit.VisitImport;
import cn.zhaoshang.visit.VisitImportResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * The field work of the Changle 2017 demo, loaded after the ledger: the 17 teams with their assignment, the 8 trip
 * batches with their plan, then the visits and inspections through the ordinary visits import.
 */
@Component
class ChangleVisits {

    private static final Actor DEMO = Actor.system("demo");

    private final Teams teams;
    private final TripBatches batches;
    private final VisitImport visitImport;

    ChangleVisits(Teams teams, TripBatches batches, VisitImport visitImport) {
        this.teams = teams;
        this.batches = batches;
        this.visitImport = visitImport;
    }

    VisitImportResult load(List<Map<String, String>> ledger) {
        ChangleVisitPlan plan = new ChangleVisitPlan(ledger);
        Map<String, String> codes = new HashMap<>();
        plan.rows.forEach(r -> codes.putIfAbsent(r.get("企业"), r.get("统一社会信用代码")));
        List<ChangleTeams.Team> all = ChangleTeams.all();
        Random rnd = new Random(2017L);
        VisitWords unvisited = new VisitWords();
        for (int t = 0; t < all.size(); t++) {
            ChangleTeams.Team team = all.get(t);
            List<EnterpriseRef> targets = new ArrayList<>();
            for (String e : plan.visitedBy.getOrDefault(t, java.util.Set.of()).stream().sorted().toList()) {
                if (rnd.nextInt(5) > 0) {
                    targets.add(new EnterpriseRef(codes.get(e), e));
                }
            }
            for (int i = 0; i < 2; i++) {
                targets.add(new EnterpriseRef(null, unvisited.company(team.cities().get(i % team.cities().size()), team.chains().get(0), rnd)));
            }
            teams.put(new Teams.Spec(team.name(), ChangleVisitPlan.REGION, team.unit(), team.leader(), team.members(),
                    team.chains(), team.cities(), targets, List.of()), DEMO);
        }
        for (ChangleVisitPlan.Batch b : ChangleVisitPlan.BATCHES) {
            List<TripBatches.Plan> planned = new ArrayList<>();
            for (String[] p : plan.planned.getOrDefault(b.name(), List.of())) {
                planned.add(new TripBatches.Plan(p[0], new EnterpriseRef(p[2], p[1])));
            }
            for (int i = 0; i < 5; i++) {
                ChangleTeams.Team team = all.get(i);
                planned.add(new TripBatches.Plan(team.name(), new EnterpriseRef(null,
                        unvisited.company(b.cities().get(0), team.chains().get(0), rnd))));
            }
            List<String> going = all.stream().filter(t -> t.cities().stream().anyMatch(b.cities()::contains))
                    .map(ChangleTeams.Team::name).toList();
            batches.save(new TripBatches.Spec(b.name(), ChangleVisitPlan.REGION, b.from(), b.days().get(2), b.cities(), going, planned),
                    DEMO);
        }
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.rows.size(); i++) {
            rows.add(new SheetRow(i + 2, plan.rows.get(i)));
        }
        return visitImport.importRows("长乐2017走访演示数据", ChangleVisitPlan.HEADERS, rows, DEMO);
    }
}
