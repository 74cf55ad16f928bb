package cn.zhaoshang.sheet;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/** How Excel cell values become text: numbers as Excel shows them, date-formatted numbers as ISO dates. */
final class ExcelValues {

    // Excel keeps 15 significant digits; rounding there removes binary noise such as 0.30000000000000004
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    // built-in date formats that files carry as an id without a format code: the zh-CN 年/月/日 forms
    private static final Set<Integer> CJK_DATE_FORMAT_IDS = Set.of(27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);

    /** Serial numbers from 1900-01-01 to 9999-12-31; anything else is shown as a number. */
    static final BigDecimal FIRST_SERIAL = BigDecimal.ONE;
    static final BigDecimal LAST_SERIAL = BigDecimal.valueOf(2_958_465);

    private ExcelValues() {
    }

    /** 1.9476E+6 → "1947600", 0.30000000000000004 → "0.3", 12345.67 → "12345.67". */
    static String plain(BigDecimal number) {
        BigDecimal rounded = number.round(EXCEL_PRECISION).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    static boolean isDateSerial(BigDecimal number) {
        return number.compareTo(FIRST_SERIAL) >= 0 && number.compareTo(LAST_SERIAL) <= 0;
    }

    /**
     * True when a number format shows a date: it has a year or day code, or a month code without hours or
     * seconds (else "m" is minutes), outside quoted text, escapes and [brackets]. Time-only formats are not dates.
     */
    static boolean isDateFormat(Integer formatId, String format) {
        if (format == null || format.isEmpty()) {
            return formatId != null && (formatId >= 14 && formatId <= 17 || formatId == 22 || CJK_DATE_FORMAT_IDS.contains(formatId));
        }
        boolean dateCode = false;
        boolean month = false;
        boolean time = false;
        for (int i = 0; i < format.length(); i++) {
            char c = Character.toLowerCase(format.charAt(i));
            switch (c) {
                case '"' -> i = skipPast(format, i, '"');
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int end = skipPast(format, i, ']');
                    String inside = format.substring(i + 1, Math.min(end, format.length())).toLowerCase(Locale.ROOT);
                    time |= inside.matches("h+|m+|s+"); // [h]:mm elapsed time
                    i = end;
                }
                case ';' -> i = format.length(); // only the positive section decides
                case 'y', 'd' -> dateCode = true;
                case 'm' -> month = true;
                case 'h', 's' -> time = true;
                default -> {
                }
            }
        }
        return dateCode || month && !time;
    }

    private static int skipPast(String s, int open, char close) {
        int end = s.indexOf(close, open + 1);
        return end < 0 ? s.length() : end;
    }
}
