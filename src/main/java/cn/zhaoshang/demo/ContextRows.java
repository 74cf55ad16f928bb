package cn.zhaoshang.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects around the July 2017 pool that must not change its figures: landed in 2016, terminated in
 * 2017 before the end of July, and contacted after July 2017 (so later periods show growth).
 */
final class ContextRows {

    static final String FAIR_2016 = "第十八届海交会";
    static final String SIGNING_2017 = "2017年长乐区重点项目集中签约活动";
    private static final LocalDate FAIR_2016_DAY = LocalDate.of(2016, 5, 18);
    private static final LocalDate SIGNING_DAY = LocalDate.of(2017, 11, 16);
    private static final String CHAINS =
            "大数据:2,医疗健康:2,电子信息:2,纺织化纤:4,高端装备:3,现代物流:2,文化旅游:2,商贸服务:3,教育:1";

    private final LedgerKit kit;
    private final List<Draft> out = new ArrayList<>();

    ContextRows(LedgerKit kit) {
        this.kit = kit;
    }

    List<Draft> build() {
        landedIn2016(30, 10);
        terminated(8, 3);
        contactedAfterJuly(25);
        return out;
    }

    private Draft project(double parkChance, long lo, long hi, double noInvestor) {
        return project(parkChance, lo, hi, noInvestor, false);
    }

    private Draft project(double parkChance, long lo, long hi, double noInvestor, boolean foreignInvested) {
        String chain = kit.weighted(CHAINS);
        boolean park = kit.chance(parkChance);
        String unit = park ? kit.parkUnit(chain) : kit.nonParkUnit(chain);
        Draft d = kit.filler(chain, unit, kit.amount(lo, hi), noInvestor, foreignInvested);
        out.add(d);
        return d;
    }

    /** Landed in 2016; {@code atFair} of them signed at the 18th fair (the first three on stage). */
    private void landedIn2016(int count, int atFair) {
        for (int i = 0; i < count; i++) {
            boolean foreignInvested = i < atFair && i % 3 == 0;
            Draft d = project(0.15, 3_000, 120_000, 0, foreignInvested);
            if (i < atFair) {
                d.event = FAIR_2016;
                d.source = "海交会";
                d.referrer = "";
                d.signed = FAIR_2016_DAY;
                d.contacted = kit.daysBefore(FAIR_2016_DAY, 20, 400, LocalDate.of(2015, 1, 5));
                d.landed = kit.between(FAIR_2016_DAY.plusDays(1), LocalDate.of(2016, 12, 28));
                if (i < 3) {
                    d.onStage = true;
                    d.key = true;
                    d.investment = kit.amount(80_000, 200_000);
                }
                if (foreignInvested) {
                    long foreign = LedgerKit.nice(d.investment / 8.0);
                    d.foreign(foreign, LedgerKit.nice(foreign / 3.0));
                }
            } else {
                d.landed = kit.between(LocalDate.of(2016, 1, 12), LocalDate.of(2016, 12, 28));
                d.signed = kit.daysBefore(d.landed, 0, 120, LocalDate.of(2015, 3, 2));
                d.contacted = kit.daysBefore(d.signed, 15, 300, LocalDate.of(2015, 1, 5));
            }
            kit.maybeBuild(d, 0.7, 0.45);
        }
    }

    /** Terminated between February and July 2017; {@code signed} of them after signing. */
    private void terminated(int count, int signed) {
        for (int i = 0; i < count; i++) {
            Draft d = project(0.3, 3_000, 150_000, 0.2);
            d.contacted = kit.between(LocalDate.of(2016, 3, 1), LocalDate.of(2017, 5, 31));
            LocalDate last = d.contacted;
            if (i < signed) {
                d.signed = kit.between(d.contacted.plusDays(20), min(d.contacted.plusDays(150), LocalDate.of(2017, 6, 30)));
                last = d.signed;
            }
            LocalDate earliest = max(last.plusDays(10), LocalDate.of(2017, 2, 1));
            d.terminated = kit.between(earliest, PoolCells.TO);
        }
    }

    /** Contacted from August 2017; some signed (a few at the November signing event) and landed. */
    private void contactedAfterJuly(int count) {
        for (int i = 0; i < count; i++) {
            Draft d = project(0.4, 5_000, 300_000, 0.25);
            if (i < 5) {
                d.contacted = kit.between(LocalDate.of(2017, 8, 1), LocalDate.of(2017, 10, 31));
                d.signed = SIGNING_DAY;
                d.event = SIGNING_2017;
                d.onStage = i < 2;
                d.key = d.onStage;
                if (i % 2 == 0) {
                    d.landed = kit.between(SIGNING_DAY.plusDays(4), LocalDate.of(2017, 12, 28));
                }
            } else if (i < 10) {
                d.contacted = kit.between(LocalDate.of(2017, 8, 1), LocalDate.of(2017, 10, 15));
                d.signed = d.contacted.plusDays(kit.range(15, 60));
                if (i < 8) {
                    d.landed = min(d.signed.plusDays(kit.range(5, 40)), LocalDate.of(2017, 12, 29));
                }
            } else {
                d.contacted = kit.between(LocalDate.of(2017, 8, 1), LocalDate.of(2017, 12, 20));
            }
            if (d.landed != null) {
                kit.maybeBuild(d, 0.3, 0);
            }
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
