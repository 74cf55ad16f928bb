package cn.zhaoshang.sheet;

import java.util.List;

/** A whole uploaded table: its normalised headers in file order and its non-blank data rows. */
public record Sheet(List<String> headers, List<SheetRow> rows) {

    public Sheet {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
