package cn.zhaoshang.report;

import java.math.BigDecimal;

/** A by-unit or by-chain row: the pool's projects of one key and, of them, the landed ones. */
public record GroupRow(String key, String region, long count, BigDecimal investment, Figures landed) {
}
