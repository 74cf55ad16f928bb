package cn.zhaoshang.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A county's investment teams (定向、定人、定点), the way Changle had them: its parks' teams led by the county's leaders
 * in order of rank, one team per industry chain sent by the department in charge, and township teams; each with the
 * chains it goes after and the cities it travels to.
 */
final class TeamRoster {

    record Spec(String name, String unit, String leader, String members, int[] chains, int[] cities, double weight) {
    }

    private static final int[] CHAIN_WEIGHTS = {12, 8, 10, 6, 9, 7, 7, 9, 3, 6, 5, 5, 3, 3, 4};

    private final Territory.County county;
    private final List<Territory.Unit> parks = new ArrayList<>();
    private final List<Territory.Unit> towns = new ArrayList<>();
    private final List<Territory.Unit> departments = new ArrayList<>();
    private final SplittableRandom r;
    private final char suffix;

    TeamRoster(Territory.County county, List<Territory.Unit> units, SplittableRandom r) {
        this.county = county;
        this.r = r;
        for (Territory.Unit u : units) {
            (u.weight() == 8 ? parks : u.weight() == 2 ? towns : departments).add(u);
        }
        char last = county.name().charAt(county.name().length() - 1);
        this.suffix = last == '区' || last == '市' ? last : '县';
    }

    String firstPark() {
        return parks.isEmpty() ? county.name() + "工业园区" : parks.get(0).name();
    }

    List<Spec> specs(int wanted) {
        int parkTeams = parks.isEmpty() ? 0 : (int) Math.max(1, Math.min(10, Math.round(wanted * 0.4)));
        int chainTeams = (int) Math.min(Words.CHAINS.size(), Math.round((wanted - parkTeams) * 0.7));
        int townTeams = Math.min(towns.size(), wanted - parkTeams - chainTeams);
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < parkTeams; i++) {
            Territory.Unit park = parks.get(i % parks.size());
            String ordinal = FieldWords.ORDINALS[i / parks.size()];
            specs.add(new Spec(park.name() + "第" + ordinal + "小分队", park.name(),
                    FieldWords.leaderTitle(i, suffix) + " " + FieldWords.person(r), "园区干部2名、招商专员2名",
                    chains(1 + r.nextInt(2), -1), cities(3 + r.nextInt(3)), 1.3 * (0.7 + 0.6 * r.nextDouble())));
        }
        List<Integer> order = weightedOrder();
        for (int i = 0; i < chainTeams; i++) {
            int chain = order.get(i);
            Territory.Unit dept = department(chain);
            String head = dept.name().endsWith("局") ? "局长" : "主任";
            int[] chains = r.nextDouble() < 0.3 ? chains(2, chain) : new int[]{chain};
            specs.add(new Spec(Words.CHAINS.get(chain).name() + "产业招商小分队", dept.name(), dept.name() + head + " " + FieldWords.person(r),
                    dept.name().substring(1) + "干部2名", chains, cities(2 + r.nextInt(3)), 0.7 + 0.6 * r.nextDouble()));
        }
        for (int i = 0; i < townTeams; i++) {
            Territory.Unit town = towns.get(i);
            String kind = town.name().substring(town.name().length() - (town.name().endsWith("街道") ? 2 : 1));
            specs.add(new Spec(town.name() + "招商小分队", town.name(), town.name() + "党委书记 " + FieldWords.person(r),
                    kind + "招商专员2名", chains(1 + r.nextInt(2), -1), cities(2 + r.nextInt(2)), 0.6 * (0.7 + 0.6 * r.nextDouble())));
        }
        return specs;
    }

    /** The department in charge of a chain if the county has it, else its 商务局 or 投资促进中心, else any. */
    private Territory.Unit department(int chain) {
        for (String wanted : List.of(FieldWords.CHAIN_DEPARTMENTS.get(chain), "商务局", "投资促进中心")) {
            for (Territory.Unit u : departments) {
                if (u.name().endsWith(wanted)) {
                    return u;
                }
            }
        }
        return departments.isEmpty() ? parks.get(0) : departments.get(0);
    }

    /** Every chain once, heavier chains earlier (a weighted shuffle). */
    private List<Integer> weightedOrder() {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < CHAIN_WEIGHTS.length; i++) {
            left.add(i);
        }
        List<Integer> order = new ArrayList<>();
        while (!left.isEmpty()) {
            int total = left.stream().mapToInt(i -> CHAIN_WEIGHTS[i]).sum();
            int pick = r.nextInt(total);
            for (int k = 0; k < left.size(); k++) {
                pick -= CHAIN_WEIGHTS[left.get(k)];
                if (pick < 0) {
                    order.add(left.remove(k));
                    break;
                }
            }
        }
        return order;
    }

    /** n distinct chains, {@code first} among them when given. */
    private int[] chains(int n, int first) {
        List<Integer> picked = new ArrayList<>();
        if (first >= 0) {
            picked.add(first);
        }
        while (picked.size() < n) {
            int c = pick(CHAIN_WEIGHTS);
            if (!picked.contains(c)) {
                picked.add(c);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** n distinct target cities, the big ones likelier. */
    private int[] cities(int n) {
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < n) {
            int c = pick(FieldWords.CITY_WEIGHTS);
            if (!picked.contains(c)) {
                picked.add(c);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int p = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            p -= weights[i];
            if (p < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
