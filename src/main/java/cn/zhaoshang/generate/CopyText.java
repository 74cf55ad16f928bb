package cn.zhaoshang.generate;

import java.time.LocalDate;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private final StringBuilder out;

    CopyText(int capacity) {
        out = new StringBuilder(capacity);
    }

    CopyText text(String s) {
        if (s == null) {
            out.append("\\N");
        } else {
            escape(s);
        }
        return tab();
    }

    CopyText number(long v) {
        out.append(v);
        return tab();
    }

    /** A nullable id: {@code null} when negative. */
    CopyText id(long v) {
        if (v < 0) {
            out.append("\\N");
        } else {
            out.append(v);
        }
        return tab();
    }

    CopyText id(Long v) {
        return id(v == null ? -1 : v);
    }

    CopyText amount(long cents) {
        return cents < 0 ? raw("\\N") : raw(GeneratedProject.amount(cents));
    }

    CopyText flag(boolean b) {
        return raw(b ? "t" : "f");
    }

    CopyText date(LocalDate d) {
        return raw(d == null ? "\\N" : d.toString());
    }

    /** Already in COPY form (no tab, newline or backslash inside). */
    CopyText raw(String s) {
        out.append(s);
        return tab();
    }

    /** Ends the row (replacing the last tab). */
    void end() {
        out.setCharAt(out.length() - 1, '\n');
    }

    int length() {
        return out.length();
    }

    byte[] bytes() {
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private CopyText tab() {
        out.append('\t');
        return this;
    }

    private void escape(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** A JSON string literal of s, appended to b. */
    static void json(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
