package cn.zhaoshang.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The downloadable import template: the headers, one example row, and a sheet explaining every column. */
@Component
class ImportTemplate {

    record Help(ProjectColumn column, String example, String explanation) {
    }

    static final List<Help> HELP = List.of(
            new Help(ProjectColumn.CODE, "", "选填。填写则按编号新增或更新该项目；不填则按“行政区划+项目名称”匹配已有项目，没有则新增并自动编号"),
            new Help(ProjectColumn.NAME, "智慧医疗产业园项目", "必填"),
            new Help(ProjectColumn.INVESTOR, "福州智医科技有限公司", "选填。投资企业名称；先按统一社会信用代码匹配，再按名称匹配，没有则新建"),
            new Help(ProjectColumn.CREDIT_CODE, cn.zhaoshang.sheet.CreditCodes.complete("91350100MA2Y4K8P3"), "选填。18位统一社会信用代码（GB 32100-2015），校验位必须正确"),
            new Help(ProjectColumn.REGION, "350112", "必填。6位行政区划代码（GB/T 2260），旧代码（如350182长乐市）自动转为新代码"),
            new Help(ProjectColumn.UNIT, "东南大数据产业园", "选填。市直部门、乡镇（街道）或工业园区，按名称在本区域内匹配，没有则新建"),
            new Help(ProjectColumn.CHAIN, "医疗健康", "选填。产业链名称，没有则新建"),
            new Help(ProjectColumn.INVESTMENT, "50000", "必填。单位：万元；不能为负，最多两位小数"),
            new Help(ProjectColumn.FOREIGN_INVESTMENT, "", "选填。单位：万美元"),
            new Help(ProjectColumn.UTILIZED_FOREIGN_CAPITAL, "", "选填。单位：万美元"),
            new Help(ProjectColumn.KEY_PROJECT, "是", "选填。是/否"),
            new Help(ProjectColumn.CONTACTED_ON, "2017-03-15", "必填。首次对接日期，格式 yyyy-MM-dd 或 yyyy/M/d，或 Excel 日期"),
            new Help(ProjectColumn.SIGNED_ON, "2017-05-18", "选填。签约日期；各日期须满足 对接≤签约≤落地≤开工≤竣工"),
            new Help(ProjectColumn.LANDED_ON, "", "选填。落地（企业注册、项目落户）日期"),
            new Help(ProjectColumn.STARTED_ON, "", "选填。开工（动建）日期"),
            new Help(ProjectColumn.COMPLETED_ON, "", "选填。竣工（投产）日期"),
            new Help(ProjectColumn.TERMINATED_ON, "", "选填。终止日期，不能早于对接日期"),
            new Help(ProjectColumn.EVENT, "第十九届海交会", "选填。签约所在的活动"),
            new Help(ProjectColumn.ON_STAGE, "是", "选填。是/否；为“是”时必须同时填写签约活动和签约日期"),
            new Help(ProjectColumn.SOURCE, "小分队拜访", "选填。项目来源"),
            new Help(ProjectColumn.REFERRER, "", "选填。以商招商时引荐本项目的企业"),
            new Help(ProjectColumn.PARENT_CODE, "", "选填。由线索裂变而来时，填写上级项目编号；上级项目的总投资只计其自身部分，合计时不重复计算"),
            new Help(ProjectColumn.STAGE, "已签约", "选填。线索/已签约/落地/开工/竣工/终止；填写时须与日期一致，系统按日期判定阶段"));

    byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Zhaoshang", "1.0");
        Worksheet data = wb.newWorksheet("项目");
        Worksheet help = wb.newWorksheet("填写说明");
        help.value(0, 0, "列名");
        help.value(0, 1, "是否必填");
        help.value(0, 2, "说明");
        help.style(0, 0).bold().set();
        help.style(0, 1).bold().set();
        help.style(0, 2).bold().set();
        for (int i = 0; i < HELP.size(); i++) {
            Help h = HELP.get(i);
            data.value(0, i, h.column().header());
            data.style(0, i).bold().fillColor(h.column().required() ? "FCE4D6" : "DDEBF7").set();
            data.width(i, Math.max(12, h.column().header().length() * 2.5));
            if (!h.example().isEmpty()) {
                data.value(1, i, h.example());
            }
            help.value(i + 1, 0, h.column().header());
            help.value(i + 1, 1, h.column().required() ? "必填" : "选填");
            help.value(i + 1, 2, h.explanation());
        }
        help.width(0, 22);
        help.width(1, 10);
        help.width(2, 90);
        data.freezePane(0, 1);
        wb.finish();
        return out.toByteArray();
    }
}
