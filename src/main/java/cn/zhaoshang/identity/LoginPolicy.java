package cn.zhaoshang.identity;

import java.util.Set;

/** The login policy the security administrator sets (defaults: MLPS 2.0 level 3). */
public record LoginPolicy(int minLength, int minClasses, int lockAfter, int lockMinutes, int idleMinutes,
                          int passwordMaxAgeDays, int inactiveDisableDays, int auditRetentionDays, Set<Role> totpRequiredRoles,
                          int version) {
}
