package cn.zhaoshang.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Named permissions and the roles that hold them (separation of duties: the system administrator keeps accounts and
 * master data but no business data, the security administrator the login policy and locks, the auditor reads).
 */
public enum Permission {
    PROJECT_READ("project:read", "查看项目", Role.OFFICE, Role.UNIT_STAFF, Role.LEADER, Role.AUDITOR),
    PROJECT_EDIT("project:edit", "新建、修改项目", Role.OFFICE, Role.UNIT_STAFF),
    PROJECT_IMPORT("project:import", "导入项目", Role.OFFICE, Role.UNIT_STAFF),
    REPORT_READ("report:read", "查看统计报表和简报", Role.OFFICE, Role.UNIT_STAFF, Role.LEADER, Role.AUDITOR),
    MASTERDATA_READ("masterdata:read", "查看基础数据", Role.SYSTEM_ADMIN, Role.OFFICE, Role.UNIT_STAFF, Role.LEADER, Role.AUDITOR),
    MASTERDATA_EDIT("masterdata:edit", "维护基础数据（单位、企业、产业链、签约活动）", Role.SYSTEM_ADMIN, Role.OFFICE),
    USER_MANAGE("user:manage", "管理账号（新建、停用、重置密码、分配角色和单位）", Role.SYSTEM_ADMIN),
    SECURITY_MANAGE("security:manage", "登录策略、解锁账号、分配角色", Role.SECURITY_ADMIN),
    AUDIT_READ("audit:read", "查看审计日志", Role.AUDITOR, Role.SECURITY_ADMIN),
    VISIT_READ("visit:read", "查看小分队、走访记录和跟进", Role.OFFICE, Role.UNIT_STAFF, Role.LEADER, Role.AUDITOR),
    VISIT_EDIT("visit:edit", "录入走访、维护小分队和批次、完成跟进", Role.OFFICE, Role.UNIT_STAFF),
    VISIT_IMPORT("visit:import", "导入走访记录", Role.OFFICE, Role.UNIT_STAFF);

    private final String code;
    private final String label;
    private final Set<Role> roles;

    Permission(String code, String label, Role... roles) {
        this.code = code;
        this.label = label;
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
    }

    /** The authority string, e.g. {@code project:edit}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Set<Role> roles() {
        return roles;
    }

    public static Set<Permission> of(Set<Role> roles) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission p : values()) {
            if (p.roles.stream().anyMatch(roles::contains)) {
                permissions.add(p);
            }
        }
        return permissions;
    }
}
