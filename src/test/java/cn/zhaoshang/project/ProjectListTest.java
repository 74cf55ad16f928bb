package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list's pages and totals, whichever query shape ProjectListQuery picks (regions merged, units by name, one plain
 * query) and whether the total comes from the tally or a count: equal to one straightforward query, for random
 * filters, sorts, scopes and pages of a seeded random ledger.
 */
class ProjectListTest extends IntegrationTest {

    private static final Map<String, String> ORDER = Map.of("code", "p.code", "name", "p.name", "investment", "p.investment",
            "contactedOn", "p.contacted_on", "stage", "p.stage", "unit", "u.name");
    private static final String[] SORTS = {null, "code", "name", "investment", "contactedOn", "stage", "unit", "nonsense"};

    @Autowired
    Projects projects;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    @AfterEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void everyPageEqualsTheReferenceQuery() {
        RandomLedger ledger = new RandomLedger(5180518L).write(fixtures.jdbc(), 700);
        comparePages(ledger, 500);
    }

    /**
     * An import's new projects wait in V29's list inbox until their merge after commit: the pages are exact while they
     * wait (also for rows changed or deleted meanwhile), after each batch of the merge, and after it, when the list
     * table holds each project once, as the ledger has it.
     */
    @Test
    void pagesAreExactWhileAnImportsProjectsWaitInTheListInboxAndAfterTheirMerge() {
        RandomLedger ledger = new RandomLedger(20170719L).write(fixtures.jdbc(), 600);
        JdbcClient jdbc = fixtures.jdbc();
        tx.executeWithoutResult(status -> {
            jdbc.sql("select set_config('zhaoshang.names_by_writer', 'on', true)").query().listOfRows();
            jdbc.sql("create temporary table waiting on commit drop as select * from project where id % 3 = 0").update();
            jdbc.sql("delete from project where id % 3 = 0").update();
            jdbc.sql("""
                    insert into project (id, code, name, region_code, unit_id, investor_id, chain_id, investment, foreign_investment,
                                         utilized_foreign_capital, key_project, contacted_on, signed_on, landed_on, started_on,
                                         completed_on, terminated_on, event_id, on_stage, source, referrer_id, parent_id)
                    select id, code, name, region_code, unit_id, investor_id, chain_id, investment, foreign_investment,
                           utilized_foreign_capital, key_project, contacted_on, signed_on, landed_on, started_on, completed_on,
                           terminated_on, event_id, on_stage, source, referrer_id, parent_id from waiting""").update();
        });
        long waiting = count("select count(*) from project_list_inbox");
        assertThat(waiting).isEqualTo(count("select count(*) from project where id % 3 = 0")).isGreaterThan(100);
        assertThat(count("select count(*) from project_list where id % 3 = 0")).isZero();
        // changed while they wait: renamed, moved, re-valued, a stage further, a chain less; and some deleted
        jdbc.sql("update project set name = '改名' || name, investment = investment + 1 where id % 6 = 0").update();
        jdbc.sql("update project set region_code = '350104', chain_id = null where id % 9 = 0").update();
        jdbc.sql("update project set signed_on = contacted_on where id % 12 = 0 and signed_on is null and landed_eff is null"
                + " and terminated_on is null").update();
        jdbc.sql("delete from project where id % 15 = 0 and id not in (select parent_id from project where parent_id is not null)")
                .update();
        assertThat(count("select count(*) from project_list_inbox")).isLessThan(waiting).isGreaterThan(50);
        comparePages(ledger, 150);
        // merged in batches, exact between them
        assertThat(jdbc.sql("select project_list_merge(40)").query(Long.class).single()).isEqualTo(40);
        comparePages(ledger, 50);
        while (jdbc.sql("select project_list_merge(40)").query(Long.class).single() == 40) {
            assertThat(count("select count(*) from project_list_inbox")).isNotNegative();
        }
        assertThat(count("select count(*) from project_list_inbox")).isZero();
        assertThat(count("""
                select count(*) from project p full join project_list l on l.id = p.id
                where l.id is null or p.id is null
                   or (l.code, l.region_code, l.name, l.investment, l.stage, l.chain_id, l.key_project)
                      is distinct from (p.code, p.region_code, p.name, p.investment, p.stage, p.chain_id, p.key_project)""")).isZero();
        comparePages(ledger, 100);
    }

    private long count(String sql) {
        return fixtures.jdbc().sql(sql).query(Long.class).single();
    }

    private void comparePages(RandomLedger ledger, int pages) {
        Stage[] stages = {null, null, Stage.LEAD, Stage.SIGNED, Stage.LANDED, Stage.TERMINATED};
        Boolean[] keys = {null, null, true, false};
        for (int i = 0; i < pages; i++) {
            String region = ledger.pick(RandomLedger.SEARCH_REGIONS);
            DataScope scope = ledger.scope();
            Long unit = ledger.random.nextInt(6) == 0 ? ledger.units.get(ledger.random.nextInt(ledger.units.size())) : null;
            Long chain = ledger.random.nextInt(4) == 0 ? ledger.chains.get(ledger.random.nextInt(ledger.chains.size())) : null;
            String q = ledger.random.nextInt(5) == 0 ? ledger.searchText() : null;
            int size = ledger.pick(new Integer[] {3, 20, 50});
            int page = ledger.random.nextInt(4) == 0 ? ledger.random.nextInt(30) : ledger.random.nextInt(2);
            ProjectFilter f = new ProjectFilter(q, ledger.pick(stages), unit, chain, region, ledger.pick(keys),
                    ledger.pick(SORTS), ledger.random.nextBoolean(), page, size);
            List<String> all = reference(f, scope);
            Page<ProjectView> p = projects.list(f, scope);
            String what = f + " within " + scope;
            assertThat(p.total()).as(what).isEqualTo(all.size());
            int from = Math.min(all.size(), page * size);
            assertThat(p.items()).extracting(ProjectView::code).as(what)
                    .containsExactlyElementsOf(all.subList(from, Math.min(all.size(), from + size)));
        }
    }

    @Test
    void theDefaultOrderIsNewestContactFirstThenCode() {
        new RandomLedger(7L).write(fixtures.jdbc(), 120);
        List<String> codes = projects.list(new ProjectFilter(null, null, null, null, "350100", null, null, false, 0, 120),
                DataScope.EVERYTHING).items().stream().map(ProjectView::code).toList();
        assertThat(codes).isEqualTo(fixtures.jdbc().sql("""
                select code from project where region_code between '350100' and '350199'
                order by contacted_on desc, code""").query(String.class).list());
    }

    /** All matching rows in the list's order, in one query as plain as it gets. */
    private List<String> reference(ProjectFilter f, DataScope scope) {
        String sort = f.sort() != null && ORDER.containsKey(f.sort()) ? f.sort() : "contactedOn";
        boolean asc = f.sort() != null && ORDER.containsKey(f.sort()) && f.ascending();
        String[] r = f.regionCode() == null ? new String[] {"000000", "999999"} : range(f.regionCode());
        String t = f.q() == null || f.q().isBlank() ? null : f.q().trim();
        return fixtures.jdbc().sql("""
                        select p.code from project p
                        left join unit u on u.id = p.unit_id
                        left join enterprise inv on inv.id = p.investor_id
                        where p.region_code between :sf and :st and p.region_code between :rf and :rt
                          and (cast(:scopeUnit as bigint) is null or p.unit_id = :scopeUnit)
                          and (cast(:unit as bigint) is null or p.unit_id = :unit)
                          and (cast(:chain as bigint) is null or p.chain_id = :chain)
                          and (cast(:stage as text) is null or p.stage = :stage)
                          and (cast(:key as boolean) is null or p.key_project = :key)
                          and (cast(:t as text) is null or strpos(p.name, :t) > 0 or p.code = :code or strpos(inv.name, :t) > 0
                               or inv.credit_code = :code
                               or exists (select 1 from enterprise_alias a where a.enterprise_id = p.investor_id
                                          and strpos(a.alias, :t) > 0))
                        order by %s %s, p.code %s""".formatted(ORDER.get(sort), asc ? "asc" : "desc", asc ? "desc" : "asc"))
                .param("sf", scope.regionFrom()).param("st", scope.regionTo()).param("rf", r[0]).param("rt", r[1])
                .param("scopeUnit", scope.unitId()).param("unit", f.unitId()).param("chain", f.chainId())
                .param("stage", f.stage() == null ? null : f.stage().name()).param("key", f.keyProject())
                .param("t", t).param("code", t == null ? null : t.toUpperCase()).query(String.class).list();
    }

    private static String[] range(String region) {
        String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        return new String[] {(prefix + "000000").substring(0, 6), (prefix + "999999").substring(0, 6)};
    }
}
