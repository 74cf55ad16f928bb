package cn.zhaoshang.generate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The generated projects of one county that have an investor, as the field work needs them: who invests, when the
 * project was first contacted, signed and ended. Projects arrive in order of first contact, so every array is sorted
 * by it. Local numbers index these arrays; {@link #seq} gives the project's generation number (its id minus one).
 */
final class CountyProjects {

    static final int NEVER = Integer.MAX_VALUE;

    int size;
    int[] investor = new int[64];
    int[] contact = new int[64];
    int[] signed = new int[64];
    int[] terminated = new int[64];
    long[] seq = new long[64];
    private Map<Integer, int[]> byInvestor;
    private int[][] byCity;

    void add(GeneratedProject p) {
        if (p.investor() == null) {
            return;
        }
        if (size == seq.length) {
            int n = size * 2;
            investor = Arrays.copyOf(investor, n);
            contact = Arrays.copyOf(contact, n);
            signed = Arrays.copyOf(signed, n);
            terminated = Arrays.copyOf(terminated, n);
            seq = Arrays.copyOf(seq, n);
        }
        investor[size] = p.investor().index();
        contact[size] = day(p.contactedOn());
        signed[size] = day(p.signedOn());
        terminated[size] = day(p.terminatedOn());
        seq[size] = p.seq();
        size++;
    }

    private static int day(LocalDate d) {
        return d == null ? NEVER : (int) d.toEpochDay();
    }

    /** Builds the lookups, once every project is in. */
    void index(Investors investors, int cities) {
        byInvestor = new HashMap<>();
        int[] perCity = new int[cities];
        for (int i = 0; i < size; i++) {
            byInvestor.merge(investor[i], new int[]{i}, (a, b) -> {
                int[] c = Arrays.copyOf(a, a.length + 1);
                c[a.length] = b[0];
                return c;
            });
            perCity[FieldPool.city(investors, investor[i])]++;
        }
        byCity = new int[cities][];
        for (int c = 0; c < cities; c++) {
            byCity[c] = new int[perCity[c]];
        }
        int[] fill = new int[cities];
        for (int i = 0; i < size; i++) {
            int c = FieldPool.city(investors, investor[i]);
            byCity[c][fill[c]++] = i;
        }
    }

    /** The project a visit to the enterprise on that day concerns: its latest one contacted by then and not terminated before. */
    int link(int enterprise, int day) {
        int[] mine = byInvestor.get(enterprise);
        if (mine == null) {
            return -1;
        }
        for (int k = mine.length - 1; k >= 0; k--) {
            int i = mine[k];
            if (contact[i] <= day && terminated[i] >= day) {
                return i;
            }
        }
        return -1;
    }

    /** Projects whose investor is from the city (an index into {@link Words#CITIES}), in order of first contact. */
    int[] inCity(int city) {
        return byCity[city];
    }

    /** Within {@code list}, the range of projects first contacted in [from, to], as {first, end}. */
    int[] contactedBetween(int[] list, int from, int to) {
        return new int[]{lowerBound(list, from), lowerBound(list, to + 1)};
    }

    private int lowerBound(int[] list, int day) {
        int lo = 0;
        int hi = list.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (contact[list[mid]] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
