package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.common.DataScope;
import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.sheet.SheetRow;
import cn.zhaoshang.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Search finds a project by any part of its name or its investor's name or alias, or by the exact code or credit code. */
class ProjectSearchTest extends IntegrationTest {

    private static final String CODE = CreditCodes.complete("91350200MA2Y4K8P3");

    @Autowired
    ProjectImport projectImport;

    @Autowired
    Projects projects;

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
}
