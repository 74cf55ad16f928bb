package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.sheet.SheetRow;
import cn.zhaoshang.support.IntegrationTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's total from the tally (V11) equals count(*) for every region, stage, key-project and chain filter, after
 * imports (COPY), re-imports, form edits, statements that move many projects, deletes, truncation and compaction.
 */
class ProjectTallyTest extends IntegrationTest {

    private static final String[] REGIONS = {"000000", "350000", "350100", "350112", "350121", "350200", "350203", "110000"};
    private static final Stage[] STAGES = {null, Stage.LEAD, Stage.SIGNED, Stage.LANDED, Stage.STARTED, Stage.COMPLETED,
        Stage.TERMINATED};

    @Autowired
    Projects projects;

    @Autowired
    ProjectEditing editing;

    @Autowired
    ProjectImport projectImport;

    @Autowired
    ProjectCounts counts;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @BeforeEach
    @AfterEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void theTallyCountsWhatCountStarCounts() {
        JdbcClient jdbc = fixtures.jdbc();
        fixtures.changleDemo();
        assertCountsAgree("demo import");

        new RandomLedger(42L).write(jdbc, 300);
        assertCountsAgree("row inserts");

        String code = editing.create(form("长乐滨海项目", "350112", "2017-03-01", null), "alice", DataScope.EVERYTHING,
                RowGuard.allowAll());
        assertCountsAgree("form create");
        int version = projects.find(code, DataScope.EVERYTHING).orElseThrow().version();
        editing.update(code, version, form("长乐滨海项目", "350121", "2017-03-01", "2017-05-18"), "alice", DataScope.EVERYTHING,
                RowGuard.allowAll());
        assertCountsAgree("form edit moving region and stage");

        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(importRow("T" + i, "导入项目" + i, i % 2 == 0 ? "350112" : "350203", i % 3 == 0 ? "2017-04-01" : ""));
        }
        importRows(rows);
        assertCountsAgree("import of new projects");
        rows.replaceAll(r -> {
            Map<String, String> m = new LinkedHashMap<>(r);
            m.put("签约日期", "2017-06-01");
            m.put("重点项目", "是");
            return m;
        });
        importRows(rows);
        assertCountsAgree("re-import changing stage and key project");

        jdbc.sql("update project set chain_id = null where id % 3 = 0").update();
        jdbc.sql("update project set region_code = '350203' where id % 7 = 0").update();
        jdbc.sql("update project set terminated_on = contacted_on + 400 where id % 11 = 0").update();
        jdbc.sql("update project set investment = investment + 1").update();
        assertCountsAgree("updates of many rows");

        jdbc.sql("delete from project_revision where project_id % 5 = 0").update();
        jdbc.sql("update project set parent_id = null").update();
        jdbc.sql("delete from project where id % 5 = 0").update();
        assertCountsAgree("deletes");

        long rows0 = jdbc.sql("select count(*) from project_tally").query(Long.class).single();
        counts.compact();
        long rows1 = jdbc.sql("select count(*) from project_tally").query(Long.class).single();
        assertThat(rows1).isLessThan(rows0);
        assertThat(jdbc.sql("select count(*) from (select 1 from project_tally group by region_code, chain_id, stage, key_project"
                + " having count(*) > 1 or sum(n) = 0) x").query(Long.class).single()).isZero();
        assertCountsAgree("compaction");

        jdbc.sql("truncate project_revision, project cascade").update();
        assertThat(jdbc.sql("select count(*) from project_tally").query(Long.class).single()).isZero();
        new RandomLedger(43L).write(jdbc, 50);
        assertCountsAgree("truncate and insert");
    }

    @Test
    void aRolledBackTransactionLeavesTheTallyAlone() {
        fixtures.changleDemo();
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            new RandomLedger(44L).write(fixtures.jdbc(), 30);
            fixtures.jdbc().sql("update project set key_project = not key_project").update();
            tx.setRollbackOnly();
        });
        assertCountsAgree("rollback");
    }

    private void assertCountsAgree(String after) {
        JdbcClient jdbc = fixtures.jdbc();
        record Group(String region, String stage, boolean key, Long chain, long n) {
        }
        List<Group> groups = jdbc.sql("select region_code, stage, key_project, chain_id, count(*) from project group by 1, 2, 3, 4")
                .query((rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getBoolean(3), (Long) rs.getObject(4),
                        rs.getLong(5))).list();
        List<Long> chains = new ArrayList<>(jdbc.sql("select id from industry_chain").query(Long.class).list());
        chains.add(null);
        int turn = 0;
        for (String region : REGIONS) {
            String[] range = range(region);
            DataScope scope = new DataScope(range[0], range[1], null);
            for (Stage stage : STAGES) {
                for (Boolean key : new Boolean[] {null, true, false}) {
                    // every chain filter for the whole country, one of them (in turn) elsewhere: the keys are independent
                    List<Long> someChains = region.equals("000000") ? chains : java.util.Collections.singletonList(chains.get(turn++ % chains.size()));
                    for (Long chain : someChains) {
                        ProjectFilter f = new ProjectFilter(null, stage, null, chain, null, key, null, false, 0, 1);
                        long expected = groups.stream()
                                .filter(g -> g.region().compareTo(range[0]) >= 0 && g.region().compareTo(range[1]) <= 0)
                                .filter(g -> stage == null || g.stage().equals(stage.name()))
                                .filter(g -> key == null || g.key() == key)
                                .filter(g -> chain == null || chain.equals(g.chain()))
                                .mapToLong(Group::n).sum();
                        assertThat(counts.total(ListConditions.of(f, scope))).as("after %s: %s in %s", after, f, region)
                                .isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(projects.list(ProjectFilter.firstPage(), DataScope.EVERYTHING).total()).as("after %s", after)
                .isEqualTo(groups.stream().mapToLong(Group::n).sum());
    }

    private void importRows(List<Map<String, String>> rows) {
        List<SheetRow> sheet = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            sheet.add(new SheetRow(i + 2, rows.get(i)));
        }
        projectImport.importRows("tally.csv", List.copyOf(rows.get(0).keySet()), sheet, "test", RowGuard.allowAll());
    }

    private static Map<String, String> importRow(String code, String name, String region, String signed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("项目编号", code);
        m.put("项目名称", name);
        m.put("行政区划代码", region);
        m.put("产业链", "大数据");
        m.put("总投资(万元)", "1000");
        m.put("对接日期", "2017-03-01");
        m.put("签约日期", signed);
        m.put("重点项目", "否");
        return m;
    }

    private static Map<ProjectColumn, String> form(String name, String region, String contacted, String signed) {
        Map<ProjectColumn, String> m = new EnumMap<>(ProjectColumn.class);
        m.put(ProjectColumn.NAME, name);
        m.put(ProjectColumn.REGION, region);
        m.put(ProjectColumn.INVESTMENT, "100");
        m.put(ProjectColumn.CONTACTED_ON, contacted);
        m.put(ProjectColumn.CHAIN, "医疗健康");
        if (signed != null) {
            m.put(ProjectColumn.SIGNED_ON, signed);
        }
        return m;
    }

    private static String[] range(String region) {
        if (region.equals("000000")) {
            return new String[] {"000000", "999999"};
        }
        String prefix = region.endsWith("0000") ? region.substring(0, 2) : region.endsWith("00") ? region.substring(0, 4) : region;
        return new String[] {(prefix + "000000").substring(0, 6), (prefix + "999999").substring(0, 6)};
    }
}
