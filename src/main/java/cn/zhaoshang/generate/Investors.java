package cn.zhaoshang.generate;

import cn.zhaoshang.sheet.CreditCodes;
import java.util.Arrays;
import java.util.List;

/**
 * The generated enterprises, numbered from 0 in the order they first appear. Name and credit code are functions of the
 * number (through a seeded permutation), so they are unique by construction and need no lookup table: enterprise n is
 * city × brand × kind slot number perm(n), and its code carries a body that is an injective function of n.
 */
final class Investors {

    /** One enterprise as the ledger shows it. */
    record Investor(int index, String name, String creditCode) {
    }

    private static final int SLOTS = 4;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final long OLD_SPACE = 90_000_000L;           // 8-digit bodies 10000000..99999999
    private static final long NEW_SPACE = 887_503_681L;          // 31^6 bodies after "MA"

    private final long space;
    private final long mulName;
    private final long addName;
    private final long mulOld;
    private final long addOld;
    private final long addNew;
    private final long mulNew;
    private final long salt;
    private byte[] traits = new byte[1 << 16];
    private int count;

    Investors(long seed) {
        space = (long) Words.CITIES.length * Words.BRANDS.size() * SLOTS;
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        mulName = coprime(r, space);
        addName = Math.floorMod(r.nextLong(), space);
        mulOld = coprime(r, OLD_SPACE);
        addOld = Math.floorMod(r.nextLong(), OLD_SPACE);
        addNew = Math.floorMod(r.nextLong(), NEW_SPACE);
        mulNew = coprime(r, NEW_SPACE);
        salt = r.nextLong();
    }

    int count() {
        return count;
    }

    /** Whether another new enterprise can still get a unique name. */
    boolean canCreate() {
        return count < space;
    }

    /** A new enterprise of a chain (-1: none), foreign-invested or not; returns its number. */
    int create(int chain, boolean foreignInvested) {
        if (count == traits.length) {
            traits = Arrays.copyOf(traits, traits.length * 2);
        }
        traits[count] = (byte) ((chain + 1) | (foreignInvested ? 0x40 : 0));
        return count++;
    }

    Investor get(int index) {
        long t = Math.floorMod(mulName * index + addName, space);
        int slot = (int) (t % SLOTS);
        t /= SLOTS;
        String brand = Words.BRANDS.get((int) (t % Words.BRANDS.size()));
        String[] city = Words.CITIES[(int) (t / Words.BRANDS.size())];
        int chain = (traits[index] & 0x3F) - 1;
        boolean foreign = (traits[index] & 0x40) != 0;
        List<String> kinds = chain < 0 ? Words.GENERIC_COMPANY_KINDS : Words.CHAINS.get(chain).companyKinds();
        String kind = kinds.get(slot);
        long h = mix(index);
        String form = Words.LEGAL_FORMS.get((int) Math.floorMod(h, (long) Words.LEGAL_FORMS.size()));
        String name = foreign ? brand + "（" + city[0] + "）" + kind + "有限公司" : city[0] + brand + kind + form;
        return new Investor(index, name, creditCode(index, city[1], h));
    }

    /** The index in {@link Words#CITIES} of the city enterprise n is named after (and registered in). */
    int city(int index) {
        long t = Math.floorMod(mulName * index + addName, space) / SLOTS;
        return (int) (t / Words.BRANDS.size());
    }

    /** The chain enterprise n works in (an index of {@link Words#CHAINS}), -1 for none. */
    int chain(int index) {
        return (traits[index] & 0x3F) - 1;
    }

    /** The largest number of enterprises that can get unique names. */
    long capacity() {
        return space;
    }

    /** The first two characters of enterprise n's name that a project may be named after. */
    String brand(int index) {
        long t = Math.floorMod(mulName * index + addName, space) / SLOTS;
        return Words.BRANDS.get((int) (t % Words.BRANDS.size()));
    }

    // 91 (enterprise, company) + region + organization code (8 + GB 11714 check) + GB 32100 check
    private String creditCode(int index, String region, long h) {
        StringBuilder body = new StringBuilder(8);
        if ((h >>> 20 & 1) == 0) {
            long v = Math.floorMod(mulOld * index + addOld, OLD_SPACE) + 10_000_000L;
            body.append(v);
        } else {
            long v = Math.floorMod(mulNew * index + addNew, NEW_SPACE);
            char[] six = new char[6];
            for (int i = 5; i >= 0; i--) {
                six[i] = ALPHABET.charAt((int) (v % 31));
                v /= 31;
            }
            body.append("MA").append(six);
        }
        return CreditCodes.complete("91" + region + body + organizationCheck(body));
    }

    private static char organizationCheck(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long coprime(java.util.SplittableRandom r, long m) {
        while (true) {
            long c = 1 + Math.floorMod(r.nextLong(), m - 1);
            if (gcd(c, m) == 1) {
                return c;
            }
        }
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
