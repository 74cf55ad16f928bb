package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditResult;
import cn.zhaoshang.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browsers log in through a form and keep a session (with a second factor for the roles the policy names); API clients
 * send HTTP Basic or a personal token. Without credentials the API answers 401 and a page redirects to the login form.
 * CSRF tokens guard every state change a browser session makes.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, UserAccounts accounts, LoginPolicies policies, Clock clock, ApiTokens tokens,
                                 AccountUserDetailsService users, AuditTrail audit) throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**", "/webjars/**", "/css/**",
                                "/js/**", "/img/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactor(accounts, policies)).permitAll())
                .httpBasic(basic -> basic.realmName("Zhaoshang"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .accessDeniedHandler(deniedOnRecord(audit)))
                .addFilterBefore(new BearerTokenFilter(tokens, users), BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionGate(accounts, policies, clock), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** After the password, a role the policy names must also give a one-time code (enrolling first if needed). */
    private static AuthenticationSuccessHandler secondFactor(UserAccounts accounts, LoginPolicies policies) {
        SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();
        proceed.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            var account = accounts.find(authentication.getName()).orElse(null);
            boolean needed = account != null && (account.totpEnabled()
                    || account.roles().stream().anyMatch(policies.current().totpRequiredRoles()::contains));
            if (needed) {
                request.getSession().setAttribute(SessionGate.MFA_PENDING, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + "/account/mfa");
            } else {
                proceed.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static AccessDeniedHandler deniedOnRecord(AuditTrail audit) {
        return (request, response, e) -> {
            String user = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
            audit.recordIndependentlyAs(user, new AuditEntry("ACCESS_DENIED", "endpoint",
                    request.getMethod() + " " + request.getRequestURI(), AuditResult.DENIED,
                    "{\"reason\":\"" + e.getClass().getSimpleName() + "\"}"));
            PermitInterceptor.deny(request, response);
        };
    }

    /**
     * A forged cross-site request rides on the victim's session cookie: every state change that carries a session (and
     * the login form itself) needs the token. API clients with HTTP Basic or a token, and requests without any session,
     * have nothing to ride on — so an API call without credentials answers 401, as the contract says, not 403.
     */
    private static boolean needsCsrf(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        String auth = request.getHeader("Authorization");
        if (auth != null && (auth.regionMatches(true, 0, "Basic ", 0, 6) || auth.regionMatches(true, 0, "Bearer ", 0, 7))) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getRequestedSessionId() != null || !path.startsWith("/api/");
    }
}
