package cn.zhaoshang.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The master data of a generated ledger: every county of the region with its units (市直部门, townships, one or two
 * parks) and the signing events its projects can be signed at (海交会 and 投洽会 each year, the prefecture's and the
 * county's own signing ceremonies).
 */
final class Territory {

    /** A county-level region and the prefecture it belongs to (for a municipality, the municipality itself). */
    record County(String code, String name, String prefectureCode, String prefectureName) {
    }

    record Unit(String regionCode, String name, int weight) {
    }

    record Event(String name, LocalDate heldOn, String place, int weight) {
    }

    final List<County> counties;
    final Map<String, List<Unit>> units = new LinkedHashMap<>();
    final Map<String, List<Event>> eventsByCounty = new LinkedHashMap<>();
    final Map<String, Event> events = new LinkedHashMap<>();

    Territory(List<County> counties, int fromYear, int toYear, long seed) {
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("no county-level region under the given region");
        }
        this.counties = counties.stream().sorted(Comparator.comparing(County::code)).toList();
        for (int y = fromYear; y <= toYear; y++) {
            add(new Event("第" + Words.chineseNumber(y - 1998) + "届海交会", LocalDate.of(y, 5, 18), "福州", 40));
            add(new Event("第" + Words.chineseNumber(y - 1998) + "届投洽会", LocalDate.of(y, 9, 8), "厦门", 10));
        }
        Map<String, List<Event>> prefectureEvents = new LinkedHashMap<>();
        for (County c : this.counties) {
            SplittableRandom r = new SplittableRandom(seed * 31 + c.code().hashCode());
            units.put(c.code(), units(c, r));
            List<Event> own = new ArrayList<>();
            List<Event> pref = prefectureEvents.computeIfAbsent(c.prefectureCode(), k -> {
                List<Event> list = new ArrayList<>();
                SplittableRandom pr = new SplittableRandom(seed * 37 + k.hashCode());
                for (int y = fromYear; y <= toYear; y++) {
                    list.add(add(new Event(c.prefectureName() + y + "年重点项目集中签约活动", workday(y, pr), c.prefectureName(), 20)));
                }
                return list;
            });
            for (int y = fromYear; y <= toYear; y++) {
                own.add(add(new Event(c.name() + y + "年招商项目集中签约仪式", workday(y, r), c.name(), 30)));
            }
            List<Event> all = new ArrayList<>(own);
            all.addAll(pref);
            events.values().stream().filter(e -> e.weight() == 40 || e.weight() == 10).forEach(all::add);
            all.sort(Comparator.comparing(Event::heldOn).thenComparing(Event::name));
            eventsByCounty.put(c.code(), List.copyOf(all));
        }
    }

    private Event add(Event e) {
        Event known = events.putIfAbsent(e.name(), e);
        return known == null ? e : known;
    }

    private static LocalDate workday(int year, SplittableRandom r) {
        LocalDate d = LocalDate.of(year, 3, 1).plusDays(r.nextInt(270));
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** 10 to 25 units: departments with the county's prefix, townships, one or two parks. */
    private static List<Unit> units(County c, SplittableRandom r) {
        List<Unit> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String prefix = prefix(c.name());
        String shortName = c.name().length() > 2 ? c.name().substring(0, c.name().length() - 1) : c.name();
        List<String> departments = new ArrayList<>(Words.DEPARTMENTS);
        shuffle(departments, r);
        int nDepartments = 5 + r.nextInt(6);
        for (String d : departments.subList(0, nDepartments)) {
            add(list, names, new Unit(c.code(), prefix + d, d.equals("商务局") || d.equals("投资促进中心") ? 3 : 1));
        }
        int nTownships = 4 + r.nextInt(10);
        while (list.size() < nDepartments + nTownships) {
            double u = r.nextDouble();
            String kind = u < 0.6 ? "镇" : u < 0.85 ? "街道" : "乡";
            add(list, names, new Unit(c.code(), Words.place(r) + kind, 2));
        }
        int nParks = 1 + r.nextInt(2);
        List<String> parks = new ArrayList<>();
        Words.PARKS_WITH_COUNTY.forEach(p -> parks.add(shortName + p));
        parks.addAll(Words.PARKS_PLAIN);
        for (int i = 0; i < nParks; i++) {
            String p = i == 0 ? shortName + Words.PARKS_WITH_COUNTY.get(r.nextInt(Words.PARKS_WITH_COUNTY.size()))
                    : parks.get(r.nextInt(parks.size()));
            if (!add(list, names, new Unit(c.code(), p, 8))) {
                i--;
            }
        }
        return List.copyOf(list);
    }

    private static boolean add(List<Unit> list, Set<String> names, Unit u) {
        if (names.add(u.name())) {
            list.add(u);
            return true;
        }
        return false;
    }

    /** 区商务局 in a district, 县商务局 in a county, 市商务局 in a county-level city. */
    private static String prefix(String countyName) {
        char last = countyName.charAt(countyName.length() - 1);
        return last == '区' || last == '县' || last == '市' || last == '旗' ? String.valueOf(last) : "";
    }

    static <T> void shuffle(List<T> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
