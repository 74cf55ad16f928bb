package cn.zhaoshang.project;

import cn.zhaoshang.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A project as a person wrote it (a sheet row or a form), validated: names of unit, investor, chain, event
 * and referrer are not yet resolved to records. {@code code} is null when one is to be assigned.
 */
public record ProjectDraft(String code, String name, String investor, String creditCode, String regionCode, String unit,
                           String chain, BigDecimal investment, BigDecimal foreignInvestment,
                           BigDecimal utilizedForeignCapital, boolean keyProject, ProjectDates dates, String event,
                           boolean onStage, String source, String referrer, String parentCode) {

    public ProjectDraft withCode(String newCode) {
        return new ProjectDraft(newCode, name, investor, creditCode, regionCode, unit, chain, investment, foreignInvestment,
                utilizedForeignCapital, keyProject, dates, event, onStage, source, referrer, parentCode);
    }

    public Stage stage() {
        return dates.stage();
    }

    /** The columns of {@link #snapshot()}, in its order. */
    private static final String[] SNAPSHOT_HEADERS = java.util.stream.Stream.of(ProjectColumn.CODE, ProjectColumn.NAME,
            ProjectColumn.INVESTOR, ProjectColumn.CREDIT_CODE, ProjectColumn.REGION, ProjectColumn.UNIT, ProjectColumn.CHAIN,
            ProjectColumn.INVESTMENT, ProjectColumn.FOREIGN_INVESTMENT, ProjectColumn.UTILIZED_FOREIGN_CAPITAL,
            ProjectColumn.KEY_PROJECT, ProjectColumn.CONTACTED_ON, ProjectColumn.SIGNED_ON, ProjectColumn.LANDED_ON,
            ProjectColumn.STARTED_ON, ProjectColumn.COMPLETED_ON, ProjectColumn.TERMINATED_ON, ProjectColumn.EVENT,
            ProjectColumn.ON_STAGE, ProjectColumn.SOURCE, ProjectColumn.REFERRER, ProjectColumn.PARENT_CODE)
            .map(ProjectColumn::header).toArray(String[]::new);

    /**
     * Every column as text ("" for none), the form the history keeps and compares. Converted in one loop: an import
     * builds one per row, and C2 compiles one conversion of an amount and of a date instead of three and six inlined
     * copies (with them the method took C2 about a second of CPU in a fresh server's first large import).
     */
    public Map<String, String> snapshot() {
        Object[] values = {code, name, investor, creditCode, regionCode, unit, chain, investment, foreignInvestment,
                utilizedForeignCapital, keyProject ? "是" : "否", dates.contactedOn(), dates.signedOn(), dates.landedOn(),
                dates.startedOn(), dates.completedOn(), dates.terminatedOn(), event, onStage ? "是" : "否", source, referrer,
                parentCode};
        Map<String, String> m = new LinkedHashMap<>(32);
        for (int i = 0; i < values.length; i++) {
            m.put(SNAPSHOT_HEADERS[i], text(values[i]));
        }
        return m;
    }

    private static String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof BigDecimal b) {
            return Money.scale2(b).toPlainString();
        }
        return o.toString();
    }
}
