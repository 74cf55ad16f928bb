package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps — now or later — times every role and anonymous, built from the request mappings
 * themselves: an endpoint answers a role only when its declared permission includes the role, and never 2xx otherwise.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String path, Permit permit) {
        boolean api() {
            return path.startsWith("/api/");
        }

        Set<Role> allowed() {
            if (permit == null) {
                return EnumSet.noneOf(Role.class);
            }
            if (permit.anonymous() || permit.value().length == 0) {
                return EnumSet.allOf(Role.class);
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Permission p : permit.value()) {
                roles.addAll(p.roles());
            }
            return roles;
        }
    }

    @org.junit.jupiter.api.AfterEach
    void leaveNoAccountsBehind() {
        fixtures.reset();
    }

    @Test
    void everyRoleReachesExactlyWhatItsPermissionsAllow() {
        fixtures.reset();
        Map<Role, Http> users = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String name = "m-" + role.name().toLowerCase().replace('_', '-');
            users.put(role, as(name, fixtures.account(name, role.name(), "350112", role == Role.UNIT_STAFF ? "吴航街道" : null)));
        }
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the application's own endpoints").hasSizeGreaterThan(30);
        List<String> unexpected = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : endpoints) {
            assertThat(e.permit()).as(e.method() + " " + e.path() + " declares no @Permit").isNotNull();
            HttpResponse<String> anonymous = send(Http.anonymous(port), e);
            if (!e.permit().anonymous()) {
                // the API answers 401; a page redirects to the login form, or refuses a state change without a CSRF token
                boolean refused = e.api() ? anonymous.statusCode() == 401
                        : anonymous.statusCode() == 302 && anonymous.headers().firstValue("Location").orElse("").endsWith("/login")
                        || anonymous.statusCode() == 403 && !e.method().equals("GET");
                if (!refused) {
                    unexpected.add("anonymous " + e.method() + " " + e.path() + " → " + anonymous.statusCode());
                }
            }
            for (Role role : Role.values()) {
                HttpResponse<String> r = send(users.get(role), e);
                int status = r.statusCode();
                boolean denied = status == 403 || status == 401;
                checked++;
                if (e.allowed().contains(role) && denied) {
                    unexpected.add(role + " refused " + e.method() + " " + e.path() + " → " + status);
                }
                if (!e.allowed().contains(role) && (!denied || status / 100 == 2)) {
                    unexpected.add(role + " reached " + e.method() + " " + e.path() + " → " + status);
                }
                if (status >= 500) {
                    unexpected.add(role + " " + e.method() + " " + e.path() + " → " + status + " " + r.body());
                }
            }
        }
        assertThat(unexpected).as("checked " + checked + " role × endpoint pairs").isEmpty();
    }

    private HttpResponse<String> send(Http http, Endpoint e) {
        return switch (e.method()) {
            case "GET" -> http.get(e.path());
            case "POST" -> e.path().endsWith("/import") ? http.upload(e.path(), "x.csv", new byte[0]) : http.postJson(e.path(), "{}");
            default -> http.send(e.method(), e.path(), "{}");
        };
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = m.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("cn.zhaoshang")) {
                continue;
            }
            Set<String> methods = new java.util.TreeSet<>();
            m.getKey().getMethodsCondition().getMethods().forEach(x -> methods.add(x.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String pattern : m.getKey().getPatternValues()) {
                // values no record has, so an allowed request changes nothing: 404 or 400 instead
                String path = pattern.replaceAll("\\{id}", "987654321").replaceAll("\\{[^}]+}", "nobody-x");
                for (String method : methods) {
                    endpoints.add(new Endpoint(method, path, PermitInterceptor.required(handler)));
                }
            }
        }
        return endpoints;
    }
}
