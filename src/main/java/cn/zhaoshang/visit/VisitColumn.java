package cn.zhaoshang.visit;

/** The columns of CONTRACT.md §5: the header in files, the field name in forms and JSON. */
enum VisitColumn {
    DATE("日期", "date", 0, "走访或来访考察的日期，不能晚于今天；yyyy-MM-dd、yyyy/M/d 或 Excel 日期"),
    TEAM("小分队", "team", 100, "招商小分队名称，在所属区域内按名称匹配，没有则新建"),
    REGION("行政区划代码", "region", 0, "小分队所属行政区划代码（旧代码自动转为新代码）；不填为您账号所在区域"),
    BATCH("批次", "batch", 100, "外出批次，如 2017年第3批；没有则新建"),
    CITY("城市", "city", 50, "拜访所在城市，如 北京（外出拜访时填写）"),
    ENTERPRISE("企业", "enterprise", 200, "企业名称；先按统一社会信用代码、再按名称或别名匹配，没有则新建"),
    CREDIT_CODE("统一社会信用代码", "creditCode", 0, "企业的18位统一社会信用代码，校验位须正确"),
    KIND("方式", "kind", 0, "外出拜访（小分队上门）或 来访考察（企业来我市考察）"),
    LEADER("带队领导", "leader", 200, "带队领导，如 市委书记 许南吉"),
    MEMBERS("参加人员", "members", 500, "参加人员"),
    DISCUSSION("洽谈内容", "discussion", 2000, "洽谈内容"),
    NEXT_STEP("下一步", "nextStep", 1000, "下一步工作"),
    FOLLOW_UP_ON("下次跟进日期", "followUpOn", 0, "下次跟进日期，不能早于走访日期；到期前后列入跟进提醒"),
    PROJECT_CODE("关联项目编号", "projectCode", 64, "本次走访涉及的项目编号，须是您能查看的项目");

    private final String header;
    private final String field;
    private final int maxLength;
    private final String hint;

    VisitColumn(String header, String field, int maxLength, String hint) {
        this.header = header;
        this.field = field;
        this.maxLength = maxLength;
        this.hint = hint;
    }

    public String hint() {
        return hint;
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
