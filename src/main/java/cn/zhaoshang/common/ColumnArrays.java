package cn.zhaoshang.common;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Rows turned into one text array per column, for a statement that takes many rows at once as
 * {@code unnest(?::bigint[], ?::text[], ?::date[], …)} and casts each array to its column's type: one UPDATE for a chunk's
 * changed rows instead of one statement per row. A null stays null; an amount is written plainly, an instant (a
 * {@link Timestamp}) in ISO form with its offset, a date as {@code yyyy-MM-dd}.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** {@code rows} (all of one width, at least one) as arrays, one per column, each with a value per row. */
    public static Object[] of(List<Object[]> rows) {
        int width = rows.get(0).length;
        String[][] columns = new String[width][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < width; c++) {
                columns[c][r] = text(row[c]);
            }
        }
        return columns;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof Instant i) {
            return i.toString();
        }
        return v.toString();
    }
}
