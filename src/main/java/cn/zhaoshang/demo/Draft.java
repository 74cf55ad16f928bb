package cn.zhaoshang.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One ledger row while it is being generated; becomes a CONTRACT §3 row in {@link #toRow}. */
final class Draft {

    static final String REGION = "350112";

    final String name;
    String investor = "";
    String creditCode = "";
    String unit;
    String chain;
    long investment;
    Long foreign;
    Long utilized;
    boolean key;
    String event = "";
    boolean onStage;
    String source = "";
    String referrer = "";
    String parentName;
    boolean named;
    boolean mustStart;
    LocalDate contacted;
    LocalDate signed;
    LocalDate landed;
    LocalDate started;
    LocalDate completed;
    LocalDate terminated;
    String code;

    Draft(String name, String unit, String chain, long investment) {
        this.name = name;
        this.unit = unit;
        this.chain = chain;
        this.investment = investment;
    }

    Draft investor(Investors.Investor investor) {
        this.investor = investor.name();
        this.creditCode = investor.code();
        return this;
    }

    Draft key() {
        this.key = true;
        return this;
    }

    Draft source(String source) {
        this.source = source;
        return this;
    }

    Draft referrer(String referrer) {
        this.referrer = referrer;
        return this;
    }

    Draft foreign(long foreign, long utilized) {
        this.foreign = foreign;
        this.utilized = utilized == 0 ? null : utilized;
        return this;
    }

    Draft parent(String parentName) {
        this.parentName = parentName;
        return this;
    }

    Draft mustStart() {
        this.mustStart = true;
        return this;
    }

    Draft dates(String contacted, String signed, String landed, String started) {
        this.contacted = LocalDate.parse(contacted);
        this.signed = signed == null ? null : LocalDate.parse(signed);
        this.landed = landed == null ? null : LocalDate.parse(landed);
        this.started = started == null ? null : LocalDate.parse(started);
        return this;
    }

    Map<String, String> toRow(String parentCode) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("项目编号", code);
        row.put("项目名称", name);
        row.put("投资方", investor);
        row.put("统一社会信用代码", creditCode);
        row.put("行政区划代码", REGION);
        row.put("责任单位", unit);
        row.put("产业链", chain);
        row.put("总投资(万元)", BigDecimal.valueOf(investment).toPlainString());
        row.put("外资(万美元)", foreign == null ? "" : BigDecimal.valueOf(foreign).toPlainString());
        row.put("实际利用外资(万美元)", utilized == null ? "" : BigDecimal.valueOf(utilized).toPlainString());
        row.put("重点项目", key ? "是" : "否");
        row.put("对接日期", text(contacted));
        row.put("签约日期", text(signed));
        row.put("落地日期", text(landed));
        row.put("开工日期", text(started));
        row.put("竣工日期", text(completed));
        row.put("终止日期", text(terminated));
        row.put("签约活动", event);
        row.put("上台签约", onStage ? "是" : "否");
        row.put("来源", source);
        row.put("引荐企业", referrer);
        row.put("上级项目编号", parentCode == null ? "" : parentCode);
        return row;
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
