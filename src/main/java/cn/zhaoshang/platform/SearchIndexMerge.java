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
import org.springframework.stereotype.Component;

/**
 * The name search's GIN indexes (V10: the pieces of project and enterprise names) take an import's new entries into
 * their pending list, and are merged after the import commits, in a thread of its own.
 *
 * <p>PostgreSQL adds a GIN entry to the index's pending list (a list of unsorted entries that every search also reads)
 * and merges the list into the index once it passes {@code gin_pending_list_limit}, 4 MB by default, inside whichever
 * statement passed it. A 20,000-row import passed it several times: merging the pieces of 13,774 new enterprises' and
 * 20,000 projects' names cost about 0.9 s of the import's transaction (docs/benchmarks.md, "Session 7"). Inside an
 * import the limit is raised ({@link #deferInTransaction}), so the entries wait in the list, and the same merge
 * ({@code gin_clean_pending_list}) runs once the import has committed; the import's answer does not wait for it.
 * Searches are right all along: until the merge, they read the list too (51 ms instead of 4 ms for a common word with
 * 20,000 entries waiting). If the merge fails, autovacuum does it when it next visits the table.
 */
@Component
public class SearchIndexMerge {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchIndexMerge.class);

    /** The indexes whose pending lists an import fills. */
    static final List<String> INDEXES = List.of("project_name_pieces", "enterprise_name_pieces");

    /** Enough for the largest import (200,000 rows with new investors: about 60 MB of entries). */
    private static final String IMPORT_LIMIT = "256MB";

    private final JdbcTemplate jdbc;
    private final AfterCommitTask task = new AfterCommitTask("search-index-merge", this::merge);
    private volatile PreparedStatement running;
    private volatile boolean stopping;

    SearchIndexMerge(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the current transaction: new name-search entries wait in the pending lists, merged after commit (SET LOCAL:
     * ends with the transaction; after a rollback nothing is left to merge).
     */
    public void deferInTransaction(JdbcClient tx) {
        tx.sql("select set_config('gin_pending_list_limit', ?, true)").param(IMPORT_LIMIT).query().listOfRows();
        task.afterCommit();
    }

    /** Merges the pending lists now, on a connection of its own; returns the pages it emptied. */
    long merge() {
        long pages = 0;
        for (String index : INDEXES) {
            if (stopping) {
                break;
            }
            try {
                Long n = jdbc.execute((ConnectionCallback<Long>) c -> cleanPendingList(c, index));
                pages += n == null ? 0 : n;
            } catch (RuntimeException e) {
                if (stopping) {
                    log.info("服务停止，检索索引 {} 尚未合并的条目留给自动清理", index);
                } else {
                    log.warn("合并检索索引 {} 的待合并条目失败，将由自动清理完成：{}", index, e.getMessage());
                }
            }
        }
        return pages;
    }

    private Long cleanPendingList(Connection c, String index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select gin_clean_pending_list(to_regclass(?))")) {
            s.setString(1, index);
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
     * At shutdown a merge still running is cancelled (a large import's takes a while; its entries stay in the pending
     * list, still found by searches, and autovacuum merges them later), before the pool and the database close.
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
