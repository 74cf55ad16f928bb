package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The inbox of the running totals is merged in batches (V28), and the figures are the same before, between and after. */
class TotalsInboxMergeTest extends IntegrationTest {

    @Autowired
    TotalsInbox inbox;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void empty() {
        fixtures.reset();
        inbox.merge();
    }

    // what every report reads, summed per key: the totals and the inbox together
    private List<Map<String, Object>> figures() {
        return jdbc.queryForList("""
                select dim, grain, period, region_code, key_id, sum(alive_n) an, sum(alive_inv) ai, sum(reached_n) rn,
                       sum(reached_inv) ri, sum(landed_n) ln, sum(landed_inv) li
                from report_totals group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5""");
    }

    @Test
    void aLargeInboxIsMergedInBatchesAndEveryFigureStaysTheSame() {
        int cells = 2 * TotalsInbox.BATCH + 7;
        // cells for 300 keys (month and key: i mod 12 and i mod 100), each about 67 times over: the merge sums them into one row per key
        jdbc.update("""
                insert into report_delta_inbox (dim, grain, period, region_code, key_id, alive_n, alive_inv, reached_n,
                                                reached_inv, landed_n, landed_inv)
                select 'U', 'M', date '2017-01-01' + ((i % 12) * interval '1 month'), '350112', i % 100, 1, i * 0.01, i % 2,
                       0.5, 0, 0
                from generate_series(1, ?) i""", cells);
        jdbc.update("""
                insert into report_event_delta_inbox (grain, period, region_code, event_id, reached_n, reached_inv, reached_fi,
                    reached_ufc, landed_n, landed_inv, landed_fi, landed_ufc, stage_reached_n, stage_reached_inv,
                    stage_reached_fi, stage_reached_ufc, stage_landed_n, stage_landed_inv, stage_landed_fi, stage_landed_ufc)
                select 'Y', date '2017-01-01', '350112', i % 3, 1, 2.00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                from generate_series(1, 30) i""");
        List<Map<String, Object>> before = figures();
        assertThat(before).hasSize(300);

        // one batch: its rows moved, the rest still waiting, the figures unchanged
        assertThat(jdbc.queryForObject("select report_inbox_merge(?)", Long.class, TotalsInbox.BATCH)).isEqualTo(TotalsInbox.BATCH);
        assertThat(jdbc.queryForObject("select count(*) from report_delta_inbox", Long.class)).isEqualTo(cells - TotalsInbox.BATCH);
        assertThat(figures()).isEqualTo(before);

        assertThat(inbox.merge()).isEqualTo(cells - TotalsInbox.BATCH + 30);
        assertThat(jdbc.queryForObject("select count(*) from report_delta_inbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_event_delta_inbox", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_delta", Long.class)).isEqualTo(300);
        assertThat(figures()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select sum(reached_inv) from report_event_delta", java.math.BigDecimal.class))
                .isEqualByComparingTo("60.00");
    }
}
