package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** In a logged-in browser session, every state-changing endpoint refuses a request without the CSRF token. */
class CsrfTest extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void everyStateChangeWithoutTheTokenIsRefused() throws Exception {
        fixtures.reset();
        String password = fixtures.account("csrf-office", "OFFICE", "350112", null);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        String token = token(loginPage);
        HttpResponse<String> login = browser.send(form("/login", Map.of("username", "csrf-office", "password", password, "_csrf", token)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.send(get("/projects"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        List<String> accepted = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            if (!m.getValue().getBeanType().getPackageName().startsWith("cn.zhaoshang")) {
                continue;
            }
            for (var method : m.getKey().getMethodsCondition().getMethods()) {
                if (method.name().equals("GET")) {
                    continue;
                }
                for (String pattern : m.getKey().getPatternValues()) {
                    String path = pattern.replaceAll("\\{id}", "987654321").replaceAll("\\{[^}]+}", "nobody-x");
                    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                            .method(method.name(), HttpRequest.BodyPublishers.ofString("a=b")).build();
                    int status = browser.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                    checked++;
                    if (status != 403) {
                        accepted.add(method + " " + path + " → " + status);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(accepted).as("state changes accepted without a CSRF token").isEmpty();

        // the same session with the token gets through
        String page = browser.send(get("/account/tokens"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> withToken = browser.send(form("/account/tokens", Map.of("name", "测试令牌", "_csrf", token(page))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("zs_");
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build();
    }
}
