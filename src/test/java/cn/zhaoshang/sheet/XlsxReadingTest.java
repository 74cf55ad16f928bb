package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class XlsxReadingTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private static Sheet read(String fileName, byte[] bytes) throws IOException {
        return SheetReader.read(fileName, Workbooks.in(bytes), 100);
    }

    private static byte[] projects() throws IOException {
        return Workbooks.xlsx(ws -> {
            ws.value(0, 0, "项目名称");
            ws.value(0, 1, "对接日期");
            ws.value(0, 2, "总投资（万元）");
            ws.value(0, 3, "重点项目");
            ws.value(0, 4, "行政区划代码");
            ws.value(1, 0, " 东南大数据产业园 ");
            ws.value(1, 1, LocalDate.of(2017, 7, 31));
            ws.style(1, 1).format("yyyy-mm-dd").set();
            ws.value(1, 2, 12345.67);
            ws.value(1, 3, "是");
            ws.value(1, 4, 350112);
            // row 3 (index 2) left blank on purpose
            ws.value(3, 0, "医疗健康项目");
            ws.value(3, 1, LocalDate.of(2016, 2, 29));
            ws.style(3, 1).format("yyyy\"年\"m\"月\"d\"日\"").set();
            ws.value(3, 2, 0.3);
            ws.value(3, 3, true);
            ws.value(4, 0, "大项目");
            ws.value(4, 2, 1_947_600);
            ws.value(4, 1, LocalDateTime.of(2017, 12, 31, 23, 0));
            ws.style(4, 1).format("yyyy/m/d h:mm").set();
        });
    }

    @Test
    void readsTheFirstSheetWithExcelDatesAndExactNumbers() throws IOException {
        Sheet sheet = read("项目.xlsx", projects());

        assertThat(sheet.headers()).containsExactly("项目名称", "对接日期", "总投资(万元)", "重点项目", "行政区划代码");
        assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 4, 5);

        SheetRow first = sheet.rows().get(0);
        assertThat(first.get("项目名称")).isEqualTo("东南大数据产业园");
        assertThat(first.get("对接日期")).isEqualTo("2017-07-31");
        assertThat(first.get("总投资(万元)")).isEqualTo("12345.67");
        assertThat(first.get("行政区划代码")).isEqualTo("350112");

        SheetRow second = sheet.rows().get(1);
        assertThat(second.get("对接日期")).isEqualTo("2016-02-29");
        assertThat(second.get("总投资(万元)")).isEqualTo("0.3");
        assertThat(second.get("重点项目")).isEqualTo("TRUE");

        SheetRow third = sheet.rows().get(2);
        assertThat(third.get("总投资(万元)")).isEqualTo("1947600");
        assertThat(third.get("对接日期")).isEqualTo("2017-12-31"); // a date-time cell keeps its day
        assertThat(third.get("重点项目")).isEmpty();

        // what the callers do next: the cells parse
        assertThat(Cells.date(first.get("对接日期")).value()).isEqualTo(LocalDate.of(2017, 7, 31));
        assertThat(Cells.amount(first.get("总投资(万元)")).value()).isEqualByComparingTo("12345.67");
    }

    @Test
    void numbersLoseBinaryNoiseAndExponents() throws IOException {
        // the cached values Excel writes for =0.1+0.2 and for a large number typed in
        byte[] bytes = withSheetData(projects(), "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>金额</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>公式</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>文本公式</t></is></c>"
                + "<c r=\"D1\" t=\"inlineStr\"><is><t>错误</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1.9476E6</v></c><c r=\"B2\"><f>0.1+0.2</f><v>0.30000000000000004</v></c>"
                + "<c r=\"C2\" t=\"str\"><f>\"长乐\"&amp;\"区\"</f><v>长乐区</v></c><c r=\"D2\" t=\"e\"><v>#DIV/0!</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\"><v>1.0000000000000001E-3</v></c><c r=\"B3\" t=\"b\"><f>TRUE()</f><v>0</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\"><v>12,5</v></c></row>");
        Sheet sheet = read("a.xlsx", bytes);
        SheetRow row = sheet.rows().get(0);
        assertThat(row.get("金额")).isEqualTo("1947600");
        assertThat(row.get("公式")).isEqualTo("0.3");
        assertThat(row.get("文本公式")).isEqualTo("长乐区");
        assertThat(row.get("错误")).isEqualTo("#DIV/0!");
        assertThat(sheet.rows().get(1).get("金额")).isEqualTo("0.001");
        assertThat(sheet.rows().get(1).get("公式")).isEqualTo("FALSE");
        assertThat(sheet.rows().get(2).get("金额")).isEqualTo("12,5"); // not a number: kept as text for Cells to reject
    }

    @Test
    void builtInChineseDateFormatWithoutAFormatCodeIsADate() throws IOException {
        // Excel in China stores 2017年7月31日 as built-in format 31, with no <numFmt> in styles.xml
        byte[] workbook = projects();
        String styles = Workbooks.entry(workbook, "xl/styles.xml");
        int xf = countOccurrences(styles.substring(styles.indexOf("<cellXfs"), styles.indexOf("</cellXfs>")), "<xf ");
        styles = styles.replace("</cellXfs>", "<xf numFmtId=\"31\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>");
        byte[] bytes = Workbooks.replaceEntry(workbook, "xl/styles.xml", styles.getBytes(StandardCharsets.UTF_8));
        bytes = withSheetData(bytes, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>签约日期</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" s=\"" + xf + "\"><v>42947</v></c></row>");
        assertThat(read("a.xlsx", bytes).rows().get(0).get("签约日期")).isEqualTo("2017-07-31");
    }

    @Test
    void aWorkbookNamedCsvOrXlsIsStillReadAsAWorkbook() throws IOException {
        assertThat(read("项目.csv", projects()).rows()).hasSize(3);
        assertThat(read("项目.XLS", projects()).rows()).hasSize(3);
    }

    @Test
    void streamingPassesTheConsumersExceptionUnchanged() {
        IllegalStateException mine = new IllegalStateException("mine");
        assertThatThrownBy(() -> SheetReader.stream("a.xlsx", Workbooks.in(projects()), row -> {
            throw mine;
        })).isSameAs(mine);
    }

    @Test
    void corruptWorkbooksGiveOneChineseMessage() throws IOException {
        byte[] good = projects();
        byte[][] bad = {
                "not a workbook".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(good, good.length / 2),
                Arrays.copyOf(good, 4),
                Workbooks.replaceEntry(good, SHEET, "<worksheet><sheetData><row><c r=\"A1\" t=\"n\"><v>x".getBytes(StandardCharsets.UTF_8)),
                Workbooks.replaceEntry(good, "xl/workbook.xml", "garbage".getBytes(StandardCharsets.UTF_8)),
                Workbooks.replaceEntry(good, SHEET, "<worksheet><sheetData><row><c r=\"A1\" t=\"q\"><v>1</v></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8)),
                Workbooks.replaceEntry(good, SHEET, "<worksheet><sheetData><row><c r=\"A1\" s=\"x\"><v>1</v></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8)),
        };
        for (int i = 0; i < bad.length; i++) {
            byte[] bytes = bad[i];
            assertThatThrownBy(() -> read("a.xlsx", bytes)).as("case %d", i)
                    .isInstanceOf(SheetFormatException.class)
                    .hasMessage("无法读取 Excel 文件：文件已损坏或不是 .xlsx 格式");
        }
        // fastexcel reads a shared-string index past the table as an empty cell, so this file merely has no header
        byte[] missingString = Workbooks.replaceEntry(good, SHEET,
                "<worksheet><sheetData><row><c r=\"A1\" t=\"s\"><v>999</v></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read("a.xlsx", missingString)).isInstanceOf(SheetFormatException.class).hasMessage("文件没有表头行");
    }

    @Test
    void refusesCellReferencesBeyondExcelsLastColumn() throws IOException {
        // fastexcel would allocate a row list up to the referenced column: ZZZZZ1 is 12 million slots
        byte[] bytes = withSheetData(projects(), "<row r=\"1\"><c r=\"ZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        assertThatThrownBy(() -> read("a.xlsx", bytes)).isInstanceOf(SheetFormatException.class);
        byte[] lastColumn = withSheetData(projects(), "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
                + "<c r=\"XFD1\" t=\"inlineStr\"><is><t>最后一列</t></is></c></row>");
        assertThat(read("a.xlsx", lastColumn).headers()).containsExactly("a", "最后一列");
    }

    @Test
    void refusesAZipBomb() throws IOException {
        byte[] zeros = new byte[(int) XlsxGuard.MAX_INFLATED_BYTES + 1];
        byte[] bomb = Workbooks.replaceEntry(projects(), "xl/media/padding.bin", zeros);
        assertThat(bomb.length).isLessThan(1_000_000); // deflates to almost nothing
        assertThatThrownBy(() -> read("a.xlsx", bomb)).isInstanceOf(SheetFormatException.class).hasMessageContaining("解压后过大");
    }

    @Test
    void refusesXmlEntities() throws IOException {
        // the billion-laughs shape: nested entities would expand to 10^n copies
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            xml.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        xml.append("]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>");
        byte[] bytes = Workbooks.replaceEntry(projects(), SHEET, xml.toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read("a.xlsx", bytes)).isInstanceOf(SheetFormatException.class).hasMessage(FileType.CORRUPT_XLSX);
    }

    @Test
    void emptySheetHasNoHeader() throws IOException {
        byte[] empty = Workbooks.xlsx(ws -> { });
        assertThatThrownBy(() -> read("a.xlsx", empty)).isInstanceOf(SheetFormatException.class).hasMessage("文件没有表头行");
    }

    @Test
    void headerNeedNotBeInTheFirstRowButRowNumbersStayReal() throws IOException {
        byte[] bytes = Workbooks.xlsx(ws -> {
            ws.value(2, 1, "企业");
            ws.value(5, 1, "某公司");
        });
        Sheet sheet = read("a.xlsx", bytes);
        assertThat(sheet.headers()).containsExactly("企业");
        assertThat(sheet.rows().get(0).rowNumber()).isEqualTo(6);
    }

    private static byte[] withSheetData(byte[] workbook, String rows) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + rows + "</sheetData></worksheet>";
        return Workbooks.replaceEntry(workbook, SHEET, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static int countOccurrences(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
