package cn.zhaoshang.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the running totals the triggers kept with a rebuild from the ledger, and optionally keeps the rebuild. The
 * ledger is locked against writes (share mode) while it runs; reports go on.
 */
@Component
public class TotalsCheck {

    /** Rows of report_delta that differ between the kept and the rebuilt totals (zero rows ignored). */
    public record Result(long keptRows, long rebuiltRows, long differing, boolean repaired) {
        public boolean consistent() {
            return differing == 0;
        }
    }

    // rows whose every counter is zero say nothing: a rebuild does not write them; a key may have cells in the totals and
    // in the inbox of an import not merged yet (V24): they are summed
    private static final String KEPT = """
            select 'D' as t, dim, grain, period, region_code, key_id, array[sum(alive_n)::numeric, sum(alive_inv), sum(reached_n),
                   sum(reached_inv), sum(landed_n), sum(landed_inv)] as v
            from report_totals
            group by dim, grain, period, region_code, key_id
            union all
            select 'E', null, grain, period, region_code, event_id, array[sum(reached_n)::numeric, sum(reached_inv),
                   sum(reached_fi), sum(reached_ufc), sum(landed_n), sum(landed_inv), sum(landed_fi), sum(landed_ufc),
                   sum(stage_reached_n), sum(stage_reached_inv), sum(stage_reached_fi), sum(stage_reached_ufc),
                   sum(stage_landed_n), sum(stage_landed_inv), sum(stage_landed_fi), sum(stage_landed_ufc)]
            from report_event_totals
            group by grain, period, region_code, event_id""";

    private static final String NONZERO = "select * from (" + KEPT + ") k where exists (select 1 from unnest(k.v) x where x <> 0)";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    TotalsCheck(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public Result run(boolean repair) {
        return tx.execute(status -> {
            jdbc.sql("lock table project in share mode").update();
            jdbc.sql("create temporary table kept_totals on commit drop as " + NONZERO).update();
            jdbc.sql("select report_delta_rebuild()").query().listOfRows();
            long kept = jdbc.sql("select count(*) from kept_totals").query(Long.class).single();
            long rebuilt = jdbc.sql("select count(*) from (" + NONZERO + ") r").query(Long.class).single();
            long differing = jdbc.sql("select count(*) from ((select * from kept_totals except all (" + NONZERO + "))"
                    + " union all ((" + NONZERO + ") except all select * from kept_totals)) d").query(Long.class).single();
            boolean repaired = repair && differing > 0;
            if (!repaired) {
                status.setRollbackOnly(); // leave the kept totals as they were
            }
            return new Result(kept, rebuilt, differing, repaired);
        });
    }
}
