package cn.zhaoshang.common;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format (tab-separated, {@code \N} for null, backslash
 * escapes; timestamps as instants): for a large write, COPY moves rows many times faster than batched INSERTs, in the
 * same transaction and with the same triggers and constraints.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;
    // the last instant written and its text: a batch's rows mostly carry one time (the write's), formatted once
    private Object lastTime;
    private String lastTimeText;

    public CopyRows row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                text.append("\\N");
            } else if (v instanceof Timestamp || v instanceof Instant) {
                text.append(time(v));
            } else if (v instanceof BigDecimal b) {
                text.append(b.toPlainString());
            } else if (v instanceof Boolean b) {
                text.append(b ? 't' : 'f');
            } else {
                escape(v.toString());
            }
        }
        text.append('\n');
        rows++;
        return this;
    }

    private String time(Object v) {
        if (!v.equals(lastTime)) {
            lastTime = v;
            lastTimeText = (v instanceof Timestamp t ? t.toInstant() : (Instant) v).toString();
        }
        return lastTimeText;
    }

    /** Whether no row was added. */
    public boolean isEmpty() {
        return rows == 0;
    }

    public int size() {
        return rows;
    }

    /** Copies the rows on the connection (the caller's transaction's), e.g. {@code copy visit (id, …) from stdin}. */
    public long copyIn(Connection connection, String copySql) throws SQLException {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new Chars(text));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Reads the text where it is, without the copy {@code toString()} would make. */
    private static final class Chars extends Reader {
        private final CharSequence text;
        private int at;

        Chars(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - at);
            if (text instanceof StringBuilder b) {
                b.getChars(at, at + n, buffer, offset);
            } else {
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = text.charAt(at + i);
                }
            }
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private void escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            text.append(s);
            return;
        }
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
