package cn.zhaoshang.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes the projects of a ledger, county by county in code order and within a county in order of first contact, from
 * one seed: the same seed, region, years and count give the same projects, names and codes.
 *
 * <p>Shape: about 60% get signed (a third of those at a signing event, some on stage), two thirds of the signed land,
 * of those 60% start construction and 45% of the started complete; about 5% are terminated; some 4% split from an
 * earlier project of the county. Dates follow each other in order and never pass the end of the last year. Amounts are
 * mostly round 万元 with a long tail up to 500亿.
 */
final class LedgerSynth {

    /** Receives each project, after the enterprises it is the first to name. */
    interface Sink {
        void project(GeneratedProject p, List<Investors.Investor> newEnterprises);
    }

    private static final int[] CHAIN_WEIGHTS = {12, 8, 10, 6, 9, 7, 7, 9, 3, 6, 5, 5, 3, 3, 4};
    private static final int RING = 4096;

    private final Territory territory;
    private final int projects;
    private final int fromYear;
    private final int toYear;
    private final long seed;
    private final LocalDate asOf;
    private final Investors investors;
    private long seq;

    LedgerSynth(Territory territory, int projects, int fromYear, int toYear, long seed) {
        this.territory = territory;
        this.projects = projects;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.seed = seed;
        this.asOf = LocalDate.of(toYear, 12, 31);
        this.investors = new Investors(seed);
    }

    LocalDate asOf() {
        return asOf;
    }

    /** The enterprises named so far (all of them once {@link #run} is done). */
    Investors investors() {
        return investors;
    }

    /** Highest code number used per region and year ("350112|2017" → 1234), for the code counters. */
    final Map<String, Integer> lastCodes = new HashMap<>();

    void run(Sink sink) {
        int[] perCounty = allocate();
        for (int i = 0; i < territory.counties.size(); i++) {
            Territory.County c = territory.counties.get(i);
            county(c, perCounty[i], new SplittableRandom(seed * 1_000_003L + Long.parseLong(c.code())), sink);
        }
    }

    /** Projects per county: districts weigh more than rural counties; shares vary by county, rounded by largest remainder. */
    int[] allocate() {
        SplittableRandom r = new SplittableRandom(seed);
        List<Territory.County> counties = territory.counties;
        double[] w = new double[counties.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            String name = counties.get(i).name();
            double base = name.endsWith("区") ? 1.4 : name.endsWith("市") ? 1.1 : 0.8;
            w[i] = base * (0.5 + r.nextDouble());
            total += w[i];
        }
        int[] n = new int[w.length];
        double[] rest = new double[w.length];
        int given = 0;
        for (int i = 0; i < w.length; i++) {
            double exact = projects * w[i] / total;
            n[i] = (int) Math.floor(exact);
            rest[i] = exact - n[i];
            given += n[i];
        }
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < w.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rest[b] != rest[a] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; given < projects; k++, given++) {
            n[order[k % w.length]]++;
        }
        return n;
    }

    private void county(Territory.County c, int n, SplittableRandom r, Sink sink) {
        long[] contacts = contactDays(n, r);
        List<Territory.Unit> units = territory.units.get(c.code());
        int unitWeight = units.stream().mapToInt(Territory.Unit::weight).sum();
        List<Territory.Event> events = territory.eventsByCounty.get(c.code());
        Set<String> names = new HashSet<>();
        Map<Integer, Integer> codeCounter = new HashMap<>();
        String[] ringCode = new String[RING];
        String[] ringName = new String[RING];
        long[] ringSeq = new long[RING];
        int[] ringInvestor = new int[RING];
        int[] ringChain = new int[RING];
        List<Investors.Investor> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fresh.clear();
            LocalDate contact = LocalDate.ofEpochDay(contacts[i]);
            int year = contact.getYear();
            int number = codeCounter.merge(year, 1, Integer::sum);
            String code = String.format("%s-%d-%04d", c.code(), year, number);

            int parent = i > 0 && r.nextDouble() < 0.04 ? Math.max(0, i - 1 - r.nextInt(Math.min(i, RING))) % RING : -1;
            int chain = parent >= 0 ? ringChain[parent] : r.nextDouble() < 0.9 ? weighted(CHAIN_WEIGHTS, r) : -1;
            boolean foreign = r.nextDouble() < 0.12;

            int investor;
            double u = r.nextDouble();
            if (parent >= 0 && ringInvestor[parent] >= 0 && u < 0.7) {
                investor = ringInvestor[parent];
            } else if (u < 0.04) {
                investor = -1;
            } else if ((u < 0.30 && investors.count() > 0) || !investors.canCreate()) {
                investor = r.nextInt(investors.count());
            } else {
                investor = investors.create(chain, foreign);
                fresh.add(investors.get(investor));
            }

            String name = parent >= 0
                    ? childName(ringName[parent], names, r)
                    : projectName(investor >= 0 ? investors.brand(investor) : Words.BRANDS.get(r.nextInt(Words.BRANDS.size())),
                    chain, names, r);

            long investment = investment(r, parent >= 0);
            LocalDate signed = null;
            LocalDate landed = null;
            LocalDate started = null;
            LocalDate completed = null;
            LocalDate terminated = null;
            String event = null;
            boolean willSign = r.nextDouble() < 0.62;
            if (willSign) {
                if (r.nextDouble() < 0.32) {
                    Territory.Event e = event(events, contact, r);
                    if (e != null) {
                        event = e.name();
                        signed = e.heldOn();
                    }
                }
                if (signed == null) {
                    signed = capped(contact.plusDays(7 + (long) (300 * Math.pow(r.nextDouble(), 2))));
                }
            }
            boolean willLand = signed != null ? r.nextDouble() < 0.68 : r.nextDouble() < 0.06;
            if (willLand) {
                landed = capped((signed != null ? signed : contact).plusDays(15 + (long) (300 * Math.pow(r.nextDouble(), 1.5))));
            }
            if (landed != null && r.nextDouble() < 0.6) {
                started = capped(landed.plusDays(10 + r.nextInt(230)));
            }
            if (started != null && r.nextDouble() < 0.45) {
                completed = capped(started.plusDays(180 + r.nextInt(720)));
            }
            if (landed == null && r.nextDouble() < 0.09) {
                terminated = capped((signed != null ? signed : contact).plusDays(30 + r.nextInt(510)));
            }
            boolean onStage = event != null && r.nextDouble() < (investment >= 10_000_000L ? 0.5 : 0.12);
            boolean key = r.nextDouble() < (investment >= 10_000_000L ? 0.45 : 0.06);

            long foreignInvestment = -1;
            long utilized = -1;
            if (foreign) {
                long wan = Math.max(10, Math.round(investment / 100.0 / 7 * (0.2 + 0.8 * r.nextDouble()) / 10) * 10);
                foreignInvestment = wan * 100;
                if (landed != null) {
                    utilized = Math.max(1, Math.round(wan * (0.1 + 0.5 * r.nextDouble()))) * 100;
                }
            }
            String source = Words.SOURCES.get(r.nextInt(Words.SOURCES.size()));
            Investors.Investor referrer = null;
            if (investors.count() > 1 && (source.equals("以商招商") || r.nextDouble() < 0.02)) {
                int ref = r.nextInt(investors.count());
                if (ref != investor) {
                    referrer = investors.get(ref);
                }
            }
            String unit = r.nextDouble() < 0.93 ? weightedUnit(units, unitWeight, r) : null;

            GeneratedProject p = new GeneratedProject(seq, code, name, c.code(), unit, chain < 0 ? null : Words.CHAINS.get(chain).name(),
                    investor < 0 ? null : investors.get(investor), referrer, investment, foreignInvestment, utilized, key, contact,
                    signed, landed, started, completed, terminated, event, onStage, source,
                    parent >= 0 ? ringCode[parent] : null, parent >= 0 ? ringSeq[parent] : -1);
            sink.project(p, fresh);
            int slot = i % RING;
            ringCode[slot] = code;
            ringName[slot] = name;
            ringSeq[slot] = seq;
            ringInvestor[slot] = investor;
            ringChain[slot] = chain;
            seq++;
        }
        codeCounter.forEach((year, last) -> lastCodes.put(c.code() + "|" + year, last));
    }

    /** First contacts over the years, more in later years, working days mostly; sorted. */
    private long[] contactDays(int n, SplittableRandom r) {
        int years = toYear - fromYear + 1;
        int[] yearWeights = new int[years];
        for (int y = 0; y < years; y++) {
            yearWeights[y] = 100 + 8 * y;
        }
        long last = asOf.toEpochDay();
        long[] days = new long[n];
        for (int i = 0; i < n; i++) {
            int year = fromYear + weighted(yearWeights, r);
            LocalDate d = LocalDate.ofYearDay(year, 1 + r.nextInt(Year.of(year).length()));
            if (r.nextDouble() < 0.9) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                    d = d.minusDays(1);
                } else if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    d = d.plusDays(1).toEpochDay() > last ? d.minusDays(2) : d.plusDays(1);
                }
            }
            days[i] = d.toEpochDay();
        }
        Arrays.sort(days);
        return days;
    }

    private LocalDate capped(LocalDate d) {
        return d.isAfter(asOf) ? null : d;
    }

    /** An event the county's projects go to, held 7 to 420 days after the contact and not after the end. */
    private Territory.Event event(List<Territory.Event> events, LocalDate contact, SplittableRandom r) {
        LocalDate from = contact.plusDays(7);
        LocalDate to = contact.plusDays(420);
        int total = 0;
        for (Territory.Event e : events) {
            if (!e.heldOn().isBefore(from) && !e.heldOn().isAfter(to) && !e.heldOn().isAfter(asOf)) {
                total += e.weight();
            }
        }
        if (total == 0) {
            return null;
        }
        int pick = r.nextInt(total);
        for (Territory.Event e : events) {
            if (!e.heldOn().isBefore(from) && !e.heldOn().isAfter(to) && !e.heldOn().isAfter(asOf)) {
                pick -= e.weight();
                if (pick < 0) {
                    return e;
                }
            }
        }
        return null;
    }

    /** 万元 in cents: mostly round, a long tail of large projects, a few with odd amounts. */
    private static long investment(SplittableRandom r, boolean child) {
        double u = r.nextDouble() * (child ? 0.73 : 1.0);
        long wan;
        if (u < 0.38) {
            wan = roundTo(500 + r.nextInt(9_500), 100);
        } else if (u < 0.73) {
            wan = roundTo(10_000 + r.nextInt(40_000), 1_000);
        } else if (u < 0.91) {
            wan = roundTo(50_000 + r.nextInt(150_000), 5_000);
        } else if (u < 0.99) {
            wan = roundTo(200_000 + r.nextInt(800_000), 10_000);
        } else {
            wan = roundTo(1_000_000 + r.nextInt(4_000_000), 100_000);
        }
        long cents = wan * 100;
        if (r.nextDouble() < 0.08) {
            cents -= 1 + r.nextInt(9_999);
        }
        return cents;
    }

    private static long roundTo(long v, long unit) {
        return Math.max(unit, Math.round((double) v / unit) * unit);
    }

    private static String projectName(String brand, int chain, Set<String> names, SplittableRandom r) {
        List<String> kinds = chain < 0 ? Words.GENERIC_PROJECT_KINDS : Words.CHAINS.get(chain).projectKinds();
        String base = brand + kinds.get(r.nextInt(kinds.size()));
        if (names.add(base)) {
            return base;
        }
        return childName(base, names, r);
    }

    /** 华恒大数据中心（二期）: a phase of the parent; numbered when every phase is taken. */
    private static String childName(String parentName, Set<String> names, SplittableRandom r) {
        int cut = parentName.indexOf('（');
        String base = cut > 0 ? parentName.substring(0, cut) : parentName;
        int start = r.nextInt(Words.PHASES.size());
        for (int k = 0; k < Words.PHASES.size(); k++) {
            String name = base + Words.PHASES.get((start + k) % Words.PHASES.size());
            if (names.add(name)) {
                return name;
            }
        }
        for (int k = 2; ; k++) {
            String name = base + "（" + k + "号地块）";
            if (names.add(name)) {
                return name;
            }
        }
    }

    private static int weighted(int[] weights, SplittableRandom r) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String weightedUnit(List<Territory.Unit> units, int total, SplittableRandom r) {
        int pick = r.nextInt(total);
        for (Territory.Unit u : units) {
            pick -= u.weight();
            if (pick < 0) {
                return u.name();
            }
        }
        return units.get(units.size() - 1).name();
    }
}
