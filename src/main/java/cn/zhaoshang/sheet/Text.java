package cn.zhaoshang.sheet;

/** Whitespace and full-width handling shared by headers and cells. */
final class Text {

    private Text() {
    }

    /** Trims whitespace as people paste it: ASCII, full-width space, no-break space, BOM, zero-width space. */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** "总投资 （万元）" → "总投资(万元)": headers are matched on this form, so alignment spaces and line breaks don't matter. */
    static String header(String s) {
        String ascii = halfWidth(s == null ? "" : s);
        StringBuilder b = new StringBuilder(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (!isSpace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Maps full-width ASCII forms (Ｕ+FF01..FF5E) and the ideographic space to their ASCII twins; Chinese input methods type them. */
    static String halfWidth(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (m != c && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(m);
            }
        }
        return b == null ? s : b.toString();
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }
}
