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
 * <p>An import's new projects are summed into the running totals by the import itself and merged after commit
 * ({@link TotalsInbox}, V24). Before that, each COPY chunk's statement trigger folded them (V7), and until session 7 the
 * import held them back for one fold at commit (V13's {@code zhaoshang.fold_at_commit}, still there for other writers):
 * that fold ran alone on one core after the last chunk (docs/benchmarks.md, "Session 7").
 */
public final class BulkWrites {

    private BulkWrites() {
    }

    /** In the current transaction: cached plans for repeated statements (SET LOCAL: ends with the transaction). */
    public static void reusePlans(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = auto").update();
    }

    /**
     * In the current transaction: sorts and hashes of up to 64 MB stay in memory. The fold at commit of an import's
     * changed projects sums their steps per region, unit, chain and month (a fold of 5,000 projects: some 30,000 groups,
     * close to the default 16 MB); one import at a time holds it, until it ends.
     */
    public static void sortInMemory(JdbcClient jdbc) {
        jdbc.sql("select set_config('work_mem', '64MB', true)").query().listOfRows();
    }

    /** What an import writes: imports of one kind run one at a time ({@link #oneImportAtATime}). */
    public enum Ledger {
        PROJECTS(0x5A48_5052_4F4AL), VISITS(0x5A48_5649_5349L);

        private final long lockKey;

        Ledger(long lockKey) {
            this.lockKey = lockKey;
        }
    }

    /**
     * In the current transaction, before it reads what it will compare the file with: waits until no other import of
     * the same kind is under way, and holds that until commit or rollback (a transaction-scoped advisory lock).
     *
     * <p>An import reads the ledger (which codes exist, each project's or visit's values, the next free codes) and then
     * writes what differs. Two imports of overlapping files that compared at the same time both took the same new code for
     * new and failed on the unique key when the second wrote (a 500 to its user), or both updated the same project from
     * the same old values, so that the second's revision repeated the first's version. The writes were one at a time
     * already (the audit chain's lock); now the comparisons are too, so the second import compares with what the first
     * committed, as if it had been uploaded after it. Reading and checking the file still run side by side.
     */
    public static void oneImportAtATime(JdbcClient jdbc, Ledger ledger) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ledger.lockKey).query((rs, n) -> 1).list();
    }
}
