package cn.zhaoshang.sheet;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one cell's text. Each method answers the value or a Chinese message naming what is wrong; the
 * caller adds row and column. A blank cell is {@code ok(null)}: whether a column is required is the caller's rule.
 * Full-width digits and punctuation (２０１７／７／３１, １，２３４．５) are read as their ASCII forms.
 */
public final class Cells {

    static final String DATE_FORMAT_MESSAGE = "日期格式应为 yyyy-MM-dd 或 yyyy/M/d";

    // one separator used twice (\2), so 2017-7/31 is rejected
    private static final Pattern DATE = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern DATE_ZH = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d*)(?:\\.(\\d*))?");
    private static final Pattern EXPONENT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
    private static final int MAX_INTEGER_DIGITS = 14;

    private Cells() {
    }

    /** yyyy-MM-dd, yyyy/M/d (also yyyy-M-d, yyyy.M.d, yyyy年M月d日), years 1900–2100. */
    public static CellResult<LocalDate> date(String raw) {
        String s = Text.halfWidth(Text.trim(raw));
        if (s.isEmpty()) {
            return CellResult.ok(null);
        }
        Matcher m = DATE.matcher(s);
        Matcher zh = DATE_ZH.matcher(s);
        int year;
        int month;
        int day;
        if (m.matches()) {
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(3));
            day = Integer.parseInt(m.group(4));
        } else if (zh.matches()) {
            year = Integer.parseInt(zh.group(1));
            month = Integer.parseInt(zh.group(2));
            day = Integer.parseInt(zh.group(3));
        } else {
            return CellResult.fail(DATE_FORMAT_MESSAGE);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return CellResult.fail("日期不存在：" + Text.trim(raw));
        }
        if (year < 1900 || year > 2100) {
            return CellResult.fail("日期年份应在1900至2100之间：" + Text.trim(raw));
        }
        return CellResult.ok(date);
    }

    /** A non-negative plain number with at most 2 decimals ("1,947.60" allowed), as a scale-2 BigDecimal. */
    public static CellResult<BigDecimal> amount(String raw) {
        String s = Text.halfWidth(Text.trim(raw));
        if (s.isEmpty()) {
            return CellResult.ok(null);
        }
        Matcher m = AMOUNT.matcher(s);
        if (!m.matches() || m.group(2).isEmpty() && (m.group(3) == null || m.group(3).isEmpty())) {
            return CellResult.fail(EXPONENT.matcher(s).matches() ? "应为普通数字，不能用科学计数法" : "不是数字");
        }
        String integer = stripLeading(m.group(2).replace(",", ""), '0');
        String fraction = m.group(3) == null ? "" : stripTrailing(m.group(3), '0');
        boolean zero = integer.isEmpty() && fraction.isEmpty();
        if ("-".equals(m.group(1)) && !zero) {
            return CellResult.fail("不能为负数");
        }
        if (fraction.length() > 2) {
            return CellResult.fail("最多两位小数");
        }
        if (integer.length() > MAX_INTEGER_DIGITS) {
            return CellResult.fail("金额过大");
        }
        String plain = (integer.isEmpty() ? "0" : integer) + "." + fraction;
        return CellResult.ok(new BigDecimal(plain).setScale(2));
    }

    /** 是 or 否, nothing else (the contract's flag form). */
    public static CellResult<Boolean> flag(String raw) {
        String s = Text.trim(raw);
        return switch (s) {
            case "" -> CellResult.ok(null);
            case "是" -> CellResult.ok(Boolean.TRUE);
            case "否" -> CellResult.ok(Boolean.FALSE);
            default -> CellResult.fail("应为“是”或“否”");
        };
    }

    /** An 18-character unified social credit code, returned in upper case; the check character must be right. */
    public static CellResult<String> creditCode(String raw) {
        String s = Text.halfWidth(Text.trim(raw)).toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return CellResult.ok(null);
        }
        int length = s.codePointCount(0, s.length());
        if (length != 18) {
            return CellResult.fail("统一社会信用代码应为18位，现为" + length + "位");
        }
        int bad = s.codePoints().filter(c -> CreditCodes.ALPHABET.indexOf(c) < 0).findFirst().orElse(-1);
        if (bad >= 0) {
            return CellResult.fail("统一社会信用代码含有不允许的字符“" + Character.toString(bad) + "”（只用数字和除 I、O、S、V、Z 外的大写字母）");
        }
        char check = CreditCodes.checkChar(s.substring(0, 17));
        if (check != s.charAt(17)) {
            return CellResult.fail("统一社会信用代码校验位错误，应为" + check);
        }
        return CellResult.ok(s);
    }

    private static String stripLeading(String s, char c) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(0, end);
    }
}
