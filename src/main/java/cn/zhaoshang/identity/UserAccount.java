package cn.zhaoshang.identity;

import java.time.Instant;
import java.util.Set;

/** An account. {@code regionCode} bounds what it sees; {@code unitId} narrows unit staff to their unit. */
public record UserAccount(long id, String username, String passwordHash, String displayName, Set<Role> roles,
                          String regionCode, Long unitId, boolean temporaryPassword, boolean enabled, int failedLogins,
                          Instant lockedUntil, int version) {
}
