package cn.zhaoshang.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What must happen before any other use: a temporary or expired password must be changed (the API answers 403, a
 * browser is sent to the change page), and a browser session of a role that needs a second factor must pass it.
 */
class SessionGate extends OncePerRequestFilter {

    static final String MFA_PENDING = "zhaoshang.mfa.pending";
    static final String LAST_SEEN = "zhaoshang.lastSeen";
    private static final Set<String> ALWAYS_OPEN = Set.of("/logout", "/error", "/login", "/api/v1/me", "/api/v1/me/password");

    private final UserAccounts accounts;
    private final LoginPolicies policies;
    private final Clock clock;

    SessionGate(UserAccounts accounts, LoginPolicies policies, Clock clock) {
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName()) || open(path)) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = path.startsWith("/api/");
        HttpSession session = request.getSession(false);
        if (session != null && idleTooLong(session)) {
            // the policy's idle timeout, measured on the application's clock; the container's own timeout backs it up
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (api) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        if (!api && session != null && session.getAttribute(MFA_PENDING) != null && !path.startsWith("/account/mfa")) {
            response.sendRedirect(request.getContextPath() + "/account/mfa");
            return;
        }
        var account = accounts.find(auth.getName()).orElse(null);
        if (account != null && mustChangePassword(account) && !path.startsWith("/account/password")) {
            if (api) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/problem+json;charset=UTF-8");
                response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"没有权限\",\"status\":403,"
                        + "\"detail\":\"须先修改密码才能使用：请调用 POST /api/v1/me/password\"}").getBytes(StandardCharsets.UTF_8));
            } else {
                response.sendRedirect(request.getContextPath() + "/account/password");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean idleTooLong(HttpSession session) {
        java.time.Instant now = clock.instant();
        Object last = session.getAttribute(LAST_SEEN);
        session.setAttribute(LAST_SEEN, now);
        return last instanceof java.time.Instant seen
                && seen.plus(Duration.ofMinutes(policies.current().idleMinutes())).isBefore(now);
    }

    boolean mustChangePassword(UserAccount a) {
        return a.temporaryPassword() || a.passwordChangedAt() != null
                && a.passwordChangedAt().plus(Duration.ofDays(policies.current().passwordMaxAgeDays())).isBefore(clock.instant());
    }

    private static boolean open(String path) {
        return ALWAYS_OPEN.contains(path) || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/img/") || path.startsWith("/actuator/health");
    }
}
