package cn.zhaoshang.common;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows turned into one text array per column, for a statement that takes many rows at once as
 * {@code unnest(?::bigint[], ?::text[], ?::date[], …)} and casts each array to its column's type: one UPDATE for a chunk's
 * changed rows instead of one statement per row. A null stays null; an amount is written plainly, an instant (a
 * {@link Timestamp}) in ISO form with its offset, a date as {@code yyyy-MM-dd}.
 */
public final class ColumnArrays {

    private ColumnArrays() {
    }

    /** A column a write names, with the SQL type its array is cast to. */
    public record Column(String name, String type) {
    }

    /** Columns from {@code "name text, unit_id bigint, …"}: one list for a COPY's column list and an UPDATE's arrays. */
    public static List<Column> columns(String namesAndTypes) {
        return Arrays.stream(namesAndTypes.split(",")).map(String::trim).map(c -> c.split("\\s+"))
                .map(c -> new Column(c[0], c[1])).toList();
    }

    /** {@code name, unit_id, …}. */
    public static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code name = u.name, unit_id = u.unit_id, …}: an UPDATE's assignments from {@link #unnest}'s rows. */
    public static String assignments(List<Column> columns) {
        return columns.stream().map(c -> c.name() + " = u." + c.name()).collect(Collectors.joining(", "));
    }

    /** {@code unnest(?::text[], ?::bigint[], …) as u(name, unit_id, …)}: the rows {@link #of} passes, one array a column. */
    public static String unnest(List<Column> columns) {
        return "unnest(" + columns.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", ")) + ") as u("
                + names(columns) + ")";
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
