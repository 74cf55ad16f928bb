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

    @BeforeEach
    @AfterEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void everyPageEqualsTheReferenceQuery() {
        RandomLedger ledger = new RandomLedger(5180518L).write(fixtures.jdbc(), 700);
        Stage[] stages = {null, null, Stage.LEAD, Stage.SIGNED, Stage.LANDED, Stage.TERMINATED};
        Boolean[] keys = {null, null, true, false};
        for (int i = 0; i < 500; i++) {
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
