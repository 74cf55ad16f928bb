package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditResult;
import cn.zhaoshang.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one place permissions are checked: every handler of the application declares {@link Permit}; one that does not
 * is refused, so an endpoint added later without a declaration is closed, not open. Refusals go on record.
 */
class PermitInterceptor implements HandlerInterceptor {

    private final AuditTrail audit;

    PermitInterceptor(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("cn.zhaoshang")) {
            return true;
        }
        Permit permit = required(method);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (permit != null && (permit.anonymous() || allowed(permit, auth))) {
            return true;
        }
        String user = auth == null ? null : auth.getName();
        audit.recordIndependentlyAs(user, new AuditEntry("ACCESS_DENIED", "endpoint", request.getMethod() + " " + request.getRequestURI(),
                AuditResult.DENIED, permit == null ? "{\"reason\":\"undeclared\"}" : null));
        deny(request, response);
        return false;
    }

    static Permit required(HandlerMethod method) {
        Permit p = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Permit.class);
        return p != null ? p : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Permit.class);
    }

    static boolean allowed(Permit permit, Authentication auth) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        if (permit.value().length == 0) {
            return true;
        }
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return Arrays.stream(permit.value()).map(Permission::code).anyMatch(held::contains);
    }

    static void deny(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        if (path.startsWith("/api/") || accept == null || !accept.contains("text/html")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getOutputStream().write("{\"type\":\"about:blank\",\"title\":\"没有权限\",\"status\":403,\"detail\":\"您的账号没有执行此操作的权限\"}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            response.sendRedirect(request.getContextPath() + "/denied");
        }
    }
}
