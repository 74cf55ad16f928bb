package cn.zhaoshang.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** COPY's text format: escapes, nulls, and instants (each row's own, though consecutive rows usually share one). */
class CopyRowsTest {

    private static String text(CopyRows rows) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        // read in odd-sized pieces, so that a read ends inside a segment as well as at its end
        char[] buffer = new char[997];
        try (java.io.Reader in = rows.reader()) {
            for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
                out.write(buffer, 0, n);
            }
        }
        return out.toString();
    }

    @Test
    void valuesAreWrittenInCopysTextFormat() throws Exception {
        CopyRows rows = new CopyRows();
        assertThat(rows.isEmpty()).isTrue();
        rows.row(1L, "长乐\t区\\新\n区", null, new BigDecimal("1E+2"), true, LocalDate.of(2017, 7, 31));
        assertThat(rows.isEmpty()).isFalse();
        assertThat(text(rows)).isEqualTo("1\t长乐\\t区\\\\新\\n区\t\\N\t100\tt\t2017-07-31\n");
    }

    @Test
    void everyRowCarriesItsOwnInstantWhetherItRepeatsTheLastOneOrNot() throws Exception {
        Instant a = Instant.parse("2017-07-31T08:00:00.123456Z");
        Instant b = Instant.parse("2017-08-01T00:00:00Z");
        CopyRows rows = new CopyRows();
        rows.row(Timestamp.from(a), a).row(Timestamp.from(a), b).row(Timestamp.from(b), a);
        assertThat(text(rows)).isEqualTo("""
                2017-07-31T08:00:00.123456Z\t2017-07-31T08:00:00.123456Z
                2017-07-31T08:00:00.123456Z\t2017-08-01T00:00:00Z
                2017-08-01T00:00:00Z\t2017-07-31T08:00:00.123456Z
                """);
        assertThat(rows.size()).isEqualTo(3);
    }

    @Test
    void aLargeBatchReadsBackRowByRowAcrossItsSegments() throws Exception {
        CopyRows rows = new CopyRows();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            String name = "福州华恒数据科技有限公司".repeat(1 + i % 7) + i;
            rows.row((long) i, name, i % 3 == 0 ? null : new BigDecimal(i).movePointLeft(2));
            expected.append(i).append('\t').append(name).append('\t')
                    .append(i % 3 == 0 ? "\\N" : new BigDecimal(i).movePointLeft(2).toPlainString()).append('\n');
        }
        assertThat(rows.size()).isEqualTo(20_000);
        assertThat(expected.length()).isGreaterThan(1_000_000);
        assertThat(text(rows)).isEqualTo(expected.toString());
    }
}
