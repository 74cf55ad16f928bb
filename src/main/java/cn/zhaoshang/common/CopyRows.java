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

    // The text in segments of about 32,000 characters, each begun at a row's start: a chunk's 5,000 revisions are 6 MB
    // of text, and one growing StringBuilder made arrays of 0.5, 1, 2 and 4 MB, each a "humongous" object for G1 at
    // -Xmx512m (over half a 1 MB region), each starting a concurrent marking cycle: 17 of the 36 cycles during a
    // 100,000-row import (docs/benchmarks.md, "Session 13").
    private static final int SEGMENT = 32_000;

    private final java.util.List<StringBuilder> segments = new java.util.ArrayList<>();
    private StringBuilder text = new StringBuilder(SEGMENT + 8_000);
    private int rows;
    // the last instant written and its text: a batch's rows mostly carry one time (the write's), formatted once
    private Object lastTime;
    private String lastTimeText;

    public CopyRows row(Object... values) {
        if (text.length() >= SEGMENT) {
            segments.add(text);
            text = new StringBuilder(SEGMENT + 8_000);
        }
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
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, reader());
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** The rows' text, read where it is, without the copy {@code toString()} would make. */
    public Reader reader() {
        java.util.List<StringBuilder> all = new java.util.ArrayList<>(segments);
        all.add(text);
        return new Chars(all);
    }

    private static final class Chars extends Reader {
        private final java.util.List<StringBuilder> segments;
        private int segment;
        private int at;

        Chars(java.util.List<StringBuilder> segments) {
            this.segments = segments;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            while (segment < segments.size() && at >= segments.get(segment).length()) {
                segment++;
                at = 0;
            }
            if (segment >= segments.size()) {
                return -1;
            }
            StringBuilder b = segments.get(segment);
            int n = Math.min(length, b.length() - at);
            b.getChars(at, at + n, buffer, offset);
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
