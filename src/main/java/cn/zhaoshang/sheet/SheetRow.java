package cn.zhaoshang.sheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of an uploaded sheet. {@code rowNumber} is the spreadsheet row (header = row 1);
 * {@code cells} maps each normalised header to the trimmed cell text, "" for an empty cell, in column order.
 */
public record SheetRow(int rowNumber, Map<String, String> cells) {

    public SheetRow {
        // rows built by the reader share one header index; anything else is copied to stay immutable
        cells = cells instanceof RowCells ? cells : copy(cells);
    }

    /** The cell under {@code column} ("总投资（万元）" finds "总投资(万元)"); "" when the column is absent. */
    public String get(String column) {
        String value = cells.get(column);
        if (value == null && column != null) {
            value = cells.get(Text.header(column));
        }
        return value == null ? "" : value;
    }

    public boolean isBlank() {
        return cells.values().stream().allMatch(String::isEmpty);
    }

    private static Map<String, String> copy(Map<String, String> cells) {
        Map<String, String> copy = new LinkedHashMap<>();
        cells.forEach((column, text) -> copy.put(column, text == null ? "" : text));
        return Collections.unmodifiableMap(copy);
    }
}
