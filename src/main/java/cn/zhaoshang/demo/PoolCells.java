package cn.zhaoshang.demo;

import static cn.zhaoshang.demo.LedgerKit.DATA_PARK;
import static cn.zhaoshang.demo.LedgerKit.NEW_CITY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The 247 projects of the July 2017 pool (region 350112, 2017-01-01..2017-07-31), cell by cell, so
 * that every figure of the seed article comes out exactly. See ChangleLedger for the cell table.
 */
final class PoolCells {

    static final LocalDate FROM = LocalDate.of(2017, 1, 1);
    static final LocalDate FAIR_DAY = LocalDate.of(2017, 5, 18);
    static final LocalDate TO = LocalDate.of(2017, 7, 31);
    static final LocalDate FIRST_CONTACT = LocalDate.of(2016, 3, 1);
    static final String FAIR = "第十九届海交会";

    static final String MEDICAL = "医疗健康";
    private static final String PARK_CHAINS = "大数据:5,电子信息:3,商贸服务:1";
    private static final String OTHER_CHAINS = "电子信息:2,纺织化纤:3,高端装备:3,现代物流:2,文化旅游:2,商贸服务:3,教育:1,大数据:1";
    private static final String PARK_LEAD_CHAINS = "大数据:5,医疗健康:3,电子信息:3,商贸服务:1,文化旅游:1,教育:1";
    private static final String OTHER_LEAD_CHAINS = OTHER_CHAINS + ",文化旅游:1,医疗健康:2";

    enum Kind {
        EARLY_LANDED, LATE_LANDED, FAIR_ON_SIGNED, FAIR_ON_LANDED, FAIR_OFF_SIGNED, FAIR_OFF_LANDED, SIGNED, LEAD;

        boolean fair() {
            return name().startsWith("FAIR");
        }

        boolean onStage() {
            return name().startsWith("FAIR_ON");
        }

        boolean landed() {
            return name().endsWith("LANDED");
        }
    }

    private final LedgerKit kit;
    private final NamedProjects named;
    private final List<Draft> out = new ArrayList<>();

    PoolCells(LedgerKit kit) {
        this.kit = kit;
        this.named = new NamedProjects(kit);
    }

    List<Draft> build() {
        cell(Kind.EARLY_LANDED, true, 22, 2_249_700, 8, PARK_CHAINS, named.earlyPark());
        cell(Kind.EARLY_LANDED, false, 37, 1_448_400, 5, OTHER_CHAINS, named.earlyOther());
        cell(Kind.LATE_LANDED, true, 3, 1_880_100, 0, PARK_CHAINS, named.latePark());
        cell(Kind.FAIR_ON_SIGNED, false, 10, 2_400_000, 0, OTHER_CHAINS, named.fairOnStageSigned());
        cell(Kind.FAIR_ON_LANDED, false, 5, 327_600, 0, OTHER_CHAINS,
                kit.fixed("电子信息", false, 130_000, 18_000, 8_000), kit.fixed("高端装备", false, 90_000, 12_000, 6_000),
                kit.fixed("现代物流", false, 50_000, 0, 0), kit.fixed("商贸服务", false, 35_000, 0, 0),
                kit.fixed("纺织化纤", false, 22_600, 0, 0));
        cell(Kind.FAIR_OFF_SIGNED, false, 2, 100_000, 0, OTHER_CHAINS,
                kit.fixed("高端装备", false, 60_000, 8_000, 1_000), kit.fixed("商贸服务", false, 40_000, 0, 0));
        cell(Kind.FAIR_OFF_LANDED, true, 7, 300_000, 0, PARK_CHAINS,
                kit.fixed("电子信息", true, 80_000, 10_000, 1_500), kit.fixed("大数据", true, 60_000, 8_000, 0));
        cell(Kind.FAIR_OFF_LANDED, false, 31, 1_356_200, 4, OTHER_CHAINS,
                kit.fixed("纺织化纤", false, 150_000, 20_000, 3_000), kit.fixed("高端装备", false, 150_000, 20_000, 2_500),
                kit.fixed("电子信息", false, 120_000, 17_000, 2_000), kit.fixed("纺织化纤", false, 120_000, 16_000, 0),
                kit.fixed("现代物流", false, 100_000, 14_000, 0), kit.fixed("商贸服务", false, 100_000, 13_000, 0),
                kit.fixed("高端装备", false, 80_000, 10_000, 0), kit.fixed("文化旅游", false, 60_000, 6_000, 0));
        cell(Kind.SIGNED, true, 2, 900_000, 0, PARK_CHAINS, named.signedPark());
        cell(Kind.SIGNED, false, 2, 823_900, 0, OTHER_LEAD_CHAINS, named.signedOther());
        cell(Kind.LEAD, true, 61, 2_034_000, 0, PARK_LEAD_CHAINS, named.leadsPark());
        cell(Kind.LEAD, false, 65, 5_656_100, 0, OTHER_LEAD_CHAINS);
        markKeyProjects(10);
        return out;
    }

    private void cell(Kind kind, boolean park, int count, long sum, int medical, String chainSpec, Draft... fixed) {
        long fixedSum = 0;
        for (Draft d : fixed) {
            fixedSum += d.investment;
            place(d, kind);
        }
        int k = count - fixed.length;
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < medical; i++) {
            chains.add(MEDICAL);
        }
        while (chains.size() < k) {
            chains.add(kit.weighted(chainSpec));
        }
        Collections.shuffle(chains, kit.rnd);
        List<Long> amounts = kit.split(sum - fixedSum, k);
        double noInvestor = kind == Kind.LEAD ? 0.3 : kind.landed() ? 0 : 0.1;
        for (int i = 0; i < k; i++) {
            String chain = chains.get(i);
            String unit = park ? kit.parkUnit(chain) : kit.nonParkUnit(chain);
            place(kit.filler(chain, unit, amounts.get(i), noInvestor, false), kind);
        }
    }

    private void place(Draft d, Kind kind) {
        if (kind.fair()) {
            d.event = FAIR;
            d.onStage = kind.onStage();
            d.key |= d.onStage;
            if (!d.named) {
                d.source = kit.weighted("海交会:6,小分队拜访:3,客商来访:1");
                d.referrer = "";
            }
        }
        if (d.contacted == null) {
            dates(d, kind);
        }
        if (d.mustStart && (d.started == null || d.started.isAfter(TO))) {
            d.started = kit.between(d.landed, TO);
        }
        out.add(d);
    }

    private void dates(Draft d, Kind kind) {
        switch (kind) {
            case EARLY_LANDED -> landedBetween(d, LocalDate.of(2017, 1, 3), FAIR_DAY);
            case LATE_LANDED -> landedBetween(d, FAIR_DAY.plusDays(1), TO);
            case FAIR_ON_SIGNED, FAIR_OFF_SIGNED, FAIR_ON_LANDED, FAIR_OFF_LANDED -> {
                d.signed = FAIR_DAY;
                d.contacted = kit.daysBefore(FAIR_DAY, 10, 420, FIRST_CONTACT);
                if (kind.landed()) {
                    d.landed = kit.between(FAIR_DAY.plusDays(1), TO);
                } else if (kit.chance(0.35)) {
                    d.landed = kit.between(LocalDate.of(2017, 8, 15), LocalDate.of(2017, 12, 26));
                }
            }
            case SIGNED -> {
                d.signed = kit.between(LocalDate.of(2017, 1, 5), TO);
                if (d.signed.equals(FAIR_DAY)) {
                    d.signed = FAIR_DAY.plusDays(1);
                }
                d.contacted = kit.daysBefore(d.signed, 15, 300, FIRST_CONTACT);
                if (kit.chance(0.3)) {
                    d.landed = kit.between(LocalDate.of(2017, 8, 20), LocalDate.of(2017, 12, 26));
                }
            }
            case LEAD -> d.contacted = kit.between(FIRST_CONTACT, TO);
        }
        if (d.landed != null) {
            kit.maybeBuild(d, kind.landed() ? 0.4 : 0.3, 0.15);
        }
    }

    private void landedBetween(Draft d, LocalDate first, LocalDate last) {
        d.landed = kit.between(first, last);
        d.signed = kit.daysBefore(d.landed, 0, 150, FIRST_CONTACT.plusDays(14));
        if (d.signed.equals(FAIR_DAY)) {
            d.signed = FAIR_DAY.minusDays(1);
        }
        d.contacted = kit.daysBefore(d.signed, 15, 280, FIRST_CONTACT);
    }

    /** 重点项目: the named ones marked by hand plus the biggest generated ones. */
    private void markKeyProjects(int generated) {
        out.stream()
                .filter(d -> !d.named && !d.key)
                .sorted(Comparator.comparingLong((Draft d) -> d.investment).reversed())
                .limit(generated)
                .forEach(d -> d.key = true);
    }
}
