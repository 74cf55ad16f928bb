package cn.zhaoshang.identity;

import java.time.Clock;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    AccountUserDetailsService(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount a = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("用户名或密码错误"));
        boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant());
        List<SimpleGrantedAuthority> authorities = a.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return User.withUsername(a.username()).password(a.passwordHash()).authorities(authorities)
                .disabled(!a.enabled()).accountLocked(locked).build();
    }
}
