package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The snapshot the history keeps: every contract column but the derived stage, in the contract's order, as text. */
class ProjectDraftTest {

    @Test
    void theSnapshotHoldsEveryColumnButTheStageInTheContractsOrderWithEmptyTextForNone() {
        ProjectDraft d = new ProjectDraft(null, "国信优易数据中心", "国信优易数据有限公司", "91350100MA2XN0LP6X", "350112", null,
                "数字经济", new BigDecimal("150000.5"), null, new BigDecimal("0"), true,
                new ProjectDates(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 5, 18), null, null, null, null),
                "第十九届海交会", false, null, "东华软件股份公司", "350112-2016-0001");
        Map<String, String> s = d.snapshot();
        assertThat(s.keySet()).containsExactly(Arrays.stream(ProjectColumn.values())
                .filter(c -> c != ProjectColumn.STAGE).map(ProjectColumn::header).toArray(String[]::new));
        assertThat(s.values()).containsExactly("", "国信优易数据中心", "国信优易数据有限公司", "91350100MA2XN0LP6X", "350112", "",
                "数字经济", "150000.50", "", "0.00", "是", "2017-03-01", "2017-05-18", "", "", "", "", "第十九届海交会", "否", "",
                "东华软件股份公司", "350112-2016-0001");
    }
}
