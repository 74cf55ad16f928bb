package cn.zhaoshang.visit;

/** The columns of CONTRACT.md §5: the header in files, the field name in forms and JSON. */
enum VisitColumn {
    DATE("日期", "date", 0),
    TEAM("小分队", "team", 100),
    REGION("行政区划代码", "region", 0),
    BATCH("批次", "batch", 100),
    CITY("城市", "city", 50),
    ENTERPRISE("企业", "enterprise", 200),
    CREDIT_CODE("统一社会信用代码", "creditCode", 0),
    KIND("方式", "kind", 0),
    LEADER("带队领导", "leader", 200),
    MEMBERS("参加人员", "members", 500),
    DISCUSSION("洽谈内容", "discussion", 2000),
    NEXT_STEP("下一步", "nextStep", 1000),
    FOLLOW_UP_ON("下次跟进日期", "followUpOn", 0),
    PROJECT_CODE("关联项目编号", "projectCode", 64);

    private final String header;
    private final String field;
    private final int maxLength;

    VisitColumn(String header, String field, int maxLength) {
        this.header = header;
        this.field = field;
        this.maxLength = maxLength;
    }

    public String header() {
        return header;
    }

    public String field() {
        return field;
    }

    public int maxLength() {
        return maxLength;
    }

    public boolean required() {
        return this == DATE || this == TEAM || this == ENTERPRISE || this == KIND;
    }
}
