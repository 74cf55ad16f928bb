package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Outside bytes in, and only two outcomes out: a sheet, or a SheetFormatException with a plain Chinese message
 * (IOException is allowed too). Any other exception or an OutOfMemoryError fails. Without JAZZER_FUZZ=1 these run
 * the committed inputs in SheetReaderFuzzTestInputs/&lt;method&gt;/ as ordinary tests; with it they fuzz.
 */
class SheetReaderFuzzTest {

    private static final int MAX_ROWS = 10_000;

    @FuzzTest(maxDuration = "5m")
    void csv(byte[] data) throws IOException {
        readSafely("upload.csv", data);
    }

    @FuzzTest(maxDuration = "5m")
    void xlsx(byte[] data) throws IOException {
        readSafely("upload.xlsx", data);
    }

    @FuzzTest(maxDuration = "5m")
    void cells(byte[] data) {
        parseEveryWay(new String(data, StandardCharsets.UTF_8));
    }

    /** The guard's byte scan of a workbook part: it accepts, or refuses with a message; nothing else, and it ends. */
    @FuzzTest(maxDuration = "5m")
    void xmlBounds(byte[] data) throws IOException {
        if (!XmlBounds.byteScannable(data, Math.min(4, data.length))) {
            return;
        }
        try {
            XmlBounds.scan(new ByteArrayInputStream(data));
        } catch (SheetFormatException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
        }
    }

    private static void readSafely(String fileName, byte[] data) throws IOException {
        Sheet sheet;
        try {
            sheet = SheetReader.read(fileName, new ByteArrayInputStream(data), MAX_ROWS);
        } catch (SheetFormatException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
            return;
        }
        assertThat(sheet.rows().size()).isLessThanOrEqualTo(MAX_ROWS);
        for (SheetRow row : sheet.rows()) {
            assertThat(row.isBlank()).isFalse();
            assertThat(row.cells().keySet()).containsExactlyElementsOf(sheet.headers());
            row.cells().values().forEach(SheetReaderFuzzTest::parseEveryWay);
        }
    }

    private static void parseEveryWay(String text) {
        for (CellResult<?> result : new CellResult<?>[] {
                Cells.date(text), Cells.amount(text), Cells.flag(text), Cells.creditCode(text)}) {
            assertThat(result.isOk() || !result.error().isBlank()).isTrue();
        }
    }
}
