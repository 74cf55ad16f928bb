package cn.zhaoshang.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Control characters in text that people send: U+0000 and the other C0 and C1 controls, except tab, line feed and
 * carriage return. PostgreSQL refuses U+0000 in any text (so a search, a form field or a cell holding one failed the whole
 * request), and the others are never meant: they come from broken exports and pastes. Input is checked against this
 * once, where it enters; what must be recorded whatever it holds (the audit trail) shows them as U+FFFD.
 */
public final class Unprintable {

    private Unprintable() {
    }

    /** The index of the first control character in {@code s}, or -1 (also for null). */
    public static int first(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }

    /** {@code s} with each control character replaced by U+FFFD (the same string when it has none). */
    public static String visible(String s) {
        return replaced(s, true);
    }

    /** {@code s} without its control characters (the same string when it has none). */
    public static String removed(String s) {
        return replaced(s, false);
    }

    private static String replaced(String s, boolean shown) {
        int first = first(s);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                b.append(c);
            } else if (shown) {
                b.append('\uFFFD');
            }
        }
        return b.toString();
    }

    /**
     * An import's cells: each of the given columns whose cell holds a control character is an error of its row and
     * column, its value shown with U+FFFD (columns the import does not read are not its business). Returns whether any
     * was; such a row is then not checked further (nothing of it is looked up in the ledger).
     */
    public static boolean cellErrors(int row, List<String> columns, Function<String, String> cell, List<CellError> errors) {
        boolean found = false;
        for (String column : columns) {
            String v = cell.apply(column);
            if (first(v) >= 0) {
                errors.add(new CellError(row, column, visible(v), message(v)));
                found = true;
            }
        }
        return found;
    }

    /** The message for a value holding one: "含有不可见的控制字符 U+0000，请删除后重试". */
    public static String message(String s) {
        int i = first(s);
        return "含有不可见的控制字符 " + String.format(Locale.ROOT, "U+%04X", (int) s.charAt(i)) + "，请删除后重试";
    }
}
