package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Assigned codes read 350182-2017-0001: four digits at least, more past 9999. */
class CodeSeriesTest {

    @Test
    void codesAreTheRegionTheYearAndTheNumberPaddedToFourDigits() {
        ProjectStore.CodeSeries series = new ProjectStore.CodeSeries("350182", 2017);
        assertThat(series.code(1)).isEqualTo("350182-2017-0001");
        assertThat(series.code(9999)).isEqualTo("350182-2017-9999");
        assertThat(series.code(10000)).isEqualTo("350182-2017-10000");
        for (int n = 1; n < 200_000; n += 37) {
            assertThat(series.code(n)).isEqualTo(String.format("%s-%d-%04d", "350182", 2017, n));
        }
    }
}
