package cn.zhaoshang.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads an uploaded table: the first sheet of an .xlsx or a .csv in UTF-8 (with or without BOM) or GB18030.
 * The type comes from the file name and the first bytes together. The first non-blank row is the header
 * (names trimmed, full-width brackets made ASCII); fully blank rows are skipped but keep the row numbers
 * people see in Excel. Cell text is trimmed; Excel dates become yyyy-MM-dd, numbers plain digits as Excel
 * shows them (1947600, 0.3), booleans TRUE/FALSE. The input stream is read to its end and not closed.
 */
public final class SheetReader {

    private SheetReader() {
    }

    /** Reads a whole file; more than {@code maxRows} non-blank data rows is a {@link SheetFormatException}. */
    public static Sheet read(String fileName, InputStream in, int maxRows) throws IOException {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + maxRows);
        }
        List<SheetRow> rows = new ArrayList<>();
        List<String> headers = stream(fileName, in, row -> {
            if (rows.size() == maxRows) {
                throw new SheetFormatException("文件数据超过" + maxRows + "行，请分批导入");
            }
            rows.add(row);
        });
        return new Sheet(headers, rows);
    }

    /** Streams a file of any length: {@code consumer} gets each non-blank data row in order; answers the headers. */
    public static List<String> stream(String fileName, InputStream in, Consumer<SheetRow> consumer) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(consumer, "consumer");
        FileType.supportedExtension(fileName);
        try (Upload upload = Upload.of(in)) {
            RowAssembler rows = new RowAssembler(consumer);
            switch (FileType.of(fileName, upload)) {
                case XLSX -> XlsxSource.read(upload.path(), rows);
                case CSV -> CsvSource.read(upload.path(), rows);
            }
            return rows.headers();
        }
    }
}
