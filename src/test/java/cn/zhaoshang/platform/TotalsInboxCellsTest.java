package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.CopyRows;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of {@link TotalsInbox.Cells} on its own (RunningTotalsTest checks it against V7's folds in PostgreSQL):
 * the steps of one project, a change that cancels out, and sums past what a long of fen holds.
 */
class TotalsInboxCellsTest {

    private static final LocalDate MAR_3 = LocalDate.of(2017, 3, 3);
    private static final LocalDate JUN_9 = LocalDate.of(2017, 6, 9);

    private static Set<String> lines(CopyRows rows) throws Exception {
        StringWriter out = new StringWriter();
        try (Reader in = rows.reader()) {
            in.transferTo(out);
        }
        String text = out.toString();
        return text.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(text.split("\n")));
    }

    @Test
    void aSignedProjectStepsAliveAndReachedInItsUnitChainAndRegionByMonthAndYear() throws Exception {
        TotalsInbox.Cells cells = new TotalsInbox.Cells();
        cells.add(1, "350182", 7L, null, null, new BigDecimal("1947.6"), null, null, false, MAR_3, JUN_9, null, null);
        Set<String> rows = lines(cells.totalRows());
        // alive on 3 March, reached on 9 June: two months and one year (both steps in 2017), three dimensions each
        assertThat(rows).contains(
                "U\tM\t2017-03-01\t350182\t7\t1\t1947.60\t0\t0.00\t0\t0.00",
                "U\tM\t2017-06-01\t350182\t7\t0\t0.00\t1\t1947.60\t0\t0.00",
                "C\tY\t2017-01-01\t350182\t0\t1\t1947.60\t1\t1947.60\t0\t0.00",
                "R\tY\t2017-01-01\t350182\t0\t1\t1947.60\t1\t1947.60\t0\t0.00");
        assertThat(rows).hasSize(3 * 3);
        assertThat(lines(cells.eventRows())).isEmpty();
    }

    @Test
    void theOldValuesTakenOutAndTheSameValuesPutBackLeaveEveryCellAtZero() throws Exception {
        TotalsInbox.Cells cells = new TotalsInbox.Cells();
        for (int sign : new int[]{-1, 1}) {
            cells.add(sign, "350182", 7L, 3L, 11L, new BigDecimal("12.34"), new BigDecimal("5.00"), new BigDecimal("0.01"), true,
                    MAR_3, JUN_9, JUN_9.plusDays(40), JUN_9.plusYears(2));
        }
        for (String line : lines(cells.totalRows())) {
            assertThat(line).matches("[UCR]\t[MY]\t\\d{4}-\\d\\d-01\t350182\t\\d+(\t0\t0\\.00){3}");
        }
        for (String line : lines(cells.eventRows())) {
            assertThat(line).matches("[MY]\t\\d{4}-\\d\\d-01\t350182\t11(\t0(\t0\\.00){3}){4}");
        }
        assertThat(cells.size()).isGreaterThan(0);
    }

    @Test
    void sumsPastWhatALongOfFenHoldsStayExact() throws Exception {
        TotalsInbox.Cells cells = new TotalsInbox.Cells();
        BigDecimal largest = new BigDecimal("99999999999999.99");   // numeric(16, 2)'s largest
        Random random = new Random(5);
        BigDecimal expected = BigDecimal.ZERO.setScale(2);
        int n = 2_500;
        for (int i = 0; i < n; i++) {
            // mostly the largest amounts, some small ones, and a few taken out again
            BigDecimal amount = i % 10 == 9 ? new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2) : largest;
            int sign = i % 25 == 24 ? -1 : 1;
            cells.add(sign, "350100", null, null, 4L, amount, amount, null, false, MAR_3, MAR_3, null, null);
            expected = sign > 0 ? expected.add(amount) : expected.subtract(amount);
        }
        assertThat(expected.unscaledValue().bitLength()).isGreaterThan(63);
        String expectedText = expected.toPlainString();
        long count = (long) n - 2 * (n / 25);
        List<String> regionYear = lines(cells.totalRows()).stream().filter(l -> l.startsWith("R\tY\t")).collect(Collectors.toList());
        assertThat(regionYear).containsExactly(
                "R\tY\t2017-01-01\t350100\t0\t" + count + "\t" + expectedText + "\t" + count + "\t" + expectedText + "\t0\t0.00");
        assertThat(lines(cells.eventRows())).contains("Y\t2017-01-01\t350100\t4\t" + count + "\t" + expectedText + "\t"
                + expectedText + "\t0.00\t0\t0.00\t0.00\t0.00\t0\t0.00\t0.00\t0.00\t0\t0.00\t0.00\t0.00");
    }
}
