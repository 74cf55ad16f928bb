package cn.zhaoshang.report;

import java.math.BigDecimal;

/** A count of projects and their total investment in 万元. */
public record Figures(long count, BigDecimal investment) {

    public static final Figures ZERO = new Figures(0, new BigDecimal("0.00"));
}
