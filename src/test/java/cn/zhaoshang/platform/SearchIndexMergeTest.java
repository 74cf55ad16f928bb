package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.SearchText;
import cn.zhaoshang.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import's new names wait in V27's inbox until it commits and are merged into the search tables after; searches
 * find them all along, under their current names, and never a deleted row.
 */
class SearchIndexMergeTest extends IntegrationTest {

    private static final String ENTERPRISES = """
            insert into enterprise (credit_code, name)
            select null, '检索合并测试第' || i || '号企业' from generate_series(1, 2000) i""";

    private static final String PROJECTS = """
            insert into project (code, name, region_code, investment, contacted_on)
            select 'SIM-' || i, '检索合并测试第' || i || '号项目', case when i % 2 = 0 then '350112' else '350102' end, 1, date '2017-03-01'
            from generate_series(1, 2000) i""";

    @Autowired
    SearchIndexMerge merge;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient client;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void empty() throws Exception {
        merge.awaitQueued();
        fixtures.reset();
        merge.merge();
    }

    // distinct: a row renamed while it waits is in the search table and the inbox at once (a search asks "id in")
    private List<Long> enterprises(String text) {
        return client.sql("select distinct id from (" + SearchText.ENTERPRISE_IDS + ") s order by id")
                .param("text", text).param("q", SearchText.containing(text)).query(Long.class).list();
    }

    private List<Long> projects(String text, String from, String to) {
        return client.sql("select distinct id from (" + SearchText.PROJECT_IDS + ") s order by id")
                .param("text", text).param("q", SearchText.containing(text)).param("rf", from).param("rt", to)
                .query(Long.class).list();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void insideAnImportNewNamesWaitInTheInboxAndAreFoundThereThenMergedAfterCommit() throws Exception {
        tx.executeWithoutResult(status -> {
            merge.deferInTransaction(client);
            jdbc.update(ENTERPRISES);
            jdbc.update(PROJECTS);
            assertThat(count("select count(*) from name_search_inbox where kind = 'E'")).isEqualTo(2000);
            assertThat(count("select count(*) from name_search_inbox where kind = 'P'")).isEqualTo(2000);
            assertThat(count("select count(*) from enterprise_name_search where name like '检索合并测试%'")).isZero();
            // found before commit, from the inbox: 第1234号 and nothing else below 2000
            assertThat(enterprises("合并测试第1234号")).hasSize(1);
            assertThat(projects("合并测试第123", "350112", "350112")).hasSize(5);   // 第123x号 of 350112: 1232..1238 even
            assertThat(projects("合并测试第123", "350100", "350199")).hasSize(11);  // 第123号 and 第1230..1239号
        });
        merge.awaitQueued();
        assertThat(count("select count(*) from name_search_inbox")).isZero();
        assertThat(count("select count(*) from enterprise_name_search where name like '检索合并测试%'")).isEqualTo(2000);
        assertThat(count("select count(*) from project_name_search where name like '检索合并测试%'")).isEqualTo(2000);
        assertThat(enterprises("合并测试第1234号")).hasSize(1);
        assertThat(projects("合并测试第123", "350112", "350112")).hasSize(5);
        assertThat(projects("合并测试第123", "350100", "350199")).hasSize(11);
        // the merge left nothing in the GIN pending lists
        for (String index : SearchIndexMerge.INDEXES) {
            assertThat(jdbc.queryForObject("select gin_clean_pending_list(?::regclass)", Long.class, index)).isZero();
        }
    }

    @Test
    void withoutTheImportsSayNewNamesGoStraightToTheSearchTables() throws Exception {
        jdbc.update(ENTERPRISES);
        jdbc.update(PROJECTS);
        assertThat(count("select count(*) from name_search_inbox")).isZero();
        assertThat(count("select count(*) from project_name_search where name like '检索合并测试%'")).isEqualTo(2000);
        assertThat(enterprises("第1999号企业")).hasSize(1);
        assertThat(merge.merge()).isZero();
    }

    @Test
    void aRolledBackImportLeavesNothingToMergeAndQueuesNoMerge() throws Exception {
        long before = merge.merges();
        tx.executeWithoutResult(status -> {
            merge.deferInTransaction(client);
            jdbc.update(ENTERPRISES);
            status.setRollbackOnly();
        });
        assertThat(merge.merges()).isEqualTo(before);
        assertThat(count("select count(*) from name_search_inbox")).isZero();
        assertThat(enterprises("检索合并测试")).isEmpty();
    }

    @Test
    void aRowRenamedOrDeletedWhileItWaitsIsFoundUnderItsNewNameOnlyAndMergedSo() {
        // an import's rows, committed, before their merge (the flag set without queueing one)
        tx.executeWithoutResult(status -> {
            jdbc.execute("select set_config('zhaoshang.names_by_writer', 'on', true)");
            jdbc.update(ENTERPRISES);
            jdbc.update(PROJECTS);
        });
        assertThat(count("select count(*) from name_search_inbox")).isEqualTo(4000);
        jdbc.update("update enterprise set name = '改名后的闽江企业' where name = '检索合并测试第7号企业'");
        jdbc.update("update project set name = '改名后的闽江项目', region_code = '350102' where code = 'SIM-8'");
        jdbc.update("delete from project where code = 'SIM-9'");
        jdbc.update("delete from enterprise where name = '检索合并测试第11号企业'");
        assertThat(enterprises("第7号企业")).isEmpty();
        assertThat(enterprises("闽江企业")).hasSize(1);
        assertThat(projects("第8号项目", "350100", "350199")).isEmpty();
        assertThat(projects("闽江项目", "350112", "350112")).isEmpty();
        assertThat(projects("闽江项目", "350102", "350102")).hasSize(1);
        assertThat(projects("第9号项目", "350100", "350199")).isEmpty();
        assertThat(enterprises("第11号企业")).isEmpty();

        // 3,998 names (2,000 + 2,000 less the two deleted) and the list's 1,999 projects (V29)
        assertThat(merge.merge()).isEqualTo(3998 + 1999);
        assertThat(count("select count(*) from name_search_inbox")).isZero();
        assertThat(count("select count(*) from project_list_inbox")).isZero();
        assertThat(enterprises("第7号企业")).isEmpty();
        assertThat(enterprises("闽江企业")).hasSize(1);
        assertThat(projects("闽江项目", "350102", "350102")).hasSize(1);
        assertThat(projects("第9号项目", "350100", "350199")).isEmpty();
        assertThat(enterprises("第11号企业")).isEmpty();
        // the search tables hold each row once, as the ledger has it
        assertThat(count("""
                select count(*) from project p full join project_name_search s on s.id = p.id
                where s.id is null or p.id is null or (s.name, s.region_code) is distinct from (p.name, p.region_code)""")).isZero();
        assertThat(count("""
                select count(*) from enterprise e full join enterprise_name_search s on s.id = e.id
                where s.id is null or e.id is null or s.name is distinct from e.name""")).isZero();
    }

    @Test
    void aLargeInboxIsMergedInBatchesUntilItIsEmpty() {
        int n = 2 * SearchIndexMerge.BATCH + 5;
        tx.executeWithoutResult(status -> {
            jdbc.execute("select set_config('zhaoshang.names_by_writer', 'on', true)");
            jdbc.update("insert into enterprise (credit_code, name) select null, '分批合并企业' || i from generate_series(1, ?) i", n);
        });
        assertThat(merge.merge()).isEqualTo(n);
        assertThat(count("select count(*) from name_search_inbox")).isZero();
        assertThat(count("select count(*) from enterprise_name_search where name like '分批合并企业%'")).isEqualTo(n);
    }

    @Test
    void theSweepMergesWhatAStopLeftInTheInbox() throws Exception {
        tx.executeWithoutResult(status -> {
            jdbc.execute("select set_config('zhaoshang.names_by_writer', 'on', true)");
            jdbc.update(ENTERPRISES);
        });
        long before = merge.merges();
        merge.sweep();
        merge.awaitQueued();
        assertThat(merge.merges()).isEqualTo(before + 1);
        assertThat(count("select count(*) from name_search_inbox")).isZero();
        assertThat(count("select count(*) from enterprise_name_search where name like '检索合并测试%'")).isEqualTo(2000);
        merge.sweep();
        assertThat(merge.merges()).isEqualTo(before + 1);
    }
}
