package cn.zhaoshang.generate;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * Every generated enterprise by the city it is registered in and the chain it works in, so that a team travelling to a
 * city finds the companies of its chains there. Enterprises "of 福建" (provincial companies) count as Fuzhou's.
 */
final class FieldPool {

    static final int CITIES = Words.CITIES.length;
    private static final int CHAINS = Words.CHAINS.size() + 1;
    private static final int FUZHOU = indexOf("福州");
    private static final int FUJIAN = indexOf("福建");

    private final int[][] byCityChain = new int[CITIES * CHAINS][];
    private final int[][] byCity = new int[CITIES][];
    private final int size;

    FieldPool(Investors investors) {
        size = investors.count();
        int[] counts = new int[CITIES * CHAINS];
        for (int i = 0; i < size; i++) {
            counts[slot(city(investors, i), investors.chain(i))]++;
        }
        for (int s = 0; s < counts.length; s++) {
            byCityChain[s] = new int[counts[s]];
        }
        int[] fill = new int[counts.length];
        int[] cityFill = new int[CITIES];
        for (int c = 0; c < CITIES; c++) {
            int n = 0;
            for (int k = 0; k < CHAINS; k++) {
                n += counts[c * CHAINS + k];
            }
            byCity[c] = new int[n];
        }
        for (int i = 0; i < size; i++) {
            int c = city(investors, i);
            int s = slot(c, investors.chain(i));
            byCityChain[s][fill[s]++] = i;
            byCity[c][cityFill[c]++] = i;
        }
    }

    /** The city enterprise n is visited in: the one it is named after, Fuzhou for a provincial company. */
    static int city(Investors investors, int enterprise) {
        int c = investors.city(enterprise);
        return c == FUJIAN ? FUZHOU : c;
    }

    static String cityName(int city) {
        return Words.CITIES[city][0];
    }

    private static int slot(int city, int chain) {
        return city * CHAINS + chain + 1;
    }

    /**
     * A company in the city the team has no story with yet: of one of its chains mostly, of any chain otherwise, then of
     * any city; -1 only when every enterprise is taken.
     */
    int pick(int city, int[] chains, BitSet used, SplittableRandom r) {
        int e = -1;
        if (chains.length > 0 && r.nextDouble() < 0.85) {
            e = pick(byCityChain[slot(city, chains[r.nextInt(chains.length)])], used, r);
        }
        if (e < 0) {
            e = pick(byCity[city], used, r);
        }
        for (int k = 0; e < 0 && k < CITIES; k++) {
            e = pick(byCity[(city + 1 + k) % CITIES], used, r);
        }
        return e;
    }

    /** A random unused member of the list: a few random probes, then a scan from a random place. */
    static int pick(int[] list, BitSet used, SplittableRandom r) {
        if (list.length == 0) {
            return -1;
        }
        for (int k = 0; k < 8; k++) {
            int e = list[r.nextInt(list.length)];
            if (!used.get(e)) {
                return e;
            }
        }
        int start = r.nextInt(list.length);
        for (int k = 0; k < list.length; k++) {
            int e = list[(start + k) % list.length];
            if (!used.get(e)) {
                return e;
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    private static int indexOf(String city) {
        for (int i = 0; i < Words.CITIES.length; i++) {
            if (Words.CITIES[i][0].equals(city)) {
                return i;
            }
        }
        throw new IllegalStateException(city);
    }
}
