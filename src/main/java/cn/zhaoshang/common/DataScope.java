package cn.zhaoshang.common;

/**
 * What a user may see: the regions in [regionFrom, regionTo] (a region's code range) and, for unit staff,
 * only the records of one unit. Every list, report and lookup applies it.
 */
public record DataScope(String regionFrom, String regionTo, Long unitId) {

    public static final DataScope EVERYTHING = new DataScope("000000", "999999", null);

    public boolean coversRegion(String code) {
        return code != null && code.compareTo(regionFrom) >= 0 && code.compareTo(regionTo) <= 0;
    }

    /** The narrower of this scope and a region range the user asked for. */
    public DataScope within(String from, String to) {
        return new DataScope(max(regionFrom, from), min(regionTo, to), unitId);
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
