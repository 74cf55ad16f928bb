package cn.zhaoshang.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The field work of the Changle 2017 demo as rows of the CONTRACT §5 import: 8 trip batches of 3 days to 北京, 杭州,
 * 合肥, 成都 and 贵阳 with 45 visits on each of their 24 days (1,080 in all, 45.00 a day); 国家信息中心 visited 6 times and
 * inspecting 3 times, 奇虎360 visited 7 times and inspecting 8 times; the ledger's investors from those cities visited
 * before their projects were contacted or landed (1 to 4 times), each such visit linked to its project; and new
 * companies met on the trips, some visited again. The same seed always gives the same rows.
 */
final class ChangleVisitPlan {

    static final int VISITS_PER_DAY = 45;
    static final String REGION = Draft.REGION;
    static final String NIC = "国家信息中心";
    static final String NIC_PROJECT = "国家信息中心安全大数据开发与治理中心";

    record Batch(String name, LocalDate from, List<String> cities) {
        List<LocalDate> days() {
            return List.of(from, from.plusDays(1), from.plusDays(2));
        }
    }

    static final List<Batch> BATCHES = List.of(
            new Batch("2017年第1批", LocalDate.of(2017, 2, 13), List.of("北京")),
            new Batch("2017年第2批", LocalDate.of(2017, 2, 27), List.of("杭州")),
            new Batch("2017年第3批", LocalDate.of(2017, 3, 13), List.of("北京")),
            new Batch("2017年第4批", LocalDate.of(2017, 3, 27), List.of("合肥")),
            new Batch("2017年第5批", LocalDate.of(2017, 4, 17), List.of("成都")),
            new Batch("2017年第6批", LocalDate.of(2017, 5, 8), List.of("北京")),
            new Batch("2017年第7批", LocalDate.of(2017, 5, 24), List.of("贵阳")),
            new Batch("2017年第8批", LocalDate.of(2017, 7, 10), List.of("杭州", "成都")));

    /** One free place in a team's day: the day, the batch and the city the team is in. */
    record Slot(LocalDate date, int team, Batch batch, String city) {
    }

    final List<Map<String, String>> rows = new ArrayList<>();
    final Map<Integer, Set<String>> visitedBy = new HashMap<>();
    final Map<String, List<String[]>> planned = new LinkedHashMap<>();

    private final List<ChangleTeams.Team> teams = ChangleTeams.all();
    private final Random rnd = new Random(20170726L);
    private final Map<LocalDate, List<Slot>> free = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();
    private final VisitWords words = new VisitWords();

    ChangleVisitPlan(List<Map<String, String>> ledger) {
        slots();
        Map<String, String[]> investors = LedgerInvestors.byName(ledger);
        named(NamedProjects.QIHOO, investors.get(NamedProjects.QIHOO), 7, new int[]{0, 1}, 8,
                new String[]{"01-10", "02-24", "03-22", "04-21", "05-15", "06-02", "06-26", "07-17"});
        named(NIC, investors.get(NIC), 6, new int[]{2, 0}, 3, new String[]{"03-03", "04-07", "05-19"});
        LedgerInvestors.visitable(ledger, Set.of(NamedProjects.QIHOO, NIC)).forEach(this::ledgerVisits);
        fill();
    }

    /** Each batch day gives every team that goes its share of the 45 visits, turn by turn who gets one more. */
    private void slots() {
        int turn = 0;
        for (Batch b : BATCHES) {
            for (LocalDate day : b.days()) {
                List<Integer> going = new ArrayList<>();
                for (int t = 0; t < teams.size(); t++) {
                    if (teams.get(t).cities().stream().anyMatch(b.cities()::contains)) {
                        going.add(t);
                    }
                }
                List<Slot> slots = new ArrayList<>();
                for (int i = 0; i < going.size(); i++) {
                    int t = going.get(i);
                    List<String> here = teams.get(t).cities().stream().filter(b.cities()::contains).toList();
                    String city = here.get(t % here.size());
                    boolean extra = Math.floorMod(i - turn, going.size()) < VISITS_PER_DAY % going.size();
                    for (int k = VISITS_PER_DAY / going.size() + (extra ? 1 : 0); k > 0; k--) {
                        slots.add(new Slot(day, t, b, city));
                    }
                }
                turn++;
                free.put(day, slots);
            }
        }
    }

    /** An enterprise of the article: visits by two teams in turn on the Beijing days, inspections on the given days. */
    private void named(String name, String[] investor, int visits, int[] byTeams, int inspections, String[] inspectedOn) {
        List<Slot> beijing = new ArrayList<>();
        for (List<Slot> day : free.values()) {
            day.stream().filter(s -> s.city().equals("北京")).findFirst().ifPresent(beijing::add);
        }
        for (int i = 0; i < visits; i++) {
            LocalDate day = beijing.get(i * beijing.size() / visits).date();
            int team = byTeams[i % byTeams.length];
            take(day, team, "北京").ifPresent(s -> visit(s, name, investor[1], investor[0]));
        }
        for (int i = 0; i < inspections; i++) {
            inspection(LocalDate.parse("2017-" + inspectedOn[i]), byTeams[i % byTeams.length], name, investor[1], investor[0]);
        }
    }

    /** A ledger investor from a visited city: 1 to 4 visits by one team before its project was contacted or landed. */
    private void ledgerVisits(LedgerInvestors.Target t) {
        List<LocalDate> days = free.keySet().stream().filter(d -> !d.isAfter(t.until()))
                .filter(d -> free.get(d).stream().anyMatch(s -> s.city().equals(t.city()))).toList();
        if (days.isEmpty()) {
            return;
        }
        int k = Math.min(days.size(), t.visits());
        List<Slot> first = free.get(days.get(days.size() - 1)).stream().filter(s -> s.city().equals(t.city()))
                .filter(s -> teams.get(s.team()).chains().contains(t.chain()) || s.team() < 10).toList();
        if (first.isEmpty()) {
            return;
        }
        int team = first.get(rnd.nextInt(first.size())).team();
        LocalDate last = null;
        for (LocalDate day : days.subList(days.size() - k, days.size())) {
            var slot = take(day, team, t.city());
            if (slot.isPresent()) {
                visit(slot.get(), t.name(), t.creditCode(), t.projectCode());
                last = day;
            }
        }
        if (last != null && t.visits() >= 3 && last.plusDays(6).isBefore(t.until())) {
            inspection(last.plusDays(6), team, t.name(), t.creditCode(), t.projectCode());
        }
    }

    /** The remaining places: new companies met in the city, or one the team met before and goes back to. */
    private void fill() {
        Map<String, List<String>> met = new HashMap<>();
        for (Map.Entry<LocalDate, List<Slot>> day : free.entrySet()) {
            Map<String, List<String>> metToday = new HashMap<>();
            for (Slot s : List.copyOf(day.getValue())) {
                String key = s.team() + "|" + s.city();
                List<String> before = met.getOrDefault(key, List.of()).stream()
                        .filter(e -> !used.contains(s.team() + "|" + e + "|" + s.date())).toList();
                String name = !before.isEmpty() && rnd.nextDouble() < 0.22 ? before.get(rnd.nextInt(before.size()))
                        : words.company(s.city(), teams.get(s.team()).chains().get(0), rnd);
                visit(s, name, "", "");
                metToday.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
            }
            metToday.forEach((k, v) -> met.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            day.getValue().clear();
        }
    }

    private java.util.Optional<Slot> take(LocalDate day, int team, String city) {
        List<Slot> slots = free.get(day);
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            if (s.team() == team && s.city().equals(city)) {
                return java.util.Optional.of(slots.remove(i));
            }
        }
        return java.util.Optional.empty();
    }

    private void visit(Slot s, String enterprise, String creditCode, String projectCode) {
        if (!used.add(s.team() + "|" + enterprise + "|" + s.date())) {
            throw new IllegalStateException("visited twice in a day: " + enterprise);
        }
        ChangleTeams.Team team = teams.get(s.team());
        Map<String, String> row = row(s.date(), team, enterprise, creditCode, "外出拜访", projectCode);
        row.put("批次", s.batch().name());
        row.put("城市", s.city());
        row.put("洽谈内容", words.discussion(team.chains().get(0), rnd));
        if (rnd.nextDouble() < 0.5) {
            row.put("下一步", words.nextStep(rnd));
            row.put("下次跟进日期", s.date().plusDays(10 + rnd.nextInt(30)).toString());
        }
        rows.add(row);
        visitedBy.computeIfAbsent(s.team(), k -> new HashSet<>()).add(enterprise);
        // the plan of the batch: most visits were planned; a few were met on the way
        if (rnd.nextDouble() < 0.9) {
            planned.computeIfAbsent(s.batch().name(), k -> new ArrayList<>()).add(new String[]{team.name(), enterprise, creditCode});
        }
    }

    private void inspection(LocalDate date, int team, String enterprise, String creditCode, String projectCode) {
        Map<String, String> row = row(date, teams.get(team), enterprise, creditCode, "来访考察", projectCode);
        row.put("洽谈内容", "企业来长考察东南大数据产业园，察看选址和配套");
        row.put("下一步", "根据考察意见完善合作方案");
        rows.add(row);
    }

    private static Map<String, String> row(LocalDate date, ChangleTeams.Team team, String enterprise, String creditCode,
                                           String kind, String projectCode) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String h : HEADERS) {
            row.put(h, "");
        }
        row.put("日期", date.toString());
        row.put("小分队", team.name());
        row.put("行政区划代码", REGION);
        row.put("企业", enterprise);
        row.put("统一社会信用代码", creditCode);
        row.put("方式", kind);
        row.put("带队领导", team.leader());
        row.put("参加人员", team.members());
        row.put("关联项目编号", projectCode);
        return row;
    }

    static final List<String> HEADERS = List.of("日期", "小分队", "行政区划代码", "批次", "城市", "企业", "统一社会信用代码", "方式",
            "带队领导", "参加人员", "洽谈内容", "下一步", "下次跟进日期", "关联项目编号");
}
