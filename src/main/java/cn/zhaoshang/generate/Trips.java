package cn.zhaoshang.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A county's year of field work: the trip batches (批次) it sends out — a few working days each, to one to three
 * cities, spread over the year after the Spring Festival, as many as its busiest team needs — which teams join which
 * batch and how many companies they meet each day, and the days companies come to inspect. Then each team works
 * through its days in order.
 */
final class Trips {

    private final List<TeamWork> teams;
    private final SplittableRandom r;
    private final int[] cityWeights = new int[FieldPool.CITIES];
    private final List<int[]> batchDays = new ArrayList<>();

    Trips(List<TeamWork> teams, SplittableRandom r) {
        this.teams = teams;
        this.r = r;
        for (TeamWork t : teams) {
            for (int c : t.cities) {
                cityWeights[c]++;
            }
        }
    }

    /** The part of a year on or before {@code end}: 1, a fraction for the year {@code end} falls in, 0 after. */
    static double share(int year, LocalDate end) {
        LocalDate first = LocalDate.of(year, 1, 1);
        if (end.isBefore(first)) {
            return 0;
        }
        return end.getYear() > year ? 1 : (end.getDayOfYear()) / (double) first.lengthOfYear();
    }

    int batchCount() {
        return batchDays.size();
    }

    /** One year: {@code quota[t]} contacts for team t, visits and inspections together. */
    void year(int year, LocalDate end, int[] quota, TeamWork.Plans plans) {
        LocalDate last = end.getYear() > year ? LocalDate.of(year, 12, 31) : end;
        int[] allDays = FieldWorkSynth.workdays(LocalDate.of(year, 1, 2), last);
        if (allDays.length == 0) {
            allDays = new int[]{(int) last.toEpochDay()};
        }
        int[] window = FieldWorkSynth.workdays(LocalDate.of(year, 2, 20), last.isAfter(LocalDate.of(year, 12, 24))
                ? LocalDate.of(year, 12, 24) : last);
        if (window.length < 10) {
            window = allDays;
        }
        int[] out = new int[teams.size()];
        int[] need = new int[teams.size()];
        int most = 0;
        for (int t = 0; t < teams.size(); t++) {
            TeamWork team = teams.get(t);
            int inspections = (int) Math.round(quota[t] * team.inspectionShare);
            out[t] = quota[t] - inspections;
            need[t] = (out[t] + team.perDay - 1) / team.perDay;
            most = Math.max(most, need[t]);
        }
        int count = Math.max(1, Math.min((int) Math.ceil(most / 3.5), Math.max(1, window.length / 3)));
        int first = batchDays.size();
        int segment = window.length / count;
        int[][] destinations = new int[count][];
        for (int b = 0; b < count; b++) {
            int len = Math.max(1, Math.min(segment, 2 + r.nextInt(4)));
            int offset = r.nextInt(segment - len + 1);
            batchDays.add(Arrays.copyOfRange(window, b * segment + offset, b * segment + offset + len));
            destinations[b] = destinations(1 + r.nextInt(3));
        }
        for (int t = 0; t < teams.size(); t++) {
            work(teams.get(t), first, destinations, out[t], need[t], quota[t] - out[t], allDays, plans);
        }
    }

    private void work(TeamWork team, int first, int[][] destinations, int out, int need, int inspections, int[] allDays,
                      TeamWork.Plans plans) {
        // join batches going where the team wants to go first, until its days are covered
        int count = destinations.length;
        Integer[] order = new Integer[count];
        double[] key = new double[count];
        for (int b = 0; b < count; b++) {
            order[b] = b;
            key[b] = (intersects(destinations[b], team.cities) ? 0 : 1) + r.nextDouble();
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
        List<int[]> tripDays = new ArrayList<>(); // {day, batch (county-wide), batch (this year)}
        int covered = 0;
        for (int k = 0; k < count && covered < need; k++) {
            int b = order[k];
            int[] days = batchDays.get(first + b);
            for (int d = 0; d < days.length && covered < need; d++, covered++) {
                tripDays.add(new int[]{days[d], first + b, b});
            }
        }
        tripDays.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] slots = new int[tripDays.size()];
        if (!tripDays.isEmpty()) {
            int[] spread = FieldWorkSynth.apportion(out, ones(tripDays.size()));
            for (int i = 0; i < slots.length; i++) {
                slots[i] = spread[i];
            }
            shuffle(slots);
        } else {
            inspections += out;
        }
        int[] homeDays = homeDays(allDays, tripDays, inspections);
        int h = 0;
        int city = -1;
        for (int i = 0; i < tripDays.size(); i++) {
            int[] trip = tripDays.get(i);
            while (h < homeDays.length && homeDays[h] < trip[0]) {
                team.inspection(homeDays[h++]);
            }
            if (i == 0 || tripDays.get(i - 1)[1] != trip[1]) {
                city = cityFor(destinations[trip[2]], team); // decided when the batch sets out
            }
            if (slots[i] > 0) {
                team.tripDay(trip[0], trip[1], city, slots[i], plans);
            }
            if (i + 1 == tripDays.size() || tripDays.get(i + 1)[1] != trip[1]) {
                team.endBatch(trip[1], city, plans);
            }
        }
        while (h < homeDays.length) {
            team.inspection(homeDays[h++]);
        }
    }

    /** Days at home for the inspections: working days not on a trip, random, in order. */
    private int[] homeDays(int[] allDays, List<int[]> tripDays, int n) {
        int[] trips = tripDays.stream().mapToInt(t -> t[0]).toArray();
        int[] free = Arrays.stream(allDays).filter(d -> Arrays.binarySearch(trips, d) < 0).toArray();
        if (free.length == 0) {
            free = allDays;
        }
        int[] days = new int[n];
        for (int i = 0; i < n; i++) {
            days[i] = free[r.nextInt(free.length)];
        }
        Arrays.sort(days);
        return days;
    }

    /**
     * Where the team goes on this batch: one of its own cities, likelier where more of its follow-ups wait and where the
     * batch is bound anyway (a county's teams leave together, each for its companies).
     */
    private int cityFor(int[] destinations, TeamWork team) {
        int[] weights = new int[team.cities.length];
        int total = 0;
        for (int i = 0; i < team.cities.length; i++) {
            weights[i] = (intersects(destinations, new int[]{team.cities[i]}) ? 2 : 1) + 3 * team.waitingIn(team.cities[i]);
            total += weights[i];
        }
        int p = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            p -= weights[i];
            if (p < 0) {
                return team.cities[i];
            }
        }
        return team.cities[team.cities.length - 1];
    }

    private static boolean intersects(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    private int[] destinations(int n) {
        int total = Arrays.stream(cityWeights).sum();
        List<Integer> picked = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int p = r.nextInt(total);
            for (int c = 0; c < cityWeights.length; c++) {
                p -= cityWeights[c];
                if (p < 0) {
                    if (!picked.contains(c)) {
                        picked.add(c);
                    }
                    break;
                }
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * The batches that saw visits, numbered per year in order of their first day (2017年第1批, …), each with the days,
     * cities and teams of its visits; {@code batchOf[local]} becomes the batch's place in the list, -1 when dropped.
     */
    List<FieldWorkSynth.Batch> batches(FieldVisits visits, long firstTeamId, long firstBatchSeq, int[] batchOf) {
        int n = batchDays.size();
        int[] from = new int[n];
        int[] to = new int[n];
        long[] cities = new long[n];
        long[] teamMask = new long[n];
        Arrays.fill(from, Integer.MAX_VALUE);
        Arrays.fill(to, Integer.MIN_VALUE);
        for (int i = 0; i < visits.size; i++) {
            int b = visits.batch[i];
            if (b >= 0 && !visits.inspection[i]) {
                from[b] = Math.min(from[b], visits.day[i]);
                to[b] = Math.max(to[b], visits.day[i]);
                cities[b] |= 1L << visits.city[i];
                teamMask[b] |= 1L << visits.team[i];
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            batchOf[b] = -1;
            if (teamMask[b] != 0) {
                kept.add(b);
            }
        }
        kept.sort((a, b) -> Integer.compare(from[a], from[b]));
        List<FieldWorkSynth.Batch> out = new ArrayList<>();
        int year = 0;
        int number = 0;
        for (int b : kept) {
            LocalDate start = LocalDate.ofEpochDay(from[b]);
            number = start.getYear() == year ? number + 1 : 1;
            year = start.getYear();
            batchOf[b] = out.size();
            List<Integer> cs = new ArrayList<>();
            for (int c = 0; c < FieldPool.CITIES; c++) {
                if ((cities[b] & 1L << c) != 0) {
                    cs.add(c);
                }
            }
            cs.sort((x, y) -> FieldPool.cityName(x).compareTo(FieldPool.cityName(y))); // the order the import keeps them in
            long[] ts = new long[Long.bitCount(teamMask[b])];
            int k = 0;
            for (int t = 0; t < 64; t++) {
                if ((teamMask[b] & 1L << t) != 0) {
                    ts[k++] = firstTeamId + t + 1;
                }
            }
            out.add(new FieldWorkSynth.Batch(firstBatchSeq + out.size() + 1, year + "年第" + number + "批", start,
                    LocalDate.ofEpochDay(to[b]), cs.stream().mapToInt(Integer::intValue).toArray(), ts));
        }
        return out;
    }
}
