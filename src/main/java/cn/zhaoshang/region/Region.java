package cn.zhaoshang.region;

/**
 * A GB/T 2260 administrative division.
 *
 * @param level 1 province, 2 prefecture, 3 county
 */
public record Region(String code, String name, int level, String parentCode, String fullName) {

    /** The codes this region covers form one lexicographic range: 350000 covers 35xxxx, 350100 covers 3501xx. */
    public String rangeFrom() {
        return switch (level) {
            case 1 -> code.substring(0, 2) + "0000";
            case 2 -> code.substring(0, 4) + "00";
            default -> code;
        };
    }

    public String rangeTo() {
        return switch (level) {
            case 1 -> code.substring(0, 2) + "9999";
            case 2 -> code.substring(0, 4) + "99";
            default -> code;
        };
    }

    public boolean covers(String otherCode) {
        return otherCode != null && otherCode.compareTo(rangeFrom()) >= 0 && otherCode.compareTo(rangeTo()) <= 0;
    }

    public String levelName() {
        return switch (level) {
            case 1 -> "省级";
            case 2 -> "地级";
            default -> "县级";
        };
    }
}
