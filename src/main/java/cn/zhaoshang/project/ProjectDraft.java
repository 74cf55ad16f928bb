package cn.zhaoshang.project;

import cn.zhaoshang.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    /** Every column as text, the form the history keeps and compares. */
    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ProjectColumn.CODE.header(), code);
        m.put(ProjectColumn.NAME.header(), name);
        m.put(ProjectColumn.INVESTOR.header(), investor);
        m.put(ProjectColumn.CREDIT_CODE.header(), creditCode);
        m.put(ProjectColumn.REGION.header(), regionCode);
        m.put(ProjectColumn.UNIT.header(), unit);
        m.put(ProjectColumn.CHAIN.header(), chain);
        m.put(ProjectColumn.INVESTMENT.header(), text(investment));
        m.put(ProjectColumn.FOREIGN_INVESTMENT.header(), text(foreignInvestment));
        m.put(ProjectColumn.UTILIZED_FOREIGN_CAPITAL.header(), text(utilizedForeignCapital));
        m.put(ProjectColumn.KEY_PROJECT.header(), keyProject ? "是" : "否");
        m.put(ProjectColumn.CONTACTED_ON.header(), text(dates.contactedOn()));
        m.put(ProjectColumn.SIGNED_ON.header(), text(dates.signedOn()));
        m.put(ProjectColumn.LANDED_ON.header(), text(dates.landedOn()));
        m.put(ProjectColumn.STARTED_ON.header(), text(dates.startedOn()));
        m.put(ProjectColumn.COMPLETED_ON.header(), text(dates.completedOn()));
        m.put(ProjectColumn.TERMINATED_ON.header(), text(dates.terminatedOn()));
        m.put(ProjectColumn.EVENT.header(), event);
        m.put(ProjectColumn.ON_STAGE.header(), onStage ? "是" : "否");
        m.put(ProjectColumn.SOURCE.header(), source);
        m.put(ProjectColumn.REFERRER.header(), referrer);
        m.put(ProjectColumn.PARENT_CODE.header(), parentCode);
        m.replaceAll((k, v) -> v == null ? "" : v);
        return m;
    }

    private static String text(Object o) {
        if (o instanceof BigDecimal b) {
            return Money.scale2(b).toPlainString();
        }
        return Objects.toString(o, "");
    }
}
