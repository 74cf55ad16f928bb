package cn.zhaoshang.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ledger's investors as the teams meet them: where they are registered and what became of their first project. */
final class LedgerInvestors {

    /** An investor to visit in {@code city} up to {@code until} (its project's contact or landing), {@code visits} times. */
    record Target(String name, String creditCode, String city, String chain, String projectCode, LocalDate until, int visits) {
    }

    // the region part of a credit code (characters 3 to 6) for the cities the teams travel to
    private static final Map<String, String> CITIES = Map.of("11", "北京", "3301", "杭州", "3401", "合肥", "5101", "成都", "5201", "贵阳");
    private static final LocalDate END_OF_JULY = LocalDate.of(2017, 7, 31);

    private LedgerInvestors() {
    }

    /** Investor name → {code of its first project, its credit code}. */
    static Map<String, String[]> byName(List<Map<String, String>> ledger) {
        Map<String, String[]> byName = new LinkedHashMap<>();
        sorted(ledger).forEach(r -> byName.putIfAbsent(r.get("投资方"), new String[]{r.get("项目编号"), r.get("统一社会信用代码")}));
        byName.remove("");
        return byName;
    }

    /**
     * One target per investor registered in a visited city, except {@code exclude}: visited before its first project
     * landed (1, 2, 3 or 4 times in turn), or before it was contacted, or — still in talks — until the end of July.
     */
    static List<Target> visitable(List<Map<String, String>> ledger, Set<String> exclude) {
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>(exclude);
        int turn = 0;
        for (Map<String, String> r : sorted(ledger)) {
            String name = r.get("投资方");
            String code = r.get("统一社会信用代码");
            String city = city(code);
            if (name.isEmpty() || city == null || !seen.add(name) || !r.get("终止日期").isEmpty()) {
                continue;
            }
            LocalDate contacted = LocalDate.parse(r.get("对接日期"));
            LocalDate landed = landed(r);
            LocalDate until = landed != null ? landed : contacted.isAfter(LocalDate.of(2017, 2, 13)) ? contacted : END_OF_JULY;
            if (until.isAfter(END_OF_JULY)) {
                until = END_OF_JULY;
            }
            int visits = landed != null ? 1 + turn++ % 4 : 1 + turn++ % 2;
            targets.add(new Target(name, code, city, r.get("产业链"), r.get("项目编号"), until, visits));
        }
        return targets;
    }

    private static List<Map<String, String>> sorted(List<Map<String, String>> ledger) {
        return ledger.stream().sorted(Comparator.comparing((Map<String, String> r) -> r.get("对接日期"))
                .thenComparing(r -> r.get("项目编号"))).toList();
    }

    private static String city(String code) {
        if (code == null || code.length() != 18) {
            return null;
        }
        String region = code.substring(2, 8);
        return CITIES.getOrDefault(region.substring(0, 2), CITIES.get(region.substring(0, 4)));
    }

    private static LocalDate landed(Map<String, String> r) {
        for (String c : List.of("落地日期", "开工日期", "竣工日期")) {
            if (!r.get(c).isEmpty()) {
                return LocalDate.parse(r.get(c));
            }
        }
        return null;
    }
}
