package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SheetRowTest {

    private static SheetRow readerRow(String... values) {
        Headers headers = Headers.of(Arrays.asList("项目名称", "总投资（万元）", null, "对接日期"));
        return new SheetRow(7, new RowCells(headers, values));
    }

    @Test
    void aReaderRowIsAnOrderedImmutableMap() {
        SheetRow row = readerRow("A", "1", "");
        assertThat(row.cells().keySet()).containsExactly("项目名称", "总投资(万元)", "对接日期");
        assertThat(row.cells()).containsEntry("总投资(万元)", "1").hasSize(3);
        assertThat(row.get("总投资（万元）")).isEqualTo("1");
        assertThat(row.get(null)).isEmpty();
        assertThatThrownBy(() -> row.cells().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.cells().entrySet().iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsAnyMapWithTheSameCells() {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("项目名称", "A");
        plain.put("总投资(万元)", "1");
        plain.put("对接日期", "");
        assertThat(readerRow("A", "1", "")).isEqualTo(new SheetRow(7, plain));
    }

    @Test
    void rowsBuiltByHandAreCopied() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("企业", "某公司");
        SheetRow row = new SheetRow(2, cells);
        cells.put("企业", "改了");
        assertThat(row.get("企业")).isEqualTo("某公司");

        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("企业", null);
        assertThat(new SheetRow(2, withNull).cells()).containsEntry("企业", "");
    }

    @Test
    void blankMeansEveryCellEmpty() {
        assertThat(readerRow("", "", "").isBlank()).isTrue();
        assertThat(readerRow("", "", "x").isBlank()).isFalse();
    }

    @Test
    void sheetCopiesItsLists() {
        List<String> headers = new java.util.ArrayList<>(List.of("a"));
        Sheet sheet = new Sheet(headers, List.of());
        headers.add("b");
        assertThat(sheet.headers()).containsExactly("a");
    }
}
