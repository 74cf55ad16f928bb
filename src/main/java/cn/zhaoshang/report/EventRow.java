package cn.zhaoshang.report;

import java.math.BigDecimal;

/** A signing event's figures over the pool's projects signed there by {@code to}, and those signed on stage. */
public record EventRow(String event, long count, BigDecimal investment, BigDecimal foreignInvestment,
                       BigDecimal utilizedForeignCapital, Amounts onStage) {

    public record Amounts(long count, BigDecimal investment, BigDecimal foreignInvestment, BigDecimal utilizedForeignCapital) {
    }
}
