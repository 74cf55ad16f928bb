package cn.zhaoshang.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The one random source of the demo and the small choices every generated row needs. */
final class LedgerKit {

    static final String DATA_PARK = "东南大数据产业园";
    static final String NEW_CITY = "福州滨海新城";

    static final List<String> SOURCES = List.of("小分队拜访", "小分队拜访", "小分队拜访", "以商招商", "客商来访", "客商来访", "上级推荐");

    private static final Map<String, List<String>> UNITS = Map.of(
            "大数据", List.of("市发改局", "市工信局", "吴航街道", "航城街道"),
            "医疗健康", List.of("市卫计局", "市卫计局", "吴航街道", "首占镇", "航城街道", "营前街道"),
            "电子信息", List.of("市工信局", "航城街道", "营前街道", "鹤上镇"),
            "纺织化纤", List.of("金峰镇", "潭头镇", "文武砂镇", "漳港街道", "鹤上镇", "古槐镇", "市工信局"),
            "高端装备", List.of("市工信局", "航城街道", "营前街道", "玉田镇", "鹤上镇"),
            "现代物流", List.of("松下镇", "鹤上镇", "漳港街道", "市商务局", "航城街道"),
            "文化旅游", List.of("市文体旅游局", "梅花镇", "江田镇", "湖南镇", "松下镇", "古槐镇", "市住建局"),
            "商贸服务", List.of("市商务局", "吴航街道", "航城街道", "首占镇", "文岭镇", "市住建局"),
            "教育", List.of("市教育局", "市教育局", "吴航街道", "首占镇", "文岭镇"));

    private static final Map<String, List<String>> REFERRERS = Map.of(
            "大数据", List.of("北京奇虎科技有限公司", "浪潮集团有限公司", "东华软件股份公司", "神州优车股份有限公司"),
            "电子信息", List.of("浪潮集团有限公司", "福建省电子信息(集团)有限责任公司"),
            "医疗健康", List.of("东华软件股份公司", "中国健康医疗大数据产业发展有限公司"));

    final Random rnd;
    final Investors investors;
    final DemoNames names;

    LedgerKit(long seed) {
        rnd = new Random(seed);
        investors = new Investors(rnd);
        names = new DemoNames(rnd, investors);
    }

    LocalDate between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0) {
            throw new IllegalArgumentException(from + " after " + to);
        }
        return from.plusDays(rnd.nextInt((int) days + 1));
    }

    LocalDate daysBefore(LocalDate date, int min, int max, LocalDate floor) {
        LocalDate d = date.minusDays(range(min, max));
        return d.isBefore(floor) ? floor : d;
    }

    int range(int lo, int hi) {
        return lo + rnd.nextInt(hi - lo + 1);
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    /** A choice from "a:3,b:1" (weights). */
    String weighted(String spec) {
        List<String> bag = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            for (int i = Integer.parseInt(kv[1]); i > 0; i--) {
                bag.add(kv[0]);
            }
        }
        return pick(bag);
    }

    String nonParkUnit(String chain) {
        return pick(UNITS.get(chain));
    }

    String parkUnit(String chain) {
        double dataPark = switch (chain) {
            case "大数据" -> 0.7;
            case "电子信息" -> 0.6;
            case "医疗健康" -> 0.5;
            default -> 0.2;
        };
        return chance(dataPark) ? DATA_PARK : NEW_CITY;
    }

    /** A generated project of {@code chain} at {@code unit}; investor-less with chance {@code noInvestor}. */
    Draft filler(String chain, String unit, long amount, double noInvestor, boolean foreignInvested) {
        String brand = names.brand();
        Draft d = new Draft(names.project(brand, chain), unit, chain, amount);
        if (foreignInvested || !chance(noInvestor)) {
            d.investor(names.investor(brand, chain, foreignInvested));
        }
        d.source(pick(SOURCES));
        if (d.source.equals("以商招商") && REFERRERS.containsKey(chain) && chance(0.7)) {
            d.referrer(pick(REFERRERS.get(chain)));
        }
        return d;
    }

    /** A generated project whose amount (and foreign capital, in 万美元) are fixed by hand. */
    Draft fixed(String chain, boolean park, long amount, long foreign, long utilized) {
        Draft d = filler(chain, park ? parkUnit(chain) : nonParkUnit(chain), amount, 0, foreign > 0);
        return foreign > 0 ? d.foreign(foreign, utilized) : d;
    }

    /** Construction start (and sometimes completion) some time after landing. */
    void maybeBuild(Draft d, double startChance, double completeChance) {
        if (d.started == null && chance(startChance)) {
            d.started = d.landed.plusDays(range(7, 160));
        }
        if (d.started != null && d.completed == null && chance(completeChance)) {
            d.completed = d.started.plusDays(range(60, 330));
        }
    }

    /** A round figure in 万元 between lo and hi, log-uniform. */
    long amount(long lo, long hi) {
        double x = Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return nice(x);
    }

    /** {@code k} round amounts that add up to {@code total}; the last absorbs the rounding. */
    List<Long> split(long total, int k) {
        if (k == 0) {
            if (total != 0) {
                throw new IllegalStateException("nothing left to absorb " + total);
            }
            return List.of();
        }
        double share = (double) total / k;
        while (true) {
            double[] w = new double[k];
            double sum = 0;
            for (int i = 0; i < k; i++) {
                w[i] = 0.3 + 1.7 * Math.pow(rnd.nextDouble(), 1.6);
                sum += w[i];
            }
            List<Long> out = new ArrayList<>(k);
            long acc = 0;
            for (int i = 0; i < k - 1; i++) {
                long a = nice(total * w[i] / sum);
                out.add(a);
                acc += a;
            }
            long last = total - acc;
            if (last >= Math.max(500, share * 0.3) && last <= share * 2.5) {
                out.add(last);
                return out;
            }
        }
    }

    static long nice(double x) {
        long step = x >= 100_000 ? 10_000 : x >= 10_000 ? 1_000 : x >= 3_000 ? 500 : 100;
        return Math.max(500, Math.round(x / step) * step);
    }
}
