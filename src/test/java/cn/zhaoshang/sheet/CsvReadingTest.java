package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReadingTest {

    private static final String PROJECTS = """
            项目名称,行政区划代码,总投资（万元）,对接日期,投资方
            东南大数据产业园二期,350182,"1,947.60",2017/7/31,福建（长乐）某某有限公司
            长乐医疗器械项目,350112,12345.67,2017-02-28,
            """;

    private static Sheet read(String fileName, byte[] bytes) throws IOException {
        return SheetReader.read(fileName, new ByteArrayInputStream(bytes), 100);
    }

    private static void assertProjects(Sheet sheet) {
        assertThat(sheet.headers()).containsExactly("项目名称", "行政区划代码", "总投资(万元)", "对接日期", "投资方");
        assertThat(sheet.rows()).hasSize(2);
        SheetRow first = sheet.rows().get(0);
        assertThat(first.rowNumber()).isEqualTo(2);
        assertThat(first.get("项目名称")).isEqualTo("东南大数据产业园二期");
        assertThat(first.get("总投资(万元)")).isEqualTo("1,947.60");
        assertThat(first.get("投资方")).isEqualTo("福建（长乐）某某有限公司"); // cells keep their full-width brackets
        assertThat(sheet.rows().get(1).get("投资方")).isEmpty();
        assertThat(sheet.rows().get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void readsUtf8() throws IOException {
        assertProjects(read("项目.csv", PROJECTS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsUtf8WithByteOrderMark() throws IOException {
        byte[] body = PROJECTS.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Sheet sheet = read("项目.CSV", bytes);
        assertProjects(sheet);
        assertThat(sheet.headers().get(0)).isEqualTo("项目名称"); // no BOM glued to the first header
    }

    @Test
    void readsGb18030AsExcelInChinaSavesIt() throws IOException {
        byte[] bytes = PROJECTS.replace("\n", "\r\n").getBytes(Charset.forName("GB18030"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("项目名称"); // really not UTF-8
        assertProjects(read("项目.csv", bytes));
    }

    @Test
    void readsRareCharactersOnlyGb18030Encodes() throws IOException {
        // 𠀀 is outside GBK: GB18030 encodes it in four bytes
        byte[] bytes = "企业\n\uD840\uDC00记\n".getBytes(Charset.forName("GB18030"));
        assertThat(read("a.csv", bytes).rows().get(0).get("企业")).isEqualTo("\uD840\uDC00记");
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() throws IOException {
        String csv = "项目名称,洽谈内容\r\n"
                + "\"A, B 合作\",\"第一行\r\n第二行，含\"\"引号\"\"\"\r\n"
                + "下一项目,x\r\n";
        Sheet sheet = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.rows()).extracting(r -> r.get("项目名称")).containsExactly("A, B 合作", "下一项目");
        assertThat(sheet.rows().get(0).get("洽谈内容")).isEqualTo("第一行\r\n第二行，含\"引号\"");
        // a line break inside quotes does not start a new spreadsheet row
        assertThat(sheet.rows().get(1).rowNumber()).isEqualTo(3);
    }

    @Test
    void blankRowsAreSkippedButKeepTheirRowNumbers() throws IOException {
        String csv = "项目名称,对接日期\n\nA,2017/7/31\n,\n , \nB,2017/8/1\n";
        Sheet sheet = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(3, 6);
    }

    @Test
    void headersAreNormalisedAndBlankHeaderColumnsIgnored() throws IOException {
        String csv = " 项目 名称 ,\u3000总投资（万元）\u3000,,外资(万美元)\uFEFF,\n A ,  1 ,ignored, 2 ,\n";
        Sheet sheet = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.headers()).containsExactly("项目名称", "总投资(万元)", "外资(万美元)");
        SheetRow row = sheet.rows().get(0);
        assertThat(row.cells()).containsExactly(
                org.assertj.core.api.Assertions.entry("项目名称", "A"),
                org.assertj.core.api.Assertions.entry("总投资(万元)", "1"),
                org.assertj.core.api.Assertions.entry("外资(万美元)", "2"));
        assertThat(row.get("总投资（万元）")).isEqualTo("1");
        assertThat(row.get("不存在")).isEmpty();
    }

    @Test
    void shortRowsReadAsEmptyCells() throws IOException {
        Sheet sheet = read("a.csv", "a,b,c\n1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.rows().get(0).cells()).containsEntry("b", "").containsEntry("c", "");
    }

    @Test
    void duplicateHeaderIsAFormatError() {
        byte[] bytes = "项目名称,对接日期,项目名称\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read("a.csv", bytes))
                .isInstanceOf(SheetFormatException.class).hasMessage("表头“项目名称”重复");
        byte[] normalised = "总投资(万元),总投资（万元）\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read("a.csv", normalised)).hasMessage("表头“总投资(万元)”重复");
    }

    @Test
    void fileWithoutAnyNonBlankRowHasNoHeader() {
        assertThatThrownBy(() -> read("a.csv", new byte[0])).isInstanceOf(SheetFormatException.class).hasMessage("文件没有表头行");
        assertThatThrownBy(() -> read("a.csv", "\n , \n\n".getBytes(StandardCharsets.UTF_8))).hasMessage("文件没有表头行");
    }

    @Test
    void headerOnlyFileHasNoRows() throws IOException {
        Sheet sheet = read("a.csv", "项目名称\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.headers()).containsExactly("项目名称");
        assertThat(sheet.rows()).isEmpty();
    }

    @Test
    void unclosedQuoteIsAFormatError() {
        byte[] bytes = "项目名称,金额\n\"A,1\nB,2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read("a.csv", bytes))
                .isInstanceOf(SheetFormatException.class).hasMessageStartingWith("CSV 格式错误");
        byte[] trailing = "项目名称,金额\n\"A\"x,1\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read("a.csv", trailing)).hasMessageContaining("第2行");
    }

    @Test
    void tooManyRowsIsAFormatErrorButTheLimitItselfIsFine() throws IOException {
        StringBuilder csv = new StringBuilder("项目名称\n");
        for (int i = 0; i < 5; i++) {
            csv.append("P").append(i).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(SheetReader.read("a.csv", new ByteArrayInputStream(bytes), 5).rows()).hasSize(5);
        assertThatThrownBy(() -> SheetReader.read("a.csv", new ByteArrayInputStream(bytes), 4))
                .isInstanceOf(SheetFormatException.class).hasMessage("文件数据超过4行，请分批导入");
    }

    @Test
    void streamHandsOverRowsInOrderAndAnswersHeaders() throws IOException {
        List<Integer> seen = new ArrayList<>();
        List<String> headers = SheetReader.stream("a.csv",
                new ByteArrayInputStream("x,y\n1,2\n\n3,4\n".getBytes(StandardCharsets.UTF_8)), r -> seen.add(r.rowNumber()));
        assertThat(headers).containsExactly("x", "y");
        assertThat(seen).containsExactly(2, 4);
    }

    @Test
    void aConsumersOwnExceptionPassesUnchanged() {
        IllegalStateException mine = new IllegalStateException("mine");
        assertThatThrownBy(() -> SheetReader.stream("a.csv",
                new ByteArrayInputStream("x\n1\n".getBytes(StandardCharsets.UTF_8)), r -> {
                    throw mine;
                })).isSameAs(mine);
    }

    @Test
    void onlyXlsxAndCsvAreAccepted() {
        byte[] text = "a,b\n".getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"a.txt", "a.ods", "a", "csv", null, "a.csv.exe"}) {
            assertThatThrownBy(() -> read(name, text)).as(name)
                    .isInstanceOf(SheetFormatException.class).hasMessage("只支持 .xlsx 或 .csv 文件");
        }
    }

    @Test
    void oldExcelAndUtf16TextGetAdvice() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThatThrownBy(() -> read("a.xls", ole2)).hasMessageContaining("另存为 .xlsx");
        assertThatThrownBy(() -> read("a.xlsx", ole2)).hasMessageContaining("另存为 .xlsx"); // a password-protected workbook
        byte[] utf16 = "\uFEFF项目名称\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> read("a.csv", utf16)).isInstanceOf(SheetFormatException.class).hasMessageContaining("UTF-16");
    }

    @Test
    void theInputStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream("x\n1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        SheetReader.read("a.csv", in, 10);
        assertThat(closed[0]).isFalse();
    }
}
