package cn.zhaoshang.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact money: storage in 万元 with two decimals, briefings in 亿元. */
public final class Money {

    private static final BigDecimal WAN_PER_YI = BigDecimal.valueOf(10_000);

    private Money() {
    }

    public static BigDecimal scale2(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** 19476000.00 万元 → "1947.6": 亿元 with at most two decimals and no trailing zeros. */
    public static String yi(BigDecimal wan) {
        BigDecimal yi = scale2(wan).divide(WAN_PER_YI, 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return yi.signum() == 0 ? "0" : yi.toPlainString();
    }

    /** 万元 shown to people: thousands separators, decimals only where there are some. */
    public static String wan(BigDecimal wan) {
        BigDecimal v = scale2(wan).stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.##");
        f.setParseBigDecimal(true);
        return f.format(v);
    }
}
