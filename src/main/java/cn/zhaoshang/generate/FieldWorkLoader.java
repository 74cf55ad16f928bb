package cn.zhaoshang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes generated field work through a {@link CopyPipe}: teams with their chains and targets, batches with their teams
 * and plan, and the visits in chunks, with the ids the synthesizer gave them (teams, batches and visits are numbered
 * from 1 in generation order; projects and enterprises keep their generation numbers plus one). A visit whose
 * follow-up was closed by a later visit carries it as the import would: done on that visit's day, version 1.
 */
final class FieldWorkLoader implements FieldWorkSynth.Sink {

    private static final Logger log = LoggerFactory.getLogger(FieldWorkLoader.class);
    private static final int CHUNK = 50_000;
    private static final String VISIT_COPY = """
            copy visit (id, visited_on, team_id, region_code, batch_id, city, enterprise_id, kind, leader, members, discussion,
            next_step, follow_up_on, follow_up_done_on, follow_up_visit_id, project_id, created_at, created_by, updated_at, version)
            from stdin""";

    private final CopyPipe pipe;
    private final String with;
    private final Map<String, Long> units;
    private final Map<String, Long> chains;
    private final String stamp;
    private final int firstDay;
    private final String[] dates;
    private final String[] evenings;
    final long[] counts = new long[4]; // teams, batches, plan rows, visits
    private final long t0 = System.nanoTime();

    FieldWorkLoader(CopyPipe pipe, String with, Map<String, Long> units, Map<String, Long> chains, String stamp, int fromYear,
                    LocalDate end) {
        this.pipe = pipe;
        this.with = with;
        this.units = units;
        this.chains = chains;
        this.stamp = stamp;
        this.firstDay = (int) LocalDate.of(fromYear, 1, 1).toEpochDay();
        int days = (int) end.toEpochDay() - firstDay + 120; // follow-ups reach past the last visit
        dates = new String[days];
        evenings = new String[days];
        for (int d = 0; d < days; d++) {
            dates[d] = LocalDate.ofEpochDay(firstDay + d).toString();
            evenings[d] = dates[d] + " 18:00:00+08"; // recorded the evening of the visit
        }
    }

    @Override
    public void county(FieldWorkSynth.CountyWork w) {
        String region = w.county().code();
        CopyText teams = new CopyText(1 << 14);
        CopyText teamChains = new CopyText(1 << 12);
        CopyText targets = new CopyText(1 << 14);
        for (FieldWorkSynth.Team t : w.teams()) {
            teams.number(t.id()).text(t.name()).raw(region).id(units.get(region + "|" + t.unit())).text(t.leader()).text(t.members())
                    .text(array(t.cities())).raw(stamp).number(0).end();
            for (int c : t.chains()) {
                teamChains.number(t.id()).number(chains.get(Words.CHAINS.get(c).name())).end();
            }
            for (int e : t.targets()) {
                targets.number(t.id()).number(e + 1L).end();
            }
        }
        CopyText batches = new CopyText(1 << 14);
        CopyText batchTeams = new CopyText(1 << 14);
        for (FieldWorkSynth.Batch b : w.batches()) {
            batches.number(b.id()).text(b.name()).raw(region).raw(b.startsOn().toString()).raw(b.endsOn().toString())
                    .text(array(b.cities())).raw(stamp).number(0).end();
            for (long team : b.teams()) {
                batchTeams.number(b.id()).number(team).end();
            }
        }
        long firstTeamId = w.teams().get(0).id();
        long firstBatchId = w.batches().isEmpty() ? 0 : w.batches().get(0).id();
        CopyText plans = new CopyText(1 << 16);
        FieldWorkSynth.IntTriples p = w.plans();
        for (int i = 0; i < p.size; i++) {
            plans.number(firstBatchId + w.batchOf()[p.values[3 * i]]).number(firstTeamId + p.values[3 * i + 1])
                    .number(p.values[3 * i + 2] + 1L).end();
        }
        pipe.send(List.of(
                new CopyPipe.Part("copy team (id, name, region_code, unit_id, leader, members, cities, created_at, version) from stdin"
                        + with, "team", teams),
                new CopyPipe.Part("copy team_chain (team_id, chain_id) from stdin" + with, "team_chain", teamChains),
                new CopyPipe.Part("copy team_target (team_id, enterprise_id) from stdin" + with, "team_target", targets),
                new CopyPipe.Part("copy trip_batch (id, name, region_code, starts_on, ends_on, cities, created_at, version) from stdin"
                        + with, "trip_batch", batches),
                new CopyPipe.Part("copy trip_batch_team (batch_id, team_id) from stdin" + with, "trip_batch_team", batchTeams),
                new CopyPipe.Part("copy trip_batch_plan (batch_id, team_id, enterprise_id) from stdin" + with, "trip_batch_plan", plans)));
        counts[0] += w.teams().size();
        counts[1] += w.batches().size();
        counts[2] += p.size;
        visits(w, region, firstTeamId, firstBatchId);
    }

    private void visits(FieldWorkSynth.CountyWork w, String region, long firstTeamId, long firstBatchId) {
        FieldVisits v = w.visits();
        String[] phrases = w.phrases().text;
        CopyText rows = new CopyText(CHUNK * 200);
        for (int i = 0; i < v.size; i++) {
            FieldWorkSynth.Team team = w.teams().get(v.team[i]);
            int done = v.done[i];
            int day = v.day[i] - firstDay;
            rows.number(w.firstVisitId() + i).raw(dates[day]).number(team.id()).raw(region)
                    .id(v.batch[i] < 0 ? -1 : firstBatchId + w.batchOf()[v.batch[i]])
                    .text(v.city[i] < 0 ? null : FieldPool.cityName(v.city[i])).number(v.enterprise[i] + 1L)
                    .raw(v.inspection[i] ? "INSPECTION" : "VISIT").text(team.leader()).text(v.members[i] ? team.members() : null)
                    .text(phrases[v.discussion[i]]).text(v.next[i] < 0 ? null : phrases[v.next[i]])
                    .raw(v.followUp[i] < 0 ? "\\N" : dates[v.followUp[i] - firstDay])
                    .raw(done < 0 ? "\\N" : dates[v.day[done] - firstDay]).id(done < 0 ? -1 : w.firstVisitId() + done)
                    .id(v.project[i] < 0 ? -1 : w.projects().seq[v.project[i]] + 1).raw(evenings[day]).raw(LedgerGenerator.ACTOR)
                    .raw(done < 0 ? evenings[day] : evenings[v.day[done] - firstDay]).number(done < 0 ? 0 : 1).end();
            if ((i + 1) % CHUNK == 0) {
                pipe.send(List.of(new CopyPipe.Part(VISIT_COPY + with, "visit", rows)));
                rows = new CopyText(CHUNK * 200);
            }
        }
        if (rows.length() > 0) {
            pipe.send(List.of(new CopyPipe.Part(VISIT_COPY + with, "visit", rows)));
        }
        long before = counts[3];
        counts[3] += v.size;
        if (counts[3] / 1_000_000 > before / 1_000_000) {
            log.info("已生成 {} 条走访记录（{} 秒）", counts[3], (System.nanoTime() - t0) / 1_000_000_000);
        }
    }

    /** A text[] in COPY form: {北京,上海}; city names need no quoting. */
    private static String array(int[] cities) {
        List<String> names = new ArrayList<>();
        for (int c : cities) {
            names.add(FieldPool.cityName(c));
        }
        return "{" + String.join(",", names) + "}";
    }
}
