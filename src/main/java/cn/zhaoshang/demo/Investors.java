package cn.zhaoshang.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Enterprises of the demo, each with one generated, valid and unique credit code. */
final class Investors {

    record Investor(String name, String code) {
    }

    private static final String LETTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private final Random rnd;
    private final Map<String, Investor> byName = new HashMap<>();
    private final Set<String> codes = new HashSet<>();

    Investors(Random rnd) {
        this.rnd = rnd;
    }

    /**
     * The enterprise named {@code name}, registered with {@code prefix8} (registration authority,
     * organization type and GB/T 2260 region); {@code recent} ones carry the post-2015 "MA" codes.
     */
    Investor get(String name, String prefix8, boolean recent) {
        Investor known = byName.get(name);
        if (known != null) {
            return known;
        }
        String code;
        do {
            code = CreditCodeMaker.complete(prefix8 + CreditCodeMaker.organizationCode(body(recent)));
        } while (!codes.add(code));
        Investor investor = new Investor(name, code);
        byName.put(name, investor);
        return investor;
    }

    Investor named(String name) {
        Investor known = byName.get(name);
        if (known == null) {
            throw new IllegalStateException("unknown enterprise " + name);
        }
        return known;
    }

    private String body(boolean recent) {
        StringBuilder b = new StringBuilder(8);
        if (recent) {
            b.append("MA").append((char) ('2' + rnd.nextInt(8)));
            while (b.length() < 8) {
                b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
            }
        } else {
            b.append((char) ('1' + rnd.nextInt(9)));
            while (b.length() < 8) {
                b.append((char) ('0' + rnd.nextInt(10)));
            }
        }
        return b.toString();
    }
}
