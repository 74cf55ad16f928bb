package cn.zhaoshang.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** COPY's text format: escapes, nulls, and instants (each row's own, though consecutive rows usually share one). */
class CopyRowsTest {

    private static String text(CopyRows rows) throws Exception {
        Field f = CopyRows.class.getDeclaredField("text");
        f.setAccessible(true);
        return f.get(rows).toString();
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
}
