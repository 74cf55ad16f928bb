package cn.zhaoshang.identity;

/** The roles of CONTRACT.md §6, with separation of duties (三权分立). */
public enum Role {
    SYSTEM_ADMIN("系统管理员"),
    SECURITY_ADMIN("安全管理员"),
    AUDITOR("审计员"),
    OFFICE("招商办"),
    UNIT_STAFF("责任单位"),
    LEADER("领导");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
