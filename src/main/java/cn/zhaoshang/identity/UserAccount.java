package cn.zhaoshang.identity;

import java.time.Instant;
import java.util.Set;

/** An account. {@code regionCode} bounds what it sees (null: the whole country); {@code unitId} narrows unit staff. */
public record UserAccount(long id, String username, String passwordHash, String displayName, Set<Role> roles,
                          String regionCode, Long unitId, String unitName, boolean temporaryPassword, boolean enabled,
                          String disabledReason, int failedLogins, Instant lockedUntil, Instant passwordChangedAt,
                          Instant lastLoginAt, Instant createdAt, String totpSecret, boolean totpEnabled, Long totpLastStep,
                          int version) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The last sign of use: the last login, else the day the account was made. */
    public Instant lastUse() {
        return lastLoginAt != null ? lastLoginAt : createdAt;
    }
}
