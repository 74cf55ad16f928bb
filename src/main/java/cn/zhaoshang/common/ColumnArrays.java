package cn.zhaoshang.common;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * {@code update TABLE t set name = u.name, …, version = t.version + 1 from unnest(?::text[], …) as u(name, …, id, …)
     * where MATCH}: each of the rows {@link #of} passes holds the {@code set} columns' new values, then the {@code keys}
     * that {@code match} compares with the row's ({@code t.id = u.id}).
     */
    public static String update(String table, List<Column> set, List<Column> keys, String match) {
        List<Column> all = new ArrayList<>(set);
        all.addAll(keys);
        return "update " + table + " t set " + set.stream().map(c -> c.name() + " = u." + c.name()).collect(Collectors.joining(", "))
                + ", version = t.version + 1 from unnest(" + all.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "))
                + ") as u(" + names(all) + ") where " + match;
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
