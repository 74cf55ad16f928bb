package cn.zhaoshang.project;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.sheet.CreditCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small seeded ledger written straight into the tables, made to provoke the list's edge cases: names from a tiny
 * alphabet with LIKE's special characters, unit names repeated across regions, now and then a unit of another region,
 * projects without unit, chain or investor, codes in mixed case, aliases, and enough regions and units for every query
 * shape of ProjectListQuery.
 */
final class RandomLedger {

    static final String[] REGIONS = {"350102", "350103", "350104", "350105", "350111", "350112", "350203", "350206"};
    static final String[] SEARCH_REGIONS = {null, "350000", "350100", "350112", "350200", "350105"};
    static final String ALPHABET = "华恒数据中心科技aB1%_\\（） ";
    static final String[] UNIT_NAMES = {"区商务局", "区工信局", "吴航街道", "滨海新城", "营前街道", "东南大数据产业园", "区发改局",
        "潭头镇", "金峰镇", "航城街道"};

    final Random random;
    final List<Long> units = new ArrayList<>();
    final List<Long> chains = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final List<String> creditCodes = new ArrayList<>();

    RandomLedger(long seed) {
        this.random = new Random(seed);
    }

    /** Writes about {@code projects} projects into an empty ledger. */
    RandomLedger write(JdbcClient jdbc, int projects) {
        for (String region : REGIONS) {
            for (String unit : UNIT_NAMES) {
                if (random.nextInt(10) < 8) {
                    units.add(jdbc.sql("insert into unit (region_code, name, kind) values (:r, :n, 'DEPARTMENT')"
                                    + " on conflict (region_code, name) do update set name = excluded.name returning id")
                            .param("r", region).param("n", unit).query(Long.class).single());
                }
            }
        }
        for (String chain : new String[] {"大数据", "医疗健康", "新能源", "文化旅游"}) {
            chains.add(jdbc.sql("insert into industry_chain (name) values (:n)"
                    + " on conflict (name) do update set name = excluded.name returning id").param("n", chain)
                    .query(Long.class).single());
        }
        List<Long> enterprises = new ArrayList<>();
        for (int i = 0; i < projects / 4; i++) {
            String credit = random.nextInt(5) == 0 ? null : CreditCodes.complete("91350" + String.format("%03d", i) + "MA2Y4K8P3");
            String name = text(2, 9) + i;
            enterprises.add(jdbc.sql("insert into enterprise (credit_code, name) values (:c, :n)"
                            + " on conflict (credit_code) do update set name = excluded.name returning id")
                    .param("c", credit).param("n", name).query(Long.class).single());
            names.add(name);
            if (credit != null) {
                creditCodes.add(credit);
            }
            if (random.nextInt(5) == 0) {
                String alias = text(2, 7) + "别" + i;
                jdbc.sql("insert into enterprise_alias (enterprise_id, alias) values (:e, :a) on conflict do nothing")
                        .param("e", enterprises.get(i)).param("a", alias).update();
                names.add(alias);
            }
        }
        String[] prefixes = {"CL-", "cl-", "X_", "Y%", "350112-2017-"};
        for (int i = 0; i < projects; i++) {
            String region = REGIONS[random.nextInt(REGIONS.length)];
            String code = prefixes[random.nextInt(prefixes.length)] + i;
            String name = text(1, 10);
            LocalDate contacted = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(2000));
            LocalDate signed = random.nextInt(3) == 0 ? null : contacted.plusDays(random.nextInt(200));
            LocalDate landed = signed == null || random.nextBoolean() ? null : signed.plusDays(random.nextInt(200));
            LocalDate terminated = random.nextInt(12) == 0 ? contacted.plusDays(300) : null;
            Long unit = random.nextInt(8) == 0 ? null : unitIn(jdbc, region);
            jdbc.sql("""
                            insert into project (code, name, region_code, unit_id, investor_id, chain_id, investment, key_project,
                                                 contacted_on, signed_on, landed_on, terminated_on)
                            values (:code, :name, :region, :unit, :investor, :chain, :investment, :key, :contacted, :signed,
                                    :landed, :terminated)""")
                    .param("code", code).param("name", name).param("region", region).param("unit", unit)
                    .param("investor", random.nextInt(6) == 0 ? null : enterprises.get(random.nextInt(enterprises.size())))
                    .param("chain", random.nextInt(4) == 0 ? null : chains.get(random.nextInt(chains.size())))
                    .param("investment", new java.math.BigDecimal(random.nextInt(20) * 500))
                    .param("key", random.nextInt(5) == 0).param("contacted", contacted).param("signed", signed)
                    .param("landed", landed).param("terminated", terminated).update();
            codes.add(code);
            names.add(name);
        }
        return this;
    }

    private Long unitIn(JdbcClient jdbc, String region) {
        // now and then a unit of another region, which the application never writes but the schema allows: the list
        // sorted by unit must sort it in all the same (ProjectListQuery.firstOfEachUnit)
        if (random.nextInt(12) == 0) {
            return units.get(random.nextInt(units.size()));
        }
        List<Long> ids = jdbc.sql("select id from unit where region_code = :r order by id").param("r", region)
                .query(Long.class).list();
        return ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    String text(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** A search text: part of a name, alias, code or credit code (sometimes in other case or with spaces), or made up. */
    String searchText() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> part(names.get(random.nextInt(names.size())));
            case 2 -> {
                String code = codes.get(random.nextInt(codes.size()));
                yield random.nextBoolean() ? code.toLowerCase() : code;
            }
            case 3 -> creditCodes.isEmpty() ? "x" : creditCodes.get(random.nextInt(creditCodes.size())).toLowerCase();
            case 4 -> " " + text(1, 2) + " ";
            case 5 -> String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            default -> text(1, 4);
        };
    }

    private String part(String s) {
        int from = random.nextInt(s.length());
        int to = from + 1 + random.nextInt(Math.min(4, s.length() - from));
        return s.substring(from, to);
    }

    /** A random scope: everything, a prefecture, a county, or one unit's staff. */
    DataScope scope() {
        return switch (random.nextInt(5)) {
            case 0 -> new DataScope("350100", "350199", null);
            case 1 -> new DataScope("350112", "350112", null);
            case 2 -> new DataScope("350000", "359999", units.get(random.nextInt(units.size())));
            default -> DataScope.EVERYTHING;
        };
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
