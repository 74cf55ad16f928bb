package cn.zhaoshang.platform;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An import's new names wait in V27's inbox until it commits, and are merged into the name search's tables after, in a
 * thread of its own; the import's answer does not wait for it.
 *
 * <p>The name search (V10's pieces of one and two characters, in GIN indexes) cost a 100,000-row import into 1,000,000
 * projects about 3 s of PostgreSQL's one backend, the import's bottleneck: the pieces of 97,163 new projects' and 67,376
 * new investors' names (docs/benchmarks.md, "Session 13"). Inside an import ({@link #deferInTransaction}) V27's triggers
 * write each new project's and enterprise's id, region and name to an inbox with no index instead. After commit
 * {@code name_search_merge} moves them into {@code project_name_search} and {@code enterprise_name_search}, 10,000 rows
 * per transaction, and their GIN pending lists are merged. Searches are right all along: they read the inbox too
 * (SearchText's fragments). A merge that did not happen (the server stopped first) is done by the next sweep
 * ({@link #sweep}, every 10 s by default).
 *
 * <p>The project list's table (V29) takes an import's new projects the same way: they wait in {@code project_list_inbox},
 * which the list reads too, and {@code project_list_merge} moves them into {@code project_list} first, in smaller batches
 * ({@link #LIST_BATCH}: each row is four index entries).
 */
@Component
public class SearchIndexMerge {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchIndexMerge.class);

    /** The search tables' GIN indexes, whose pending lists a merge fills. */
    static final List<String> INDEXES = List.of("project_name_search_pieces", "enterprise_name_search_pieces");

    private final JdbcTemplate jdbc;
    private final AfterCommitTask task = new AfterCommitTask("search-index-merge", this::merge);
    private volatile PreparedStatement running;
    private volatile boolean stopping;

    SearchIndexMerge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the current transaction: new projects and enterprises wait in the inbox, merged after commit (SET LOCAL: ends
     * with the transaction; after a rollback nothing is left to merge).
     */
    public void deferInTransaction(JdbcClient tx) {
        tx.sql("select set_config('zhaoshang.names_by_writer', 'on', true)").query().listOfRows();
        task.afterCommit();
    }

    /** Rows of the inbox merged per transaction (each holds the audit trail's chain lock, which every audited write takes). */
    static final int BATCH = 10_000;

    /** Rows of the list's inbox merged per transaction: 2,000 rows, 8,000 index entries, hold the lock about 0.1 s. */
    static final int LIST_BATCH = 2_000;

    /**
     * Merges the list's inbox into the list table, the names' inbox into the search tables and their pending lists into
     * their indexes; returns the rows it merged (of both inboxes).
     */
    long merge() {
        long rows = 0;
        try {
            rows += mergeAll("project_list_merge", LIST_BATCH);
            rows += mergeAll("name_search_merge", BATCH);
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("服务停止，列表和检索的收件箱留待下次启动时合并");
            } else {
                log.warn("合并列表或检索的收件箱失败，下次巡检时重试：{}", e.getMessage());
            }
            return rows;
        }
        for (String index : INDEXES) {
            if (stopping) {
                break;
            }
            try {
                jdbc.execute((ConnectionCallback<Long>) c -> run(c, "select gin_clean_pending_list(to_regclass(?))", index));
            } catch (RuntimeException e) {
                if (stopping) {
                    log.info("服务停止，检索索引 {} 尚未合并的条目留给自动清理", index);
                } else {
                    log.warn("合并检索索引 {} 的待合并条目失败，将由自动清理完成：{}", index, e.getMessage());
                }
            }
        }
        return rows;
    }

    // one batch after the other until a batch takes fewer rows than it may (the inbox is empty) or the server stops
    private long mergeAll(String function, int batch) {
        long rows = 0;
        for (long n = batch; n == batch && !stopping; ) {
            Long taken = jdbc.execute((ConnectionCallback<Long>) c -> run(c, "select " + function + "(" + batch + ")", null));
            n = taken == null ? 0 : taken;
            rows += n;
        }
        return rows;
    }

    /** Merges what an earlier merge left (a stop before it ran, a merge that failed). */
    @Scheduled(initialDelayString = "${zhaoshang.search-inbox-ms:10000}", fixedDelayString = "${zhaoshang.search-inbox-ms:10000}")
    void sweep() {
        Boolean waiting = jdbc.queryForObject(
                "select exists (select 1 from name_search_inbox) or exists (select 1 from project_list_inbox)", Boolean.class);
        if (Boolean.TRUE.equals(waiting)) {
            task.schedule();
        }
    }

    // one statement, cancellable at stop (a merge rolled back leaves the inbox as it was)
    private Long run(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            running = s;
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            } finally {
                running = null;
            }
        }
    }

    /** How many merges were queued since start. */
    long merges() {
        return task.runs();
    }

    /** For tests: waits for the merge queued last, if any. */
    void awaitQueued() throws Exception {
        task.awaitLast();
    }

    /**
     * At shutdown a merge still running is cancelled (a large import's takes seconds; its rows stay in the inbox, still
     * found by searches, and the next start's sweep merges them), before the pool and the database close.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        task.shutdownNow();
        PreparedStatement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException e) {
                log.debug("cancel of the search index merge failed", e);
            }
        }
    }
}
