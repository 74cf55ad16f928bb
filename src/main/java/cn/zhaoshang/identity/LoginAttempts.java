package cn.zhaoshang.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Five failed logins in a row lock the account for 15 minutes, through the form and HTTP Basic alike. */
@Component
class LoginAttempts {

    static final int LOCK_AFTER = 5;
    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final UserAccounts accounts;
    private final Clock clock;

    LoginAttempts(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.recordFailure(event.getAuthentication().getName(), LOCK_AFTER, clock.instant().plus(LOCK_FOR));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName(), clock.instant());
    }
}
