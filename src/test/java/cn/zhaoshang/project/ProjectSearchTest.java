package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.platform.VersionedCache;
import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.sheet.SheetRow;
import cn.zhaoshang.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search finds a project by any part of its name or its investor's name or alias, or by the exact code or credit code:
 * a few cases by hand, then a seeded random ledger searched every way against a straightforward reference query.
 */
class ProjectSearchTest extends IntegrationTest {

    private static final String CODE = CreditCodes.complete("91350200MA2Y4K8P3");

    @Autowired
    ProjectImport projectImport;

    @Autowired
    Projects projects;

    @Autowired
    VersionedCache kept;

    @BeforeEach
    @AfterEach
    void empty() {
        fixtures.reset();
    }

    private void importRows(List<Map<String, String>> rows) {
        List<SheetRow> sheet = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            sheet.add(new SheetRow(i + 2, rows.get(i)));
        }
        projectImport.importRows("search.csv", List.copyOf(rows.get(0).keySet()), sheet, "test", RowGuard.allowAll());
    }

    private static Map<String, String> row(String code, String name, String investor, String creditCode, String region) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("项目编号", code);
        m.put("项目名称", name);
        m.put("投资方", investor);
        m.put("统一社会信用代码", creditCode);
        m.put("行政区划代码", region);
        m.put("总投资(万元)", "1000");
        m.put("对接日期", "2017-03-01");
        return m;
    }

    private List<String> search(String q, String region) {
        return projects.list(new ProjectFilter(q, null, null, null, region, null, "code", true, 0, 50), DataScope.EVERYTHING)
                .items().stream().map(ProjectView::code).toList();
    }

    @Test
    void everyWayOfMatchingFindsTheSameProjects() {
        importRows(List.of(
                row("S1", "华恒大数据中心", "福州华恒数据科技有限公司", "", "350112"),
                row("S2", "东南物流园", "厦门远景物流有限公司", CODE, "350112"),
                row("S3", "百分之100%项目", "", "", "350112"),
                row("S4", "华恒大数据中心（二期）", "", "", "350102")));
        // the same credit code under a new name: the name becomes an alias of the enterprise
        importRows(List.of(row("S5", "远景冷链中心", "远景冷链（厦门）有限公司", CODE, "350112")));

        assertThat(search("华恒", null)).containsExactly("S1", "S4");
        assertThat(search("华恒", "350112")).containsExactly("S1");
        assertThat(search("数据科技", null)).containsExactly("S1");
        assertThat(search("冷链（厦门）", null)).containsExactly("S2", "S5");
        assertThat(search(CODE.toLowerCase(), null)).containsExactly("S2", "S5");
        assertThat(search("s3", null)).containsExactly("S3");
        assertThat(search("0%", null)).containsExactly("S3");
        assertThat(search("%", null)).containsExactly("S3");
        assertThat(search("华", null)).containsExactly("S1", "S4");
        assertThat(search("恒大数据中心（二", null)).containsExactly("S4");
        assertThat(search("不存在的名字", null)).isEmpty();
        assertThat(projects.list(new ProjectFilter("华恒", null, null, null, null, null, null, false, 0, 1), DataScope.EVERYTHING)
                .total()).isEqualTo(2);
    }

    @Test
    void aSearchFindsExactlyWhatTheReferenceQueryFinds() {
        RandomLedger ledger = new RandomLedger(20171107L).write(fixtures.jdbc(), 600);
        Set<String> dense = new HashSet<>();
        Set<String> sparse = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            String q = ledger.searchText();
            if (q.isBlank()) {
                continue; // no search at all: the whole list
            }
            String region = ledger.pick(RandomLedger.SEARCH_REGIONS);
            DataScope scope = ledger.scope();
            ProjectFilter f = new ProjectFilter(q, null, null, null, region, null, "code", true, 0, 500);
            List<String> expected = reference(q, region, scope);
            String what = "search \"" + q + "\" in " + region + " within " + scope;
            Page<ProjectView> page = projects.list(f, scope);
            assertThat(page.total()).as(what).isEqualTo(expected.size());
            assertThat(page.items()).extracting(ProjectView::code).as(what).containsExactlyElementsOf(expected);
            (expected.size() * 10 < ledger.codes.size() ? sparse : dense).add(q);
        }
        assertThat(dense).as("searches with many matches").hasSizeGreaterThan(20);
        assertThat(sparse).as("searches with few matches").hasSizeGreaterThan(20);
    }

    /**
     * A search is kept (V23) and answered again without its query, until a change that could alter what it finds or their
     * order: each such change, made as plainly as SQL can, must show in the very next search.
     */
    @Test
    void aKeptSearchIsAnsweredAgainUntilAChangeCouldAlterIt() {
        importRows(List.of(
                row("K1", "华恒大数据中心", "福州华恒数据科技有限公司", "", "350112"),
                row("K2", "东南物流园", "厦门远景物流有限公司", "", "350112"),
                row("K3", "海峡冷链中心", "福建海峡冷链有限公司", "", "350112")));
        assertThat(search("华恒", null)).containsExactly("K1");
        long[] before = kept.counts();
        assertThat(search("华恒", null)).containsExactly("K1");
        assertThat(kept.counts()[0]).as("answered from the cache").isEqualTo(before[0] + 1);
        assertThat(kept.counts()[1]).as("not computed again").isEqualTo(before[1]);

        fixtures.jdbc().sql("update project set name = '华恒物流园' where code = 'K2'").update();
        assertThat(search("华恒", null)).as("a project renamed").containsExactly("K1", "K2");

        assertThat(search("海峡", null)).containsExactly("K3");
        fixtures.jdbc().sql("update enterprise set name = '福建华恒冷链有限公司' where name = '福建海峡冷链有限公司'").update();
        assertThat(search("华恒", null)).as("an investor renamed").containsExactly("K1", "K2", "K3");
        assertThat(search("海峡", null)).as("its old name").containsExactly("K3"); // still the project's own name

        assertThat(search("远景", null)).containsExactly("K2");
        fixtures.jdbc().sql("""
                insert into enterprise_alias (enterprise_id, alias)
                select investor_id, '远景华东冷链' from project where code = 'K3'""").update();
        assertThat(search("远景", null)).as("an alias added").containsExactly("K2", "K3");
        fixtures.jdbc().sql("delete from enterprise_alias where alias = '远景华东冷链'").update();
        assertThat(search("远景", null)).as("an alias removed").containsExactly("K2");

        String code = CreditCodes.complete("91350100MA2XN5L7X");
        assertThat(search(code, null)).isEmpty();
        fixtures.jdbc().sql("update enterprise set credit_code = :c where name = '厦门远景物流有限公司'").param("c", code).update();
        assertThat(search(code, null)).as("a credit code given").containsExactly("K2");

        long a = unit("350112", "A局");
        long b = unit("350112", "B局");
        fixtures.jdbc().sql("update project set unit_id = :a where code = 'K1'").param("a", a).update();
        fixtures.jdbc().sql("update project set unit_id = :b where code = 'K3'").param("b", b).update();
        assertThat(byUnit("华恒")).containsExactly("K1", "K3", "K2");
        fixtures.jdbc().sql("update unit set name = 'C局' where id = :a").param("a", a).update();
        assertThat(byUnit("华恒")).as("a unit renamed").containsExactly("K3", "K1", "K2");
    }

    /**
     * A search is kept per region (V23): a county's stays while another county's projects change, and goes when a
     * project of its own region is written, or moved in or out; a prefecture's goes with any of its counties.
     */
    @Test
    void aCountysKeptSearchStaysWhileAnotherCountyWrites() {
        importRows(List.of(
                row("A1", "华恒物流园", "", "", "350112"),
                row("B1", "华恒冷链中心", "", "", "350102")));
        assertThat(search("华恒", "350112")).containsExactly("A1");
        assertThat(search("华恒", "350100")).containsExactly("A1", "B1");

        fixtures.jdbc().sql("update project set name = '华恒冷链中心二期' where code = 'B1'").update();
        long[] before = kept.counts();
        assertThat(search("华恒", "350112")).containsExactly("A1");
        assertThat(kept.counts()[0]).as("the county's search kept while 350102 wrote").isEqualTo(before[0] + 1);
        assertThat(kept.counts()[1]).isEqualTo(before[1]);
        assertThat(search("华恒", "350100")).as("the prefecture's computed again").containsExactly("A1", "B1");
        assertThat(kept.counts()[1]).isEqualTo(before[1] + 1);

        importRows(List.of(row("A2", "华恒数据港", "", "", "350112")));
        assertThat(search("华恒", "350112")).as("a project of its own region").containsExactly("A1", "A2");

        // B1 moves from 350102 to 350112: both counties' searches change
        assertThat(search("华恒", "350102")).containsExactly("B1");
        importRows(List.of(row("B1", "华恒冷链中心二期", "", "", "350112")));
        assertThat(search("华恒", "350112")).as("moved in").containsExactly("A1", "A2", "B1");
        assertThat(search("华恒", "350102")).as("moved out").isEmpty();

        fixtures.jdbc().sql("delete from project_revision where project_id = (select id from project where code = 'A2')").update();
        fixtures.jdbc().sql("delete from project where code = 'A2'").update();
        assertThat(search("华恒", "350112")).as("a project deleted").containsExactly("A1", "B1");
    }

    private long unit(String region, String name) {
        return fixtures.jdbc().sql("insert into unit (region_code, name, kind) values (:r, :n, 'DEPARTMENT') returning id")
                .param("r", region).param("n", name).query(Long.class).single();
    }

    /** Sorted by unit name, ascending (no unit last), ties by code descending. */
    private List<String> byUnit(String q) {
        return projects.list(new ProjectFilter(q, null, null, null, null, null, "unit", true, 0, 50), DataScope.EVERYTHING)
                .items().stream().map(ProjectView::code).toList();
    }

    /** The search as plainly as it can be said: no LIKE, no index, no escaping. */
    private List<String> reference(String q, String region, DataScope scope) {
        String t = q.trim();
        String[] r = region == null ? new String[] {"000000", "999999"} : range(region);
        return fixtures.jdbc().sql("""
                        select p.code from project p left join enterprise inv on inv.id = p.investor_id
                        where p.region_code between :sf and :st and p.region_code between :rf and :rt
                          and (cast(:unit as bigint) is null or p.unit_id = :unit)
                          and (strpos(p.name, :t) > 0 or p.code = :code or strpos(inv.name, :t) > 0 or inv.credit_code = :code
                               or exists (select 1 from enterprise_alias a where a.enterprise_id = p.investor_id
                                          and strpos(a.alias, :t) > 0))
                        order by p.code""")
                .param("sf", scope.regionFrom()).param("st", scope.regionTo()).param("rf", r[0]).param("rt", r[1])
                .param("unit", scope.unitId()).param("t", t).param("code", t.toUpperCase()).query(String.class).list();
    }

    private static String[] range(String region) {
        String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        return new String[] {(prefix + "000000").substring(0, 6), (prefix + "999999").substring(0, 6)};
    }
}
