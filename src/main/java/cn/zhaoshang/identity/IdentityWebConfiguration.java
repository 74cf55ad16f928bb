package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditTrail;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

    private final AuditTrail audit;
    private final LoginPolicies policies;

    IdentityWebConfiguration(AuditTrail audit, LoginPolicies policies) {
        this.audit = audit;
        this.policies = policies;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermitInterceptor(audit));
    }

    /** Idle sessions end after the policy's minutes (30 by default). */
    @Bean
    HttpSessionListener idleTimeout() {
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent se) {
                se.getSession().setMaxInactiveInterval(policies.current().idleMinutes() * 60);
            }
        };
    }
}
