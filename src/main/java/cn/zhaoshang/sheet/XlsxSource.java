package cn.zhaoshang.sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** The first sheet of an .xlsx, streamed row by row with fastexcel-reader. */
final class XlsxSource {

    // with cell formats, to tell date cells from numbers; a bad number becomes an error cell, not an exception
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private XlsxSource() {
    }

    static void read(Path file, RowAssembler rows) {
        XlsxGuard.check(file);
        ReadableWorkbook workbook = open(file);
        Stream<Row> stream = null;
        try {
            stream = firstSheet(workbook);
            Iterator<Row> it = stream.iterator();
            while (true) {
                int rowNumber;
                List<String> cells;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    Row row = it.next();
                    rowNumber = row.getRowNum();
                    cells = texts(row);
                } catch (RuntimeException e) {
                    throw corrupt(e);
                }
                rows.row(rowNumber, cells); // outside the try: the caller's own exceptions pass unchanged
            }
        } finally {
            closeQuietly(stream, workbook);
        }
    }

    private static ReadableWorkbook open(Path file) {
        try {
            return new ReadableWorkbook(file.toFile(), OPTIONS);
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    private static Stream<Row> firstSheet(ReadableWorkbook workbook) {
        try {
            return workbook.getSheets().findFirst()
                    .orElseThrow(() -> new SheetFormatException(FileType.CORRUPT_XLSX))
                    .openStream();
        } catch (SheetFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    // the data is read (or the read already failed); a failing close of our temp file changes nothing for the user
    private static void closeQuietly(Stream<Row> stream, ReadableWorkbook workbook) {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (RuntimeException ignored) {
            // nothing to tell the user
        }
        try {
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to tell the user
        }
    }

    private static List<String> texts(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    /** TRUE/FALSE for booleans, ISO dates for date-formatted numbers, Excel's own digits for numbers. */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        Object value = cell.getValue();
        if (value == null) {
            // a number cell whose text is no number arrives as an error cell; its text lets Cells name the problem
            return cell.getType() == CellType.ERROR && cell.getRawValue() != null ? cell.getRawValue() : "";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal number) {
            if (ExcelValues.isDateSerial(number) && ExcelValues.isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                return Optional.ofNullable(cell.asDate()).map(d -> d.toLocalDate().toString()).orElse("");
            }
            return ExcelValues.plain(number);
        }
        return value.toString();
    }

    private static SheetFormatException corrupt(Exception e) {
        return new SheetFormatException(FileType.CORRUPT_XLSX, e);
    }
}
