package cn.zhaoshang.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The enterprise list's search (the name pieces' index, V10) against a plain reading of what it promises: an enterprise
 * is found when its name or one of its aliases contains the text, or, for a text of letters and digits, its credit code;
 * % _ and \ are themselves; by name.
 */
class EnterpriseSearchTest extends IntegrationTest {

    @Autowired
    Enterprises enterprises;

    private record Known(long id, String name, String code, List<String> aliases) {
    }

    @Test
    void findsWhatContainsTheTextInNameAliasOrCreditCodeAndNothingElse() {
        fixtures.reset();
        Random random = new Random(350112);
        String alphabet = "华恒科技长乐区数据中心%_\\A1";
        List<Known> known = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = word(random, alphabet, 1 + random.nextInt(6)) + "公司" + i;
            String code = random.nextInt(3) == 0 ? null : String.format(Locale.ROOT, "91350%013d", random.nextLong(10_000_000_000_000L));
            long id = fixtures.jdbc().sql("insert into enterprise (credit_code, name) values (?, ?) returning id")
                    .params(code, name).query(Long.class).single();
            List<String> aliases = new ArrayList<>();
            for (int a = random.nextInt(3); a > 0; a--) {
                String alias = word(random, alphabet, 2 + random.nextInt(4)) + "别名" + i + "-" + a;
                fixtures.jdbc().sql("insert into enterprise_alias (enterprise_id, alias) values (?, ?)").params(id, alias).update();
                aliases.add(alias);
            }
            known.add(new Known(id, name, code, aliases));
        }
        List<String> queries = new ArrayList<>(List.of("华", "华恒", "数据中心", "%", "_", "\\\\", "A1", "a1", "91350", "别名1", "公司29",
                "不存在的词", "  恒科 ", "%_"));
        for (int i = 0; i < 60; i++) {
            queries.add(word(random, alphabet, 1 + random.nextInt(3)));
        }
        for (String q : queries) {
            List<Long> expected = known.stream().filter(k -> matches(k, q.trim()))
                    .sorted(Comparator.comparing(Known::name)).map(Known::id).toList();
            List<Long> found = enterprises.search(q, 1000, 0).stream().map(Enterprises.Listed::id).toList();
            assertThat(found).as("search “%s”", q).isEqualTo(expected);
        }
        // pages of a common text follow one another
        List<Long> all = enterprises.search("华", 1000, 0).stream().map(Enterprises.Listed::id).toList();
        assertThat(all.size()).isGreaterThan(40);
        assertThat(enterprises.search("华", 20, 20).stream().map(Enterprises.Listed::id).toList()).isEqualTo(all.subList(20, 40));
        assertThat(enterprises.search("", 1000, 0)).hasSize(300);
    }

    private static boolean matches(Known k, String text) {
        if (k.name().contains(text) || k.aliases().stream().anyMatch(a -> a.contains(text))) {
            return true;
        }
        return text.matches("[0-9A-Za-z]+") && k.code() != null && k.code().contains(text.toUpperCase(Locale.ROOT));
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
