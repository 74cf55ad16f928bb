package cn.zhaoshang.project;

import java.util.Arrays;
import java.util.Optional;

/** The contract's columns (CONTRACT.md §3): the header in files and the name in JSON and forms. */
public enum ProjectColumn {
    CODE("项目编号", "code"),
    NAME("项目名称", "name"),
    INVESTOR("投资方", "investor"),
    CREDIT_CODE("统一社会信用代码", "creditCode"),
    REGION("行政区划代码", "region"),
    UNIT("责任单位", "unit"),
    CHAIN("产业链", "chain"),
    INVESTMENT("总投资(万元)", "investment"),
    FOREIGN_INVESTMENT("外资(万美元)", "foreignInvestment"),
    UTILIZED_FOREIGN_CAPITAL("实际利用外资(万美元)", "utilizedForeignCapital"),
    KEY_PROJECT("重点项目", "keyProject"),
    CONTACTED_ON("对接日期", "contactedOn"),
    SIGNED_ON("签约日期", "signedOn"),
    LANDED_ON("落地日期", "landedOn"),
    STARTED_ON("开工日期", "startedOn"),
    COMPLETED_ON("竣工日期", "completedOn"),
    TERMINATED_ON("终止日期", "terminatedOn"),
    EVENT("签约活动", "event"),
    ON_STAGE("上台签约", "onStage"),
    SOURCE("来源", "source"),
    REFERRER("引荐企业", "referrer"),
    PARENT_CODE("上级项目编号", "parentCode"),
    STAGE("阶段", "stage");

    private final String header;
    private final String field;

    ProjectColumn(String header, String field) {
        this.header = header;
        this.field = field;
    }

    public String header() {
        return header;
    }

    public String field() {
        return field;
    }

    public boolean required() {
        return this == NAME || this == REGION || this == INVESTMENT || this == CONTACTED_ON;
    }

    public static Optional<ProjectColumn> byHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }
}
