package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

class CellsPropertiesTest {

    private static final BigDecimal MAX = new BigDecimal("99999999999999.99");

    @Provide
    Arbitrary<String> first17() {
        return Arbitraries.of(CreditCodes.ALPHABET.chars().mapToObj(c -> (char) c).toList())
                .list().ofSize(17)
                .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Property
    void everyCompletedCodeIsValid(@ForAll("first17") String first17) {
        String code = CreditCodes.complete(first17);
        assertThat(CreditCodes.isValid(code)).isTrue();
        assertThat(Cells.creditCode(code).value()).isEqualTo(code);
        assertThat(Cells.creditCode(code.toLowerCase(Locale.ROOT)).value()).isEqualTo(code);
    }

    @Property
    void anySingleSymbolChangeIsCaught(@ForAll("first17") String first17,
                                       @ForAll @IntRange(min = 0, max = 17) int position,
                                       @ForAll @IntRange(min = 1, max = 30) int shift) {
        String code = CreditCodes.complete(first17);
        int symbol = CreditCodes.ALPHABET.indexOf(code.charAt(position));
        char other = CreditCodes.ALPHABET.charAt((symbol + shift) % 31);
        String changed = code.substring(0, position) + other + code.substring(position + 1);

        assertThat(CreditCodes.isValid(changed)).isFalse();
        assertThat(Cells.creditCode(changed).error()).startsWith("统一社会信用代码校验位错误，应为");
    }

    @Property
    void aCharacterOutsideTheAlphabetIsNamed(@ForAll("first17") String first17,
                                             @ForAll @IntRange(min = 0, max = 17) int position,
                                             @ForAll("foreign") char foreign) {
        String code = CreditCodes.complete(first17);
        String changed = code.substring(0, position) + foreign + code.substring(position + 1);

        assertThat(CreditCodes.isValid(changed)).isFalse();
        assertThat(Cells.creditCode(changed).error()).contains("不允许的字符");
    }

    @Provide
    Arbitrary<Character> foreign() {
        return Arbitraries.of('I', 'O', 'S', 'V', 'Z', '-', '#', '中', '（', '_', '.');
    }

    @Property
    void amountsWithAtMostTwoDecimalsReadBackEqual(@ForAll("amounts") BigDecimal amount) {
        CellResult<BigDecimal> plain = Cells.amount(amount.toPlainString());
        assertThat(plain.isOk()).as(plain.error()).isTrue();
        assertThat(plain.value()).isEqualByComparingTo(amount);
        assertThat(plain.value().scale()).isEqualTo(2);

        DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        grouped.setParseBigDecimal(true);
        assertThat(Cells.amount(grouped.format(amount)).value()).isEqualByComparingTo(amount);
    }

    @Property
    void negativeAmountsAreRejected(@ForAll("amounts") BigDecimal amount) {
        if (amount.signum() > 0) {
            assertThat(Cells.amount(amount.negate().toPlainString()).error()).isEqualTo("不能为负数");
        }
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2);
        Arbitrary<BigDecimal> any = Arbitraries.bigDecimals().between(BigDecimal.ZERO, MAX).ofScale(2);
        Arbitrary<BigDecimal> whole = Arbitraries.longs().between(0, 99_999_999_999_999L).map(BigDecimal::valueOf);
        Arbitrary<BigDecimal> oneDecimal = Combinators.combine(Arbitraries.longs().between(0, 99_999_999_999_999L), Arbitraries.integers().between(0, 9))
                .as((i, d) -> new BigDecimal(i + "." + d));
        return Arbitraries.oneOf(small, any, whole, oneDecimal);
    }

    @Property
    void datesReadBackInEveryAcceptedForm(@ForAll @DateRange(min = "1900-01-01", max = "2100-12-31") LocalDate date) {
        int y = date.getYear();
        int m = date.getMonthValue();
        int d = date.getDayOfMonth();
        assertThat(Cells.date(date.toString()).value()).isEqualTo(date);
        assertThat(Cells.date(y + "/" + m + "/" + d).value()).isEqualTo(date);
        assertThat(Cells.date(String.format("%d/%02d/%02d", y, m, d)).value()).isEqualTo(date);
        assertThat(Cells.date(y + "-" + m + "-" + d).value()).isEqualTo(date);
        assertThat(Cells.date(y + "年" + m + "月" + d + "日").value()).isEqualTo(date);
    }

    @Property
    void daysPastTheEndOfTheMonthDoNotExist(@ForAll @DateRange(min = "1900-01-01", max = "2100-12-31") LocalDate date,
                                            @ForAll @IntRange(min = 1, max = 3) int beyond) {
        String raw = date.getYear() + "/" + date.getMonthValue() + "/" + (date.lengthOfMonth() + beyond);
        assertThat(Cells.date(raw).error()).isEqualTo("日期不存在：" + raw);
    }
}
