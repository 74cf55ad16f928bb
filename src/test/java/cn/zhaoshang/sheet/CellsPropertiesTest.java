package cn.zhaoshang.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the cell parsers, each checked on 1,000 generated inputs from a fixed seed (so a failure reproduces),
 * plus the edge values that generators tend to miss.
 */
class CellsPropertiesTest {

    private static final int TRIES = 1_000;
    private static final BigDecimal MAX = new BigDecimal("99999999999999.99");
    private static final char[] FOREIGN = {'I', 'O', 'S', 'V', 'Z', '-', '#', '中', '（', '_', '.'};

    private static void forAll(long seed, Consumer<Random> property) {
        Random random = new Random(seed);
        for (int i = 0; i < TRIES; i++) {
            property.accept(random);
        }
    }

    private static String first17(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            b.append(CreditCodes.ALPHABET.charAt(r.nextInt(CreditCodes.ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void everyCompletedCodeIsValid() {
        forAll(1, r -> {
            String code = CreditCodes.complete(first17(r));
            assertThat(CreditCodes.isValid(code)).isTrue();
            assertThat(Cells.creditCode(code).value()).isEqualTo(code);
            assertThat(Cells.creditCode(code.toLowerCase(Locale.ROOT)).value()).isEqualTo(code);
        });
    }

    @Test
    void anySingleSymbolChangeIsCaught() {
        forAll(2, r -> {
            String code = CreditCodes.complete(first17(r));
            int position = r.nextInt(18);
            int shift = 1 + r.nextInt(30);
            int symbol = CreditCodes.ALPHABET.indexOf(code.charAt(position));
            char other = CreditCodes.ALPHABET.charAt((symbol + shift) % 31);
            String changed = code.substring(0, position) + other + code.substring(position + 1);
            assertThat(CreditCodes.isValid(changed)).as(changed).isFalse();
            assertThat(Cells.creditCode(changed).error()).startsWith("统一社会信用代码校验位错误，应为");
        });
    }

    @Test
    void aCharacterOutsideTheAlphabetIsNamed() {
        forAll(3, r -> {
            String code = CreditCodes.complete(first17(r));
            int position = r.nextInt(18);
            char foreign = FOREIGN[r.nextInt(FOREIGN.length)];
            String changed = code.substring(0, position) + foreign + code.substring(position + 1);
            assertThat(CreditCodes.isValid(changed)).isFalse();
            assertThat(Cells.creditCode(changed).error()).contains("不允许的字符");
        });
    }

    private static BigDecimal amount(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> BigDecimal.valueOf(r.nextLong(10_000_001L), 2);
            case 1 -> BigDecimal.valueOf(r.nextLong(MAX.movePointRight(2).longValueExact() + 1), 2);
            case 2 -> BigDecimal.valueOf(r.nextLong(100_000_000_000_000L));
            default -> new BigDecimal(r.nextLong(100_000_000_000_000L) + "." + r.nextInt(10));
        };
    }

    @Test
    void amountsWithAtMostTwoDecimalsReadBackEqual() {
        DecimalFormat grouped = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        forAll(4, r -> check(amount(r), grouped));
        for (String edge : new String[]{"0", "0.01", "99999999999999.99", "1947.6", "0.3"}) {
            check(new BigDecimal(edge), grouped);
        }
    }

    private static void check(BigDecimal amount, DecimalFormat grouped) {
        CellResult<BigDecimal> plain = Cells.amount(amount.toPlainString());
        assertThat(plain.isOk()).as(amount + ": " + plain.error()).isTrue();
        assertThat(plain.value()).isEqualByComparingTo(amount);
        assertThat(plain.value().scale()).isEqualTo(2);
        assertThat(Cells.amount(grouped.format(amount)).value()).isEqualByComparingTo(amount);
    }

    @Test
    void negativeAmountsAreRejected() {
        forAll(5, r -> {
            BigDecimal amount = amount(r);
            if (amount.signum() > 0) {
                assertThat(Cells.amount(amount.negate().toPlainString()).error()).isEqualTo("不能为负数");
            }
        });
    }

    private static LocalDate date(Random r) {
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2100, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(from + r.nextLong(to - from + 1));
    }

    @Test
    void datesReadBackInEveryAcceptedForm() {
        forAll(6, r -> {
            LocalDate date = date(r);
            int y = date.getYear();
            int m = date.getMonthValue();
            int d = date.getDayOfMonth();
            assertThat(Cells.date(date.toString()).value()).isEqualTo(date);
            assertThat(Cells.date(y + "/" + m + "/" + d).value()).isEqualTo(date);
            assertThat(Cells.date(String.format("%d/%02d/%02d", y, m, d)).value()).isEqualTo(date);
            assertThat(Cells.date(y + "-" + m + "-" + d).value()).isEqualTo(date);
            assertThat(Cells.date(y + "年" + m + "月" + d + "日").value()).isEqualTo(date);
        });
    }

    @Test
    void daysPastTheEndOfTheMonthDoNotExist() {
        forAll(7, r -> {
            LocalDate date = date(r);
            String raw = date.getYear() + "/" + date.getMonthValue() + "/" + (date.lengthOfMonth() + 1 + r.nextInt(3));
            assertThat(Cells.date(raw).error()).isEqualTo("日期不存在：" + raw);
        });
    }
}
