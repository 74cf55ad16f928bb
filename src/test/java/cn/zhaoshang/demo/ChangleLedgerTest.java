package cn.zhaoshang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo ledger against the seed article, with the CONTRACT §4 pool and stage rule written out. */
class ChangleLedgerTest {

    private static final List<Map<String, String>> ROWS = ChangleLedger.projects();
    private static final LocalDate FROM = LocalDate.of(2017, 1, 1);
    private static final LocalDate EVAL_518 = LocalDate.of(2017, 5, 18);
    private static final LocalDate JULY = LocalDate.of(2017, 7, 31);
    private static final Set<String> PARKS = Set.of("东南大数据产业园", "福州滨海新城");
    private static final String FAIR = "第十九届海交会";
    private static final List<String> DATES = List.of("对接日期", "签约日期", "落地日期", "开工日期", "竣工日期");

    enum Stage { LEAD, SIGNED, LANDED }

    record Figure(int count, BigDecimal investment) {
    }

    // --- CONTRACT §4, written out on the rows ---

    private static LocalDate date(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isEmpty() ? null : LocalDate.parse(text);
    }

    private static BigDecimal amount(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    /** The first of 落地/开工/竣工: construction and completion count as landed. */
    private static LocalDate landedOn(Map<String, String> row) {
        return Stream.of("落地日期", "开工日期", "竣工日期").map(c -> date(row, c))
                .filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
    }

    private static boolean onOrBefore(LocalDate d, LocalDate limit) {
        return d != null && !d.isAfter(limit);
    }

    private static List<Map<String, String>> pool(LocalDate from, LocalDate to) {
        return ROWS.stream()
                .filter(r -> r.get("行政区划代码").startsWith("350112"))
                .filter(r -> onOrBefore(date(r, "对接日期"), to))
                .filter(r -> !onOrBefore(date(r, "终止日期"), to))
                .filter(r -> landedOn(r) == null || !landedOn(r).isBefore(from))
                .toList();
    }

    private static Stage stage(Map<String, String> row, LocalDate to) {
        if (onOrBefore(landedOn(row), to)) {
            return Stage.LANDED;
        }
        return onOrBefore(date(row, "签约日期"), to) ? Stage.SIGNED : Stage.LEAD;
    }

    private static Figure figure(List<Map<String, String>> rows) {
        return new Figure(rows.size(), sum(rows, "总投资(万元)"));
    }

    private static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> amount(r, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<Map<String, String>> where(List<Map<String, String>> rows, Predicate<Map<String, String>> p) {
        return rows.stream().filter(p).toList();
    }

    private static Figure yi(int count, String yi) {
        return new Figure(count, new BigDecimal(yi).multiply(BigDecimal.valueOf(10_000)));
    }

    private static void assertFigure(Figure actual, Figure expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.investment()).isEqualByComparingTo(expected.investment());
    }

    // --- the article's figures ---

    @Test
    void julySummaryIs247ProjectsOf1947point6Yi() {
        List<Map<String, String>> pool = pool(FROM, JULY);
        assertFigure(figure(pool), yi(247, "1947.6"));
        assertFigure(figure(where(pool, r -> stage(r, JULY) == Stage.LANDED)), yi(105, "756.2"));
        assertFigure(figure(where(pool, r -> stage(r, JULY) == Stage.LEAD)), yi(126, "769.01"));
        assertFigure(figure(where(pool, r -> stage(r, JULY) == Stage.SIGNED)), yi(16, "422.39"));
        assertThat(sum(pool, "总投资(万元)")).isEqualByComparingTo("19476000");
    }

    @Test
    void evaluation518Landed59ProjectsOf369point81Yi() {
        List<Map<String, String>> pool = pool(FROM, EVAL_518);
        assertFigure(figure(where(pool, r -> stage(r, EVAL_518) == Stage.LANDED)), yi(59, "369.81"));
    }

    @Test
    void theTwoParksHave97ProjectsAnd32Landed() {
        List<Map<String, String>> parks = where(pool(FROM, JULY), r -> PARKS.contains(r.get("责任单位")));
        assertFigure(figure(parks), yi(97, "776.38"));
        assertFigure(figure(where(parks, r -> stage(r, JULY) == Stage.LANDED)), yi(32, "442.98"));
        assertThat(parks).extracting(r -> r.get("责任单位")).contains("东南大数据产业园", "福州滨海新城");
    }

    @Test
    void twentyOneMedicalProjectsLanded() {
        List<Map<String, String>> medical = where(pool(FROM, JULY),
                r -> r.get("产业链").equals("医疗健康") && stage(r, JULY) == Stage.LANDED);
        assertThat(medical).hasSize(21);
        assertThat(medical).extracting(r -> r.get("项目名称"))
                .contains("国家健康医疗大数据中心及产业园", "东华软件医疗大数据项目", "品生医学项目", "无创心电项目");
    }

    @Test
    void nineteenthFairSigned55ProjectsWith15OnStage() {
        List<Map<String, String>> signedAtEvents = where(pool(FROM, JULY),
                r -> !r.get("签约活动").isEmpty() && onOrBefore(date(r, "签约日期"), JULY));
        Map<String, List<Map<String, String>>> byEvent =
                signedAtEvents.stream().collect(Collectors.groupingBy(r -> r.get("签约活动")));
        assertThat(byEvent).containsOnlyKeys(FAIR);

        List<Map<String, String>> fair = byEvent.get(FAIR);
        assertFigure(figure(fair), yi(55, "448.38"));
        assertThat(sum(fair, "外资(万美元)")).isEqualByComparingTo("442000");
        assertThat(sum(fair, "实际利用外资(万美元)")).isEqualByComparingTo("130000");

        List<Map<String, String>> onStage = where(fair, r -> r.get("上台签约").equals("是"));
        assertFigure(figure(onStage), yi(15, "272.76"));
        assertThat(sum(onStage, "外资(万美元)")).isEqualByComparingTo("300000");
        assertThat(sum(onStage, "实际利用外资(万美元)")).isEqualByComparingTo("120000");
        assertThat(fair).allSatisfy(r -> assertThat(r.get("签约日期")).isEqualTo("2017-05-18"));
        assertThat(onStage).extracting(r -> r.get("项目名称"))
                .contains("中建海峡总部", "海航航空技术", "福州世界贸易中心", "国际健康小镇");
    }

    // --- the shape of the rows ---

    @Test
    void isDeterministic() {
        assertThat(ChangleLedger.projects()).isEqualTo(ROWS);
    }

    @Test
    void everyRowHasTheContractColumnsInOrder() {
        assertThat(ROWS).allSatisfy(r -> {
            assertThat(List.copyOf(r.keySet())).isEqualTo(ChangleLedger.HEADERS);
            assertThat(r.get("行政区划代码")).isEqualTo("350112");
            assertThat(r.get("项目名称")).isNotBlank();
            assertThat(r.get("责任单位")).isNotBlank();
            assertThat(r.get("产业链")).isNotBlank();
            assertThat(r.get("重点项目")).isIn("是", "否");
            assertThat(r.get("上台签约")).isIn("是", "否");
        });
    }

    @Test
    void codesAndNamesAreUnique() {
        assertThat(ROWS).extracting(r -> r.get("项目编号")).allMatch(c -> c.matches("CL2017-\\d{4}")).doesNotHaveDuplicates();
        assertThat(ROWS).extracting(r -> r.get("项目名称")).doesNotHaveDuplicates();
    }

    @Test
    void everyCreditCodeIsValidAndBelongsToOneInvestor() {
        Map<String, String> codeByInvestor = new HashMap<>();
        Map<String, String> investorByCode = new HashMap<>();
        int withoutInvestor = 0;
        for (Map<String, String> r : ROWS) {
            String investor = r.get("投资方");
            String code = r.get("统一社会信用代码");
            if (investor.isEmpty()) {
                assertThat(code).isEmpty();
                withoutInvestor++;
                continue;
            }
            assertThat(checked(code)).as(investor + " " + code).isTrue();
            assertThat(codeByInvestor.computeIfAbsent(investor, k -> code)).isEqualTo(code);
            assertThat(investorByCode.computeIfAbsent(code, k -> investor)).isEqualTo(investor);
        }
        assertThat(withoutInvestor).isPositive();
        assertThat(codeByInvestor).containsKeys("北京奇虎科技有限公司", "神州优车股份有限公司", "浪潮集团有限公司",
                "东华软件股份公司", "国信优易数据有限公司", "正大制药(青岛)有限公司");
    }

    /** GB 32100-2015, written independently of the generator. */
    private static boolean checked(String code) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = alphabet.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * weights[i];
        }
        return code.charAt(17) == alphabet.charAt((31 - sum % 31) % 31);
    }

    @Test
    void datesAreInOrder() {
        assertThat(ROWS).allSatisfy(r -> {
            LocalDate previous = null;
            for (String column : DATES) {
                LocalDate d = date(r, column);
                if (d != null) {
                    assertThat(previous == null || !d.isBefore(previous)).as(r.get("项目编号") + " " + column).isTrue();
                    previous = d;
                }
            }
            LocalDate terminated = date(r, "终止日期");
            if (terminated != null) {
                assertThat(terminated).isAfterOrEqualTo(date(r, "对接日期"));
            }
            if (r.get("上台签约").equals("是")) {
                assertThat(r.get("签约活动")).isNotEmpty();
                assertThat(r.get("签约日期")).isNotEmpty();
            }
            if (!r.get("落地日期").isEmpty() || !r.get("开工日期").isEmpty()) {
                assertThat(r.get("落地日期")).as("landed rows keep 落地日期").isNotEmpty();
            }
        });
    }

    @Test
    void poolProjectsWereContactedFromMarch2016AndBeforeSigning() {
        assertThat(pool(FROM, JULY)).allSatisfy(r -> {
            LocalDate contacted = date(r, "对接日期");
            assertThat(contacted).isBetween(LocalDate.of(2016, 3, 1), JULY);
            LocalDate signed = date(r, "签约日期");
            if (signed != null) {
                assertThat(contacted).isBefore(signed);
            }
        });
    }

    @Test
    void parentsExistAndComeFirst() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ROWS.size(); i++) {
            index.put(ROWS.get(i).get("项目编号"), i);
        }
        for (int i = 0; i < ROWS.size(); i++) {
            String parent = ROWS.get(i).get("上级项目编号");
            if (!parent.isEmpty()) {
                assertThat(index).containsKey(parent);
                assertThat(index.get(parent)).isLessThan(i);
            }
        }
        String park360 = byName("360产业园").get("项目编号");
        assertThat(where(ROWS, r -> r.get("上级项目编号").equals(park360))).extracting(r -> r.get("项目名称"))
                .containsExactlyInAnyOrder("360科研中心", "360安全中心", "360网络安全教育中心", "360互联网金融基地",
                        "360互联网医院配套", "360孵化中心", "网络空间安全国家工程实验室");
    }

    @Test
    void amountsArePositiveWithAtMostTwoDecimals() {
        assertThat(ROWS).allSatisfy(r -> {
            assertThat(r.get("总投资(万元)")).matches("\\d+(\\.\\d{1,2})?");
            assertThat(amount(r, "总投资(万元)")).isPositive();
            for (String column : List.of("外资(万美元)", "实际利用外资(万美元)")) {
                assertThat(r.get(column)).matches("(\\d+(\\.\\d{1,2})?)?");
            }
            assertThat(amount(r, "实际利用外资(万美元)")).isLessThanOrEqualTo(amount(r, "外资(万美元)"));
        });
    }

    // --- the article's stories ---

    @Test
    void namedProjectsSitInTheirCells() {
        Map<String, String> shenzhou = byName("神州优车东南运营总部");
        assertThat(shenzhou.get("责任单位")).isEqualTo("东南大数据产业园");
        assertThat(shenzhou.get("重点项目")).isEqualTo("是");
        assertThat(date(shenzhou, "落地日期")).isBetween(FROM, EVAL_518);

        assertThat(byName("国信优易数据项目").get("引荐企业")).isEqualTo("东华软件股份公司");
        assertThat(byName("东华软件医疗大数据项目").get("来源")).isEqualTo("以商招商");
        Map<String, String> cp = byName("正大制药项目");
        assertThat(cp.get("引荐企业")).isEqualTo("国信优易数据有限公司");
        assertThat(stage(cp, JULY)).isEqualTo(Stage.LEAD);

        Map<String, String> park360 = byName("360产业园");
        assertThat(park360.get("来源")).isEqualTo("小分队拜访");
        assertThat(date(park360, "落地日期")).isBetween(EVAL_518.plusDays(1), JULY);
        for (String started : List.of("浪潮总部", "中航十二院项目", "省电子信息集团项目", "规划展示馆")) {
            assertThat(date(byName(started), "开工日期")).as(started).isBefore(JULY.plusDays(1));
        }
        for (String signed : List.of("中国移动数字化服务产业园", "万达医疗全国医院总部", "意大利足球城")) {
            assertThat(stage(byName(signed), JULY)).as(signed).isEqualTo(Stage.SIGNED);
        }
        for (String landed : List.of("中天恒基广场", "融侨国际双语学校", "福州软件职业技术学院长乐新校区")) {
            assertThat(date(byName(landed), "落地日期")).as(landed).isBetween(FROM, EVAL_518);
        }
        long keyInPool = pool(FROM, JULY).stream().filter(r -> r.get("重点项目").equals("是")).count();
        assertThat(keyInPool).isBetween(35L, 45L);
    }

    @Test
    void contextAroundThePoolLeavesItAlone() {
        List<Map<String, String>> landed2016 = where(ROWS, r -> landedOn(r) != null && landedOn(r).getYear() == 2016);
        assertThat(landed2016).hasSizeGreaterThanOrEqualTo(25);
        assertThat(landed2016).anyMatch(r -> r.get("签约活动").equals("第十八届海交会"));
        List<Map<String, String>> terminated = where(ROWS, r -> !r.get("终止日期").isEmpty());
        assertThat(terminated).hasSizeGreaterThanOrEqualTo(6).allSatisfy(r -> {
            assertThat(date(r, "终止日期")).isBetween(LocalDate.of(2017, 2, 1), JULY);
            assertThat(landedOn(r)).isNull();
        });
        List<Map<String, String>> later = where(ROWS, r -> date(r, "对接日期").isAfter(JULY));
        assertThat(later).hasSizeGreaterThanOrEqualTo(20);
        assertThat(later).anyMatch(r -> r.get("签约活动").equals("2017年长乐区重点项目集中签约活动"));

        // later periods show growth
        LocalDate yearEnd = LocalDate.of(2017, 12, 31);
        List<Map<String, String>> year = pool(FROM, yearEnd);
        assertThat(year.size()).isGreaterThan(247);
        assertThat(where(year, r -> stage(r, yearEnd) == Stage.LANDED).size()).isGreaterThan(105);

        // every row is in exactly one of: the July pool, landed in 2016, terminated, contacted later
        Set<String> seen = new HashSet<>();
        List<List<Map<String, String>>> parts = new ArrayList<>(List.of(pool(FROM, JULY), landed2016, terminated, later));
        parts.forEach(part -> part.forEach(r -> assertThat(seen.add(r.get("项目编号"))).isTrue()));
        assertThat(seen).hasSize(ROWS.size());
    }

    private static Map<String, String> byName(String name) {
        return ROWS.stream().filter(r -> r.get("项目名称").equals(name)).findFirst().orElseThrow();
    }
}
