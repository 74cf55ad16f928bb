package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExcelValuesTest {

    @ParameterizedTest
    @CsvSource({
            "12345.67, 12345.67",
            "1947600, 1947600",
            "1.9476E6, 1947600",
            "1947600.0, 1947600",
            "0.30000000000000004, 0.3",
            "0.7999999999999999, 0.8",
            "-2.5, -2.5",
            "0.0, 0",
            "350112, 350112",
            "3.5018219900101101E17, 350182199001011000",
    })
    void numbersAsExcelShowsThem(String raw, String expected) {
        assertThat(ExcelValues.plain(new BigDecimal(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "yyyy-mm-dd", "yyyy/m/d", "m/d/yy", "d-mmm-yy", "mmm-yy", "mmmm",
            "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy\"年\"m\"月\"d\"日\";@", "[DBNum1][$-804]yyyy\"年\"m\"月\"",
            "yyyy/m/d h:mm", "m\"月\"d\"日\"", "dd/mm/yyyy;@",
    })
    void dateFormats(String format) {
        assertThat(ExcelValues.isDateFormat(200, format)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "General", "0", "0.00", "#,##0.00", "0%", "0.00E+00", "@", "h:mm", "h:mm:ss AM/PM", "mm:ss", "[h]:mm",
            "[h]:mm:ss", "\"年度\"0", "#,##0.00_);[Red](#,##0.00)", "[$¥-804]#,##0.00", "0.00\"万元\"", "#,##0;-#,##0;\"-\"",
    })
    void notDateFormats(String format) {
        assertThat(ExcelValues.isDateFormat(200, format)).isFalse();
    }

    @Test
    void builtInIdsWithoutAFormatCode() {
        assertThat(ExcelValues.isDateFormat(14, null)).isTrue();
        assertThat(ExcelValues.isDateFormat(31, null)).isTrue();  // zh-CN yyyy年m月d日
        assertThat(ExcelValues.isDateFormat(57, "")).isTrue();    // zh-CN yyyy年m月
        assertThat(ExcelValues.isDateFormat(32, null)).isFalse(); // zh-CN h时mm分
        assertThat(ExcelValues.isDateFormat(2, null)).isFalse();
        assertThat(ExcelValues.isDateFormat(null, null)).isFalse();
    }

    @Test
    void onlyPlausibleSerialsBecomeDates() {
        assertThat(ExcelValues.isDateSerial(new BigDecimal("42947"))).isTrue();
        assertThat(ExcelValues.isDateSerial(new BigDecimal("0.5"))).isFalse();
        assertThat(ExcelValues.isDateSerial(new BigDecimal("-1"))).isFalse();
        assertThat(ExcelValues.isDateSerial(new BigDecimal("1E10"))).isFalse();
    }
}
