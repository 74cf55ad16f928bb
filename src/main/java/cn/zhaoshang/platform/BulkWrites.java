package cn.zhaoshang.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settings for a transaction that writes thousands of rows at once (an import).
 *
 * <p>V4 makes PostgreSQL plan every statement afresh ({@code plan_cache_mode = force_custom_plan}) so that a report
 * planned for a county is not reused for the province. That setting also reaches the statements PostgreSQL runs itself
 * for every written row: the foreign-key checks (one per row and reference) and the triggers' statements. Planned
 * afresh each time, the checks of a 20,000-row project import cost more than the rows themselves. They look up one key
 * in a primary key, for which one generic plan is right every time; inside the import's transaction, and only there,
 * PostgreSQL's default ({@code auto}: a generic plan once it is no worse) is restored.
 *
 * <p>A transaction that inserts projects in many statements (the import's COPY chunks) also folds them into the
 * running totals once, at commit, instead of once per statement (V13__report_fold_once.sql): a unit's month that
 * several chunks touch is written once. Inside such a transaction the totals lag the ledger until commit, so it must
 * not read a report after writing projects.
 */
public final class BulkWrites {

    private BulkWrites() {
    }

    /** In the current transaction: cached plans for repeated statements (SET LOCAL: ends with the transaction). */
    public static void reusePlans(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = auto").update();
    }

    /**
     * In the current transaction: projects inserted from now on are folded into the running totals at commit. The fold
     * of a 20,000-row import sums about 100,000 cells; with the default 16 MB of memory per sort its aggregate spilled
     * to disk in 13 batches, so the transaction may use 64 MB (one import at a time holds it, until it ends).
     */
    public static void foldTotalsAtCommit(JdbcClient jdbc) {
        jdbc.sql("select set_config('zhaoshang.fold_at_commit', 'on', true), set_config('work_mem', '64MB', true)")
                .query().listOfRows();
    }
}
