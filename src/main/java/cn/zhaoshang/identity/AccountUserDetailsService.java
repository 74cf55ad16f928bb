package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for login, whatever the channel (password, HTTP Basic, token): locked and disabled accounts are refused, an account unused for
 * longer than the policy allows is disabled here, and the authorities are its roles and their permissions.
 */
@Component
class AccountUserDetailsService {

    private final UserAccounts accounts;
    private final LoginPolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    AccountUserDetailsService(UserAccounts accounts, LoginPolicies policies, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    public UserDetails loadUserByUsername(String username) {
        UserAccount a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
        Instant now = clock.instant();
        boolean enabled = a.enabled();
        if (enabled && a.lastUse() != null
                && a.lastUse().plus(Duration.ofDays(policies.current().inactiveDisableDays())).isBefore(now)) {
            accounts.setEnabled(a.id(), false, "超过" + policies.current().inactiveDisableDays() + "天未使用", now);
            audit.recordIndependentlyAs(a.username(), AuditEntry.success("USER_DISABLE_INACTIVE", "user", a.username(), null));
            enabled = false;
        }
        return User.withUsername(a.username()).password(a.passwordHash()).authorities(authorities(a.roles()))
                .disabled(!enabled).accountLocked(a.lockedAt(now)).build();
    }

    /** Roles and their permissions; the first admin acts as the investment office until business accounts exist. */
    List<GrantedAuthority> authorities(Set<Role> roles) {
        Set<Role> effective = EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
        if (roles.contains(Role.SYSTEM_ADMIN) && !accounts.anyBusinessAccount()) {
            effective.add(Role.OFFICE);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        Permission.of(effective).forEach(p -> authorities.add(new SimpleGrantedAuthority(p.code())));
        return authorities;
    }
}
