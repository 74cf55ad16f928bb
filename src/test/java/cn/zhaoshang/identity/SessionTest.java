package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Browser sessions: a new id at login, the idle timeout on the application's clock; a TOTP code counts once. */
class SessionTest extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @AfterEach
    void clean() {
        fixtures.reset();
    }

    @Test
    void loginChangesTheSessionIdAndIdleSessionsEndAfter30Minutes() throws Exception {
        fixtures.reset();
        String password = fixtures.account("idle-office", "OFFICE", "350112", null);
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        String before = session(cookies);
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String body = "username=idle-office&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session(cookies)).isNotNull().isNotEqualTo(before);

        assertThat(browser.send(get("/projects"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(browser.send(get("/projects"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        HttpResponse<String> idle = browser.send(get("/projects"), HttpResponse.BodyHandlers.ofString());
        assertThat(idle.statusCode()).isEqualTo(302);
        assertThat(idle.headers().firstValue("Location").orElse("")).contains("/login?expired");
        HttpResponse<String> after = browser.send(get("/projects"), HttpResponse.BodyHandlers.ofString());
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aTotpTimeStepIsAcceptedOnlyOnce() {
        fixtures.reset();
        fixtures.account("totp-user", "LEADER", "350112", null);
        long id = accounts.find("totp-user").orElseThrow().id();
        accounts.setTotp(id, Totp.newSecret(), true);
        assertThat(accounts.useTotpStep(id, 1_000)).isTrue();
        assertThat(accounts.useTotpStep(id, 1_000)).as("the same code again").isFalse();
        assertThat(accounts.useTotpStep(id, 999)).as("an older code").isFalse();
        assertThat(accounts.useTotpStep(id, 1_001)).isTrue();
    }

    private String session(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
    }
}
