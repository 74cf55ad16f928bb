package cn.zhaoshang.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnArraysTest {

    @Test
    void oneColumnListGivesTheNamesTheAssignmentsAndTheArrays() {
        List<ColumnArrays.Column> columns = ColumnArrays.columns("""
                name text,
                unit_id bigint, signed_on  date""");
        assertThat(columns).containsExactly(new ColumnArrays.Column("name", "text"), new ColumnArrays.Column("unit_id", "bigint"),
                new ColumnArrays.Column("signed_on", "date"));
        assertThat(ColumnArrays.names(columns)).isEqualTo("name, unit_id, signed_on");
        assertThat(ColumnArrays.update("project", columns, ColumnArrays.columns("id bigint, expected int"),
                "t.id = u.id and t.version = u.expected")).isEqualTo("update project t set name = u.name, unit_id = u.unit_id,"
                + " signed_on = u.signed_on, version = t.version + 1 from unnest(?::text[], ?::bigint[], ?::date[], ?::bigint[],"
                + " ?::int[]) as u(name, unit_id, signed_on, id, expected) where t.id = u.id and t.version = u.expected");
    }

    @Test
    void rowsBecomeOneTextArrayPerColumnWithNullsKept() {
        Instant at = Instant.parse("2017-07-31T10:15:30.123456Z");
        Object[] arrays = ColumnArrays.of(List.of(
                new Object[]{"甲", 7L, new BigDecimal("1E+3"), LocalDate.of(2017, 2, 1), Timestamp.from(at), true},
                new Object[]{null, null, new BigDecimal("0.50"), null, at, false}));
        assertThat(arrays).hasSize(6);
        assertThat(Arrays.stream(arrays).map(a -> Arrays.asList((String[]) a)).toList()).containsExactly(
                Arrays.asList("甲", null), Arrays.asList("7", null), List.of("1000", "0.50"), Arrays.asList("2017-02-01", null),
                List.of("2017-07-31T10:15:30.123456Z", "2017-07-31T10:15:30.123456Z"), List.of("true", "false"));
    }
}
