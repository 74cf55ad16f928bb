package cn.zhaoshang.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project as the API and pages show it: the contract's columns under their English names. */
public record ProjectView(String code, String name, String investor, String creditCode, String region, String regionName,
                          String unit, String unitKind, String chain, BigDecimal investment, BigDecimal foreignInvestment,
                          BigDecimal utilizedForeignCapital, boolean keyProject, LocalDate contactedOn, LocalDate signedOn,
                          LocalDate landedOn, LocalDate startedOn, LocalDate completedOn, LocalDate terminatedOn,
                          String event, boolean onStage, String source, String referrer, String parentCode, Stage stage,
                          String stageName, int version) {
}
