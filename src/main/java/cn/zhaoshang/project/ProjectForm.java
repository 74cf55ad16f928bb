package cn.zhaoshang.project;

import cn.zhaoshang.common.Money;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The project form as the user typed it: one text per contract column (by its English field name) and, when editing,
 * the version that was read. The validator parses the text, exactly as it parses a spreadsheet row.
 */
public record ProjectForm(Map<String, String> values, Integer version) {

    public ProjectForm {
        values = Map.copyOf(values);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The columns' raw text, as ProjectEditing takes it (a mutable map: update sets the code). */
    public Map<ProjectColumn, String> raw() {
        Map<ProjectColumn, String> raw = new EnumMap<>(ProjectColumn.class);
        for (ProjectColumn c : ProjectColumn.values()) {
            raw.put(c, value(c.field()));
        }
        return raw;
    }

    /** From the posted parameters; unknown parameters (the CSRF token, …) are left out. */
    public static ProjectForm of(Map<String, String> params) {
        Map<String, String> values = new HashMap<>();
        for (ProjectColumn c : ProjectColumn.values()) {
            String v = params.get(c.field());
            values.put(c.field(), v == null ? "" : v.trim());
        }
        Integer version = null;
        try {
            version = params.get("version") == null ? null : Integer.valueOf(params.get("version").trim());
        } catch (NumberFormatException e) {
            version = -1; // a tampered version can only conflict
        }
        return new ProjectForm(values, version);
    }

    /** A new project: the default region (and unit, for unit staff) and first contact today. */
    public static ProjectForm blank(String region, String unit, String today) {
        Map<String, String> values = new HashMap<>();
        values.put(ProjectColumn.REGION.field(), region);
        values.put(ProjectColumn.UNIT.field(), unit);
        values.put(ProjectColumn.CONTACTED_ON.field(), today);
        values.put(ProjectColumn.KEY_PROJECT.field(), "否");
        values.put(ProjectColumn.ON_STAGE.field(), "否");
        return new ProjectForm(values, null);
    }

    /** An existing project, to edit; the stage is left for the dates to decide. */
    public static ProjectForm of(ProjectView p) {
        Map<String, String> v = new HashMap<>();
        v.put("code", p.code());
        v.put("name", p.name());
        v.put("investor", p.investor());
        v.put("creditCode", p.creditCode());
        v.put("region", p.region());
        v.put("unit", p.unit());
        v.put("chain", p.chain());
        v.put("investment", plain(p.investment()));
        v.put("foreignInvestment", plain(p.foreignInvestment()));
        v.put("utilizedForeignCapital", plain(p.utilizedForeignCapital()));
        v.put("keyProject", p.keyProject() ? "是" : "否");
        v.put("contactedOn", Objects.toString(p.contactedOn(), ""));
        v.put("signedOn", Objects.toString(p.signedOn(), ""));
        v.put("landedOn", Objects.toString(p.landedOn(), ""));
        v.put("startedOn", Objects.toString(p.startedOn(), ""));
        v.put("completedOn", Objects.toString(p.completedOn(), ""));
        v.put("terminatedOn", Objects.toString(p.terminatedOn(), ""));
        v.put("event", p.event());
        v.put("onStage", p.onStage() ? "是" : "否");
        v.put("source", p.source());
        v.put("referrer", p.referrer());
        v.put("parentCode", p.parentCode());
        v.put("stage", "");
        v.replaceAll((k, x) -> x == null ? "" : x);
        return new ProjectForm(v, p.version());
    }

    private static String plain(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal v = Money.scale2(amount).stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** One input of the form: its column, how it is entered, and a hint. */
    public record Field(ProjectColumn column, String type, String hint, String cols) {

        public String name() {
            return column.field();
        }

        public String label() {
            return column.header();
        }
    }

    public record Section(String title, List<Field> fields) {
    }

    /** Every contract column, in the order a person fills them in. */
    public static final List<Section> SECTIONS = List.of(
            new Section("基本信息", List.of(
                    new Field(ProjectColumn.NAME, "text", null, "col-md-8"),
                    new Field(ProjectColumn.CODE, "code", "不填则自动编号", "col-md-4"),
                    new Field(ProjectColumn.INVESTOR, "text", "投资企业名称", "col-md-8"),
                    new Field(ProjectColumn.CREDIT_CODE, "creditCode", "18位，校验位须正确", "col-md-4"),
                    new Field(ProjectColumn.REGION, "region", "6位代码；旧代码自动转为新代码", "col-md-4"),
                    new Field(ProjectColumn.UNIT, "unit", "市直部门、乡镇（街道）或工业园区", "col-md-4"),
                    new Field(ProjectColumn.CHAIN, "chain", null, "col-md-4"),
                    new Field(ProjectColumn.SOURCE, "text", "如 小分队拜访、客商来访", "col-md-4"),
                    new Field(ProjectColumn.REFERRER, "text", "以商招商时引荐本项目的企业", "col-md-4"),
                    new Field(ProjectColumn.KEY_PROJECT, "flag", null, "col-md-4"))),
            new Section("投资额", List.of(
                    new Field(ProjectColumn.INVESTMENT, "amount", "不能为负，最多两位小数", "col-md-4"),
                    new Field(ProjectColumn.FOREIGN_INVESTMENT, "amount", null, "col-md-4"),
                    new Field(ProjectColumn.UTILIZED_FOREIGN_CAPITAL, "amount", null, "col-md-4"))),
            new Section("进度日期", List.of(
                    new Field(ProjectColumn.CONTACTED_ON, "date", "首次对接", "col-md-4"),
                    new Field(ProjectColumn.SIGNED_ON, "date", null, "col-md-4"),
                    new Field(ProjectColumn.LANDED_ON, "date", "企业注册、项目落户", "col-md-4"),
                    new Field(ProjectColumn.STARTED_ON, "date", "动建", "col-md-4"),
                    new Field(ProjectColumn.COMPLETED_ON, "date", "投产", "col-md-4"),
                    new Field(ProjectColumn.TERMINATED_ON, "date", "不能早于对接日期", "col-md-4"),
                    new Field(ProjectColumn.STAGE, "stage", "阶段由日期判定；填写时须与日期一致", "col-md-4"))),
            new Section("签约与项目关系", List.of(
                    new Field(ProjectColumn.EVENT, "event", "如 第十九届海交会", "col-md-4"),
                    new Field(ProjectColumn.ON_STAGE, "flag", "为“是”时须填写签约活动和签约日期", "col-md-4"),
                    new Field(ProjectColumn.PARENT_CODE, "text", "由线索裂变而来时填写", "col-md-4"))));
}
