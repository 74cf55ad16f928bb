package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellsTest {

    @Nested
    class Dates {

        @ParameterizedTest
        @CsvSource({
                "2017-07-31, 2017-07-31",
                "2017/7/31, 2017-07-31",
                "2017/07/31, 2017-07-31",
                "2017-7-3, 2017-07-03",
                "2017.7.31, 2017-07-31",
                "2017年7月31日, 2017-07-31",
                "'  2017/7/31\u3000', 2017-07-31",
                "２０１７／７／３１, 2017-07-31",
                "2016-02-29, 2016-02-29",
                "2000-02-29, 2000-02-29",
                "1900-01-01, 1900-01-01",
                "2100-12-31, 2100-12-31",
        })
        void acceptsTheFormsPeopleType(String raw, LocalDate expected) {
            CellResult<LocalDate> result = Cells.date(raw);
            assertThat(result.isOk()).as(result.error()).isTrue();
            assertThat(result.value()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2017-02-29", "2017-02-30", "2017/2/29", "2017-13-01", "2017-00-10", "2017-04-31", "1900-02-29", "2017年2月30日"})
        void rejectsDaysThatDoNotExist(String raw) {
            CellResult<LocalDate> result = Cells.date(raw);
            assertThat(result.isOk()).isFalse();
            assertThat(result.error()).isEqualTo("日期不存在：" + raw);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "2017-7/31", "17-7-31", "20170731", "2017-07-31 10:00", "31/07/2017", "2017--07-31", "42947", "2017-07"})
        void rejectsOtherText(String raw) {
            assertThat(Cells.date(raw).error()).isEqualTo("日期格式应为 yyyy-MM-dd 或 yyyy/M/d");
        }

        @Test
        void rejectsYearsOutsideTheLedgersRange() {
            assertThat(Cells.date("1899-12-31").error()).contains("1900至2100");
            assertThat(Cells.date("2107-07-31").error()).contains("1900至2100");
        }

        @Test
        void blankIsNoValueAndNoError() {
            assertThat(Cells.date("  ")).isEqualTo(CellResult.ok(null));
            assertThat(Cells.date(null).isOk()).isTrue();
        }
    }

    @Nested
    class Amounts {

        @ParameterizedTest
        @CsvSource({
                "0, 0.00",
                "0.3, 0.30",
                "0.30, 0.30",
                "12345.67, 12345.67",
                "1947600, 1947600.00",
                "'1,947.60', 1947.60",
                "'1,947,600', 1947600.00",
                "'１，９４７．６', 1947.60",
                "' 8.5 ', 8.50",
                ".5, 0.50",
                "5., 5.00",
                "1.230, 1.23",
                "007, 7.00",
                "-0, 0.00",
                "99999999999999.99, 99999999999999.99",
        })
        void readsPlainNumbersExactly(String raw, String expected) {
            CellResult<BigDecimal> result = Cells.amount(raw);
            assertThat(result.isOk()).as(result.error()).isTrue();
            assertThat(result.value()).isEqualTo(new BigDecimal(expected)); // equals: scale 2 as well
        }

        @Test
        void sumsStayExactWhereDoublesWouldNot() {
            BigDecimal sum = Cells.amount("0.1").value().add(Cells.amount("0.2").value());
            assertThat(sum).isEqualTo(Cells.amount("0.3").value());
            assertThat(0.1 + 0.2).isNotEqualTo(0.3); // the noise the BigDecimal path avoids
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1,23", "1,2345", "1.2.3", "¥100", "100元", "1 000", "NaN", "Infinity", "-", ".", "0x10", "1,000.5,0"})
        void rejectsWhatIsNotANumber(String raw) {
            assertThat(Cells.amount(raw).error()).isEqualTo("不是数字");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e5", "1E5", "1.9476E+06", "2.5e-3"})
        void rejectsScientificNotation(String raw) {
            assertThat(Cells.amount(raw).error()).isEqualTo("应为普通数字，不能用科学计数法");
        }

        @Test
        void rejectsNegativeTooPreciseAndTooLarge() {
            assertThat(Cells.amount("-5").error()).isEqualTo("不能为负数");
            assertThat(Cells.amount("-0.01").error()).isEqualTo("不能为负数");
            assertThat(Cells.amount("1.234").error()).isEqualTo("最多两位小数");
            assertThat(Cells.amount("0.30000000000000004").error()).isEqualTo("最多两位小数");
            assertThat(Cells.amount("100000000000000").error()).isEqualTo("金额过大");
            assertThat(Cells.amount("9".repeat(5000)).error()).isEqualTo("金额过大");
        }

        @Test
        void blankIsNoValueAndNoError() {
            assertThat(Cells.amount("")).isEqualTo(CellResult.ok(null));
        }
    }

    @Nested
    class Flags {

        @Test
        void onlyYesAndNoInChinese() {
            assertThat(Cells.flag("是").value()).isTrue();
            assertThat(Cells.flag(" 否 ").value()).isFalse();
            assertThat(Cells.flag("").isOk()).isTrue();
            assertThat(Cells.flag("").value()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Y", "N", "TRUE", "1", "对", "不是", "是的"})
        void rejectsAnythingElse(String raw) {
            assertThat(Cells.flag(raw).error()).isEqualTo("应为“是”或“否”");
        }
    }

    @Nested
    class CreditCodesInCells {

        @Test
        void acceptsAValidCodeAndNormalisesCase() {
            assertThat(Cells.creditCode("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
            assertThat(Cells.creditCode(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
            assertThat(Cells.creditCode("９１３５０１００Ｍ０００１００Ｙ４３").value()).isEqualTo("91350100M000100Y43");
        }

        @Test
        void namesWhatIsWrong() {
            assertThat(Cells.creditCode("91350100M000100Y4").error()).startsWith("统一社会信用代码应为18位").contains("17位");
            assertThat(Cells.creditCode("91350100M000100Y433").error()).startsWith("统一社会信用代码应为18位");
            assertThat(Cells.creditCode("91350100O000100Y43").error()).contains("含有不允许的字符“O”");
            assertThat(Cells.creditCode("91350100M000100Y4中").error()).contains("含有不允许的字符“中”");
            assertThat(Cells.creditCode("91350100M000100Y44").error()).isEqualTo("统一社会信用代码校验位错误，应为3");
        }

        @Test
        void blankIsNoValueAndNoError() {
            assertThat(Cells.creditCode("").isOk()).isTrue();
        }
    }

    @Test
    void aResultIsAValueOrAnErrorNeverBoth() {
        assertThat(CellResult.ok(1).isOk()).isTrue();
        assertThat(CellResult.fail("错").isOk()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CellResult<>(1, "错"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
