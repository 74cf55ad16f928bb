package cn.zhaoshang.sheet;

import java.util.List;
import java.util.function.Consumer;

/** Turns a file's physical rows into SheetRows: the first non-blank row is the header, blank rows are skipped. */
final class RowAssembler {

    private final Consumer<SheetRow> consumer;
    private Headers headers;

    RowAssembler(Consumer<SheetRow> consumer) {
        this.consumer = consumer;
    }

    /** One physical row; {@code rowNumber} is as the spreadsheet shows it, cells are raw texts by column (null = empty). */
    void row(int rowNumber, List<String> rawCells) {
        if (headers == null) {
            if (rawCells.stream().anyMatch(c -> !Text.trim(c).isEmpty())) {
                headers = Headers.of(rawCells);
            }
            return;
        }
        String[] values = new String[headers.size()];
        boolean blank = true;
        for (int i = 0; i < values.length; i++) {
            int column = headers.column(i);
            values[i] = column < rawCells.size() ? Text.trim(rawCells.get(column)) : "";
            blank &= values[i].isEmpty();
        }
        if (!blank) {
            consumer.accept(new SheetRow(rowNumber, new RowCells(headers, values)));
        }
    }

    /** The header names once the file is read; a file without any non-blank row has none. */
    List<String> headers() {
        if (headers == null) {
            throw new SheetFormatException("文件没有表头行");
        }
        return headers.names();
    }
}
