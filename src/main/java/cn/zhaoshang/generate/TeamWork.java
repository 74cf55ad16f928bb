package cn.zhaoshang.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One team's field work, day by day: on a trip day in a city it first goes back to the companies whose follow-up is
 * due there, then meets new ones (its target enterprises, investors of its county's projects before their projects are
 * contacted, companies of its chains); on a day at home a company comes to inspect. After each contact the story with
 * that company goes on (a 下次跟进日期 and a next step), is forgotten (a follow-up that stays open), or ends. A story's
 * next contact closes the previous contact's follow-up, as the import does.
 */
final class TeamWork {

    /** The team's story with one enterprise: one per enterprise, contacts on strictly later days. */
    static final class Story {
        final int enterprise;
        final int city;
        final boolean courting;
        int contacts;
        int last = -1;
        int lastDay;
        int followUp;

        Story(int enterprise, int city, boolean courting) {
            this.enterprise = enterprise;
            this.city = city;
            this.courting = courting;
        }
    }

    /** Rows of trip_batch_plan: which team was to visit which enterprise in a batch. */
    interface Plans {
        void add(int batch, int team, int enterprise);
    }

    private static final Comparator<Story> BY_DUE = Comparator.<Story>comparingInt(s -> s.followUp).thenComparingInt(s -> s.enterprise);
    private static final double[] GOES_ON = {0.45, 0.42, 0.38, 0.3};
    private static final double FORGOTTEN = 0.04;
    /** A follow-up more than this many days overdue is not taken up any more: it stays open. */
    static final int STALE_DAYS = 270;
    /** Follow-ups are set 21 to 80 days ahead. */
    static final int FOLLOW_UP_MIN = 21;
    /**
     * A team in a city takes up the follow-ups due there in the next 60 days rather than leave them for a trip months
     * later, but never within 14 days of the last contact: two contacts of a story never fall into one batch.
     */
    private static final int AHEAD = 60;
    private static final int GAP = 14;

    final int local;
    final int[] chains;
    final int[] cities;
    final int perDay;
    final double weight;
    final double inspectionShare;
    final int[] targets;

    private final BitSet used;
    private final BitSet targeted;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Integer>[] openTargets = new ArrayDeque[FieldPool.CITIES];
    @SuppressWarnings("unchecked")
    private final PriorityQueue<Story>[] waiting = new PriorityQueue[FieldPool.CITIES];
    private final PriorityQueue<Story> inspections = new PriorityQueue<>(BY_DUE);
    private final FieldPool pool;
    private final Investors investors;
    private final CountyProjects projects;
    private final FieldVisits visits;
    private final SplittableRandom r;

    TeamWork(int local, int[] chains, int[] cities, double weight, FieldPool pool, Investors investors, CountyProjects projects,
             FieldVisits visits, SplittableRandom r) {
        this.local = local;
        this.chains = chains;
        this.cities = cities;
        this.weight = weight;
        this.pool = pool;
        this.investors = investors;
        this.projects = projects;
        this.visits = visits;
        this.r = r;
        this.perDay = 3 + r.nextInt(4);
        this.inspectionShare = 0.09 + 0.08 * r.nextDouble();
        this.used = new BitSet(pool.size());
        this.targeted = new BitSet(pool.size());
        int n = Math.min(8 + r.nextInt(25), pool.size() / 4);
        targets = new int[Math.max(n, 0)];
        for (int k = 0; k < targets.length; k++) {
            int e = pool.pick(cities[r.nextInt(cities.length)], chains, targeted, r);
            targeted.set(e);
            targets[k] = e;
            int c = FieldPool.city(investors, e);
            (openTargets[c] == null ? openTargets[c] = new ArrayDeque<>() : openTargets[c]).add(e);
        }
    }

    /** A day of a trip in a city with {@code slots} contacts to make. */
    void tripDay(int day, int batch, int city, int slots, Plans plans) {
        int repeats = 0;
        int cap = (slots * 3 + 3) / 4;
        PriorityQueue<Story> q = waiting[city];
        for (Story s = q == null ? null : take(q, day); s != null; s = repeats < cap ? take(q, day) : null) {
            contact(s, day, false, batch);
            if (r.nextDouble() < 0.3) {
                plans.add(batch, local, s.enterprise);
            }
            repeats++;
        }
        for (int k = repeats; k < slots; k++) {
            Story s = fresh(city, day);
            boolean target = targeted.get(s.enterprise);
            contact(s, day, false, batch);
            if (target) {
                plans.add(batch, local, s.enterprise);
            }
        }
    }

    /**
     * The story whose follow-up is due first, if due within {@link #AHEAD} days and last contacted {@link #GAP}+ days ago;
     * follow-ups more than {@link #STALE_DAYS} overdue are dropped (they stay open).
     */
    private Story take(PriorityQueue<Story> q, int day) {
        List<Story> tooRecent = null;
        Story found = null;
        while (found == null && !q.isEmpty() && q.peek().followUp <= day + AHEAD) {
            Story s = q.poll();
            if (s.followUp < day - STALE_DAYS) {
                continue;
            }
            if (s.lastDay > day - GAP) {
                (tooRecent == null ? tooRecent = new ArrayList<>() : tooRecent).add(s);
                continue;
            }
            found = s;
        }
        if (tooRecent != null) {
            q.addAll(tooRecent);
        }
        return found;
    }

    /** The team's last day in a batch: targets in the city it did not get to were on the plan too (at most two). */
    void endBatch(int batch, int city, Plans plans) {
        ArrayDeque<Integer> open = openTargets[city];
        if (open == null) {
            return;
        }
        int planned = 0;
        for (int e : open) {
            if (planned == 2) {
                break;
            }
            if (!used.get(e)) {
                plans.add(batch, local, e);
                planned++;
            }
        }
    }

    /** A company comes to inspect: one whose follow-up is due (an inspection it was invited to first), else a new one. */
    void inspection(int day) {
        Story s = take(inspections, day);
        if (s == null) {
            PriorityQueue<Story> best = null;
            for (PriorityQueue<Story> q : waiting) {
                if (q != null && !q.isEmpty() && q.peek().followUp <= day + AHEAD
                        && (best == null || BY_DUE.compare(q.peek(), best.peek()) < 0)) {
                    best = q;
                }
            }
            s = best == null ? null : take(best, day);
        }
        if (s == null) {
            int city = cities[r.nextInt(cities.length)];
            int e = r.nextDouble() < 0.4 ? courted(city, day) : -1;
            boolean courting = e >= 0;
            if (e < 0) {
                e = pool.pick(city, chains, used, r);
            }
            s = start(e, courting);
        }
        contact(s, day, true, -1);
    }

    /** A new company in the city: a target (half the time, while any is left), an investor of the county, or any. */
    private Story fresh(int city, int day) {
        int e = -1;
        ArrayDeque<Integer> open = openTargets[city];
        while (e < 0 && open != null && !open.isEmpty() && r.nextDouble() < 0.5) {
            int t = open.poll();
            if (!used.get(t)) {
                e = t;
            }
        }
        boolean courting = false;
        if (e < 0 && r.nextDouble() < 0.25) {
            e = courted(city, day);
            courting = e >= 0;
        }
        if (e < 0) {
            e = pool.pick(city, chains, used, r);
        }
        return start(e, courting);
    }

    private Story start(int e, boolean courting) {
        if (e < 0) {
            throw new IllegalStateException("every enterprise already has a story with this team");
        }
        used.set(e);
        return new Story(e, FieldPool.city(investors, e), courting);
    }

    /** An investor from the city of one of the county's projects first contacted from 30 days before to 240 days after. */
    private int courted(int city, int day) {
        int[] list = projects.inCity(city);
        int[] range = projects.contactedBetween(list, day - 30, day + 240);
        for (int k = 0; k < 4 && range[1] > range[0]; k++) {
            int e = projects.investor[list[range[0] + r.nextInt(range[1] - range[0])]];
            if (!used.get(e)) {
                return e;
            }
        }
        return -1;
    }

    private void contact(Story s, int day, boolean inspection, int batch) {
        int link = projects.link(s.enterprise, day);
        boolean signed = link >= 0 && projects.signed[link] <= day;
        int talks = inspection ? FieldWords.Phrases.INSPECTION : signed ? FieldWords.Phrases.SERVICE
                : s.contacts == 0 ? FieldWords.Phrases.FIRST : FieldWords.Phrases.REPEAT;
        int v = visits.add(day, local, s.enterprise, inspection, batch, inspection ? -1 : s.city, link,
                FieldWords.Phrases.pick(talks, r), r.nextDouble() < 0.6);
        if (s.last >= 0) {
            visits.done[s.last] = v;
        }
        s.last = v;
        s.lastDay = day;
        s.contacts++;
        double goesOn = s.courting ? 0.7 : signed ? 0.4 : GOES_ON[Math.min(s.contacts - 1, GOES_ON.length - 1)];
        double u = r.nextDouble();
        if (u < goesOn + FORGOTTEN) {
            boolean comesOver = !inspection && r.nextDouble() < 0.22;
            s.followUp = day + FOLLOW_UP_MIN + r.nextInt(60);
            visits.followUp[v] = s.followUp;
            visits.next[v] = FieldWords.Phrases.pick(comesOver ? FieldWords.Phrases.NEXT_INSPECTION : FieldWords.Phrases.NEXT_VISIT, r);
            if (u < goesOn) {
                (comesOver ? inspections : waiting(s.city)).add(s);
            }
        } else if (signed) {
            visits.next[v] = FieldWords.Phrases.pick(FieldWords.Phrases.SERVICE_NEXT, r);
        } else if (r.nextDouble() < 0.55) {
            visits.next[v] = FieldWords.Phrases.pick(FieldWords.Phrases.CLOSING, r);
        }
    }

    /** How many stories wait for the team's next trip to the city. */
    int waitingIn(int city) {
        return waiting[city] == null ? 0 : waiting[city].size();
    }

    private PriorityQueue<Story> waiting(int city) {
        return waiting[city] == null ? waiting[city] = new PriorityQueue<>(BY_DUE) : waiting[city];
    }
}
