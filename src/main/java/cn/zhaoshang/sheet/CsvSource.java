package cn.zhaoshang.sheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A .csv upload: UTF-8 when every byte decodes as UTF-8 (BOM or not), else GB18030, which is what Excel in China saves. */
final class CsvSource {

    static final Charset GB18030 = Charset.forName("GB18030");

    // RFC 4180 keeps empty lines as records, so record numbers stay the row numbers Excel shows
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvSource() {
    }

    static void read(Path file, RowAssembler rows) throws IOException {
        if (startsWithUtf16Bom(file)) {
            throw new SheetFormatException("不支持 UTF-16 编码的文本文件，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”");
        }
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
        try (Reader reader = open(file, charset); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // commons-csv reports an unclosed quote or text after a closing quote this way
                    throw new SheetFormatException("CSV 格式错误：第" + (parser.getRecordNumber() + 1) + "行附近的引号不配对", e);
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                rows.row(Math.toIntExact(record.getRecordNumber()), cells);
            }
        }
    }

    private static Reader open(Path file, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Decodes the whole file strictly: one malformed sequence means it is not UTF-8. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict)) {
            char[] buffer = new char[64 * 1024];
            while (reader.read(buffer) >= 0) {
                // reading is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWithUtf16Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int b0 = in.read();
            int b1 = in.read();
            return b0 == 0xFF && b1 == 0xFE || b0 == 0xFE && b1 == 0xFF;
        }
    }
}
