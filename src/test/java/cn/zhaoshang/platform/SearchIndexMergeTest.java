package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import's new names wait in the search index's pending list until it commits, and are merged after: searches find
 * them all along.
 */
class SearchIndexMergeTest extends IntegrationTest {

    /** 20,000 names of about 12 characters: about 460,000 entries, well over the default 4 MB of pending entries. */
    private static final String INSERT = """
            insert into enterprise (credit_code, name)
            select null, '检索合并测试第' || i || '号企业' from generate_series(1, 20000) i""";

    @Autowired
    SearchIndexMerge merge;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient client;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void empty() {
        fixtures.reset();
        // autovacuum and autoanalyze of the table merge the pending list too, uncommitted entries included: one
        // arriving in the middle of an insert (the rolled-back 20,000 rows of the test before invite it) would empty
        // the list these tests measure
        jdbc.execute("alter table enterprise set (autovacuum_enabled = false)");
        merge.merge();
    }

    @AfterEach
    void autovacuumAgain() {
        jdbc.execute("alter table enterprise reset (autovacuum_enabled)");
    }

    private long pendingPagesAtEndOfInsert(boolean deferred) {
        AtomicLong pages = new AtomicLong();
        tx.executeWithoutResult(status -> {
            if (deferred) {
                merge.deferInTransaction(client);
            }
            jdbc.update(INSERT);
            // empties the list inside the transaction, which then rolls back: what the insert left pending
            pages.set(jdbc.queryForObject("select gin_clean_pending_list('enterprise_name_pieces'::regclass)", Long.class));
            status.setRollbackOnly();
        });
        return pages.get();
    }

    @Test
    void insideAnImportTheEntriesWaitInThePendingListInsteadOfBeingMergedEveryFourMegabytes() {
        long byDefault = pendingPagesAtEndOfInsert(false);
        long deferred = pendingPagesAtEndOfInsert(true);
        // by default the list was merged whenever it passed 4 MB, so less of it is left than all of it
        assertThat(deferred).isGreaterThan(byDefault);
        // every entry of the 20,000 names: more than 4 MB of 8 kB pages
        assertThat(deferred).isGreaterThan(4 * 1024 / 8);
        assertThat(jdbc.queryForObject("select count(*) from enterprise where name like '检索合并测试%'", Long.class)).isZero();
    }

    @Test
    void afterCommitTheListIsMergedAndTheNamesAreFoundThroughout() throws Exception {
        String search = "select count(*) from enterprise where name_pieces(name) @> search_pieces('合并测试第1234') "
                + "and name like '%合并测试第1234%'";
        tx.executeWithoutResult(status -> {
            merge.deferInTransaction(client);
            jdbc.update(INSERT);
            // found before commit, from the pending list: 第1234号 and 第12340..12349号
            assertThat(jdbc.queryForObject(search, Long.class)).isEqualTo(11);
        });
        merge.awaitQueued();
        // nothing left to merge: the merge after commit took it all in
        assertThat(jdbc.queryForObject("select gin_clean_pending_list('enterprise_name_pieces'::regclass)", Long.class)).isZero();
        assertThat(jdbc.queryForObject(search, Long.class)).isEqualTo(11);
        jdbc.update("delete from enterprise where name like '检索合并测试%'");
    }

    @Test
    void aRolledBackImportLeavesNothingToMergeAndQueuesNoMerge() throws Exception {
        merge.awaitQueued();
        long before = merge.merges();
        pendingPagesAtEndOfInsert(true);
        assertThat(merge.merges()).isEqualTo(before);
    }
}
