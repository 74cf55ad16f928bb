package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditResult;
import cn.zhaoshang.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Failed logins lock the account (5 in a row: 15 minutes, by default), through the form and HTTP Basic alike; logins,
 * failures and logouts go on record. A successful HTTP Basic request is not a login event worth a row each time.
 */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final LoginPolicies policies;
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttempts(UserAccounts accounts, LoginPolicies policies, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            LoginPolicy p = policies.current();
            Instant now = clock.instant();
            accounts.recordFailure(username, p.lockAfter(), now, now.plus(Duration.ofMinutes(p.lockMinutes())));
        }
        String reason = event.getException().getClass().getSimpleName();
        audit.recordIndependentlyAs(username, new AuditEntry("LOGIN", "user", username, AuditResult.FAILURE,
                "{\"reason\":\"" + reason + "\"}"));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName(), clock.instant());
    }

    @EventListener
    void interactive(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordIndependentlyAs(username, AuditEntry.success("LOGIN", "user", username, null));
    }

    @EventListener
    void logout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordIndependentlyAs(username, AuditEntry.success("LOGOUT", "user", username, null));
    }
}
