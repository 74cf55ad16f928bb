package cn.zhaoshang.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the field work of a generated ledger (CONTRACT.md §5), county by county in code order, from one seed: each
 * county's investment teams (park teams led by the county's leaders, chain teams of the departments, township teams),
 * each year's trip batches, and exactly the requested number of visits and inspections, shared among the counties as
 * their projects are and growing over the years. What happens on a team's day is {@link TeamWork}'s.
 */
final class FieldWorkSynth {

    /** Receives each county's field work, ids assigned. */
    interface Sink {
        void county(CountyWork work) throws Exception;
    }

    record Team(long id, String name, String unit, String leader, String members, int[] chains, int[] cities, int[] targets) {
    }

    record Batch(long id, String name, LocalDate startsOn, LocalDate endsOn, int[] cities, long[] teams) {
    }

    /** One county's teams, batches, plan rows and visits (sorted; visit k has id firstVisitId + k). */
    record CountyWork(Territory.County county, List<Team> teams, List<Batch> batches, int[] batchOf, IntTriples plans,
                      FieldVisits visits, long firstVisitId, FieldWords.Phrases phrases, CountyProjects projects) {
    }

    /** A growable list of (batch, team, enterprise) with local batch and team numbers. */
    static final class IntTriples implements TeamWork.Plans {
        int size;
        int[] values = new int[3 * 256];

        @Override
        public void add(int batch, int team, int enterprise) {
            if (3 * size + 3 > values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[3 * size] = batch;
            values[3 * size + 1] = team;
            values[3 * size + 2] = enterprise;
            size++;
        }
    }

    private final Territory territory;
    private final Investors investors;
    private final FieldPool pool;
    private final CountyProjects[] projects;
    private final int[] countyQuota;
    private final int fromYear;
    private final int toYear;
    private final LocalDate end;
    private final long seed;
    private long nextTeam;
    private long nextBatch;
    private long nextVisit;

    /**
     * @param weights each county's weight (its number of projects); visits are shared out in proportion
     * @param end     no visit after this day (the end of the last year, or today if earlier)
     */
    FieldWorkSynth(Territory territory, Investors investors, CountyProjects[] projects, int[] weights, long visits, int fromYear,
                   int toYear, LocalDate end, long seed) {
        this.territory = territory;
        this.investors = investors;
        this.pool = new FieldPool(investors);
        this.projects = projects;
        double[] w = new double[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i] + 1;
        }
        this.countyQuota = apportion(visits, w);
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.end = end;
        this.seed = seed;
        for (CountyProjects p : projects) {
            p.index(investors, FieldPool.CITIES);
        }
    }

    void run(Sink sink) throws Exception {
        for (int i = 0; i < territory.counties.size(); i++) {
            Territory.County c = territory.counties.get(i);
            SplittableRandom r = new SplittableRandom(seed * 1_000_033L + Long.parseLong(c.code()) * 7919L + 0x5EED);
            sink.county(county(c, projects[i], countyQuota[i], r));
        }
    }

    private CountyWork county(Territory.County c, CountyProjects cp, int quota, SplittableRandom r) {
        FieldVisits visits = new FieldVisits();
        IntTriples plans = new IntTriples();
        int years = toYear - fromYear + 1;
        int teamCount = (int) Math.max(3, Math.min(30, Math.round(Math.sqrt((double) quota / years) / 2.6) + r.nextInt(3) - 1));
        TeamRoster roster = new TeamRoster(c, territory.units.get(c.code()), r);
        List<TeamRoster.Spec> specs = roster.specs(teamCount);
        List<TeamWork> teams = new ArrayList<>();
        double[] teamWeights = new double[specs.size()];
        for (int t = 0; t < specs.size(); t++) {
            TeamRoster.Spec s = specs.get(t);
            teams.add(new TeamWork(t, s.chains(), s.cities(), s.weight(), pool, investors, cp, visits, r));
            teamWeights[t] = s.weight();
        }
        double[] yearWeights = new double[years];
        for (int y = 0; y < years; y++) {
            yearWeights[y] = (100 + 12 * y) * Trips.share(fromYear + y, end);
        }
        int[] perYear = apportion(quota, yearWeights);
        Trips trips = new Trips(teams, r);
        for (int y = 0; y < years; y++) {
            if (perYear[y] > 0) {
                trips.year(fromYear + y, end, apportion(perYear[y], teamWeights), plans);
            }
        }
        visits.sort();
        long firstVisit = nextVisit;
        nextVisit += visits.size;
        List<Team> out = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            TeamRoster.Spec s = specs.get(t);
            out.add(new Team(nextTeam + t + 1, s.name(), s.unit(), s.leader(), s.members(), s.chains(), s.cities(), teams.get(t).targets));
        }
        long firstTeam = nextTeam;
        nextTeam += specs.size();
        int[] batchOf = new int[trips.batchCount()];
        List<Batch> batches = trips.batches(visits, firstTeam, nextBatch, batchOf);
        nextBatch += batches.size();
        return new CountyWork(c, out, batches, batchOf, plans, visits, firstVisit + 1,
                new FieldWords.Phrases(c.name(), roster.firstPark()), cp);
    }

    /** The last day visits may fall on: the end of the last year, or today if that is earlier (visits lie in the past). */
    static LocalDate end(LocalDate asOf) {
        LocalDate today = LocalDate.now();
        return asOf.isAfter(today) ? today : asOf;
    }

    /**
     * Companies that have invested nowhere (yet), up to {@code total} enterprises in all: most of whom the teams visit
     * never invest. Numbered after the investors; their chain and city follow from their number as the investors' do.
     */
    static void prospects(Investors investors, long total, long seed) {
        if (total > investors.capacity()) {
            throw new GenerateOptions.UsageException("--enterprises 最多 " + investors.capacity() + "（企业名称的组合用尽）");
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x7A65_7370_6563_7473L);
        int[] weights = {12, 8, 10, 6, 9, 7, 7, 9, 3, 6, 5, 5, 3, 3, 4};
        int sum = Arrays.stream(weights).sum();
        while (investors.count() < total) {
            int chain = -1;
            if (r.nextDouble() < 0.9) {
                int p = r.nextInt(sum);
                for (chain = 0; p >= weights[chain]; chain++) {
                    p -= weights[chain];
                }
            }
            investors.create(chain, r.nextDouble() < 0.1);
        }
    }

    /** Splits a total in proportion to the weights, rounding by largest remainder (ties to the lower index). */
    static int[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] n = new int[weights.length];
        if (sum <= 0 || total == 0) {
            return n;
        }
        double[] rest = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            n[i] = (int) Math.floor(exact);
            rest[i] = exact - n[i];
            given += n[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rest[b] != rest[a] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; given < total; k++, given++) {
            int i = order[k % order.length];
            if (weights[i] > 0) {
                n[i]++;
            } else {
                given--;
            }
        }
        return n;
    }

    /** Monday to Friday between two days, inclusive. */
    static int[] workdays(LocalDate from, LocalDate to) {
        List<Integer> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add((int) d.toEpochDay());
            }
        }
        return days.stream().mapToInt(Integer::intValue).toArray();
    }
}
