package cn.zhaoshang.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed requests get 4xx problem+json with a Chinese detail; none gets a 5xx or a stack trace. */
class ApiErrorsTest extends IntegrationTest {

    @org.junit.jupiter.api.BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void badReportParametersAreNamedInChinese() {
        assertProblem("/api/v1/reports/summary?region=350112&from=2017-13-01&to=2017-07-31", 400, "from");
        assertProblem("/api/v1/reports/summary?region=999999&from=2017-01-01&to=2017-07-31", 400, "未知的行政区划代码");
        assertProblem("/api/v1/reports/summary?from=2017-01-01&to=2017-07-31", 400, "region");
        assertProblem("/api/v1/reports/by-unit?region=350112&from=2017-01-01", 400, "to");
        assertProblem("/api/v1/reports/events?region=350112&from=2017-07-31&to=2017-01-01", 400, "不能早于");
        assertProblem("/api/v1/reports/briefing?region=abc&from=2017-01-01&to=2017-07-31", 400, "行政区划");
        assertProblem("/api/v1/projects?page=-1", 400, "page");
        assertProblem("/api/v1/projects?size=x", 400, "size");
        assertProblem("/api/v1/projects?stage=SOMETHING", 400, "stage");
        assertProblem("/api/v1/projects/NO-SUCH-PROJECT", 404, "项目不存在");
    }

    @Test
    void withoutCredentialsTheApiAnswers401AndThePagesRedirectToLogin() {
        Http anonymous = Http.anonymous(port);
        assertThat(anonymous.get("/api/v1/projects").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/reports/summary?region=350112&from=2017-01-01&to=2017-07-31").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous.get("/projects");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(as("admin", "wrong-password").get("/api/v1/projects").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void oddRequestsNeverProduceA5xx() {
        for (String path : List.of("/api/v1/reports/summary?region=%E9%95%BF&from=&to=", "/api/v1/projects/%00",
                "/api/v1/reports/projects?region=350112&from=2017-01-01&to=2017-07-31&stage=X",
                "/api/v1/reports/projects?region=350112&from=2017-01-01&to=2017-07-31&onStage=maybe",
                "/api/v1/nothing-here")) {
            HttpResponse<String> r = admin().get(path);
            assertThat(r.statusCode()).as(path + " → " + r.body()).isBetween(400, 499);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at cn.");
        }
        HttpResponse<String> json = admin().postJson("/api/v1/projects/import", "{not json");
        assertThat(json.statusCode()).isBetween(400, 499);
    }

    /** Paths Tomcat refuses before the application sees them are answered in Chinese too, never by its English report. */
    @Test
    void requestsTheServerRefusesAtTheDoorAreAnsweredInChinese() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/projects/%00", "/projects/a%00b", "/api/v1/projects/%2f", "/a%5Cb")) {
            for (String accept : List.of("text/html,application/xhtml+xml", "application/json")) {
                HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
                String what = path + " (" + accept + ") → " + r.body();
                assertThat(r.statusCode()).as(what).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Language")).as(what).contains("zh-CN");
                assertThat(r.body()).as(what).contains("请求有误").contains("无法识别").doesNotContain("HTTP Status")
                        .doesNotContain("Tomcat").doesNotContain("Exception");
                boolean page = accept.startsWith("text/html") && !path.startsWith("/api/");
                assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what)
                        .startsWith(page ? "text/html" : "application/problem+json");
                if (!page) {
                    assertThat(Json.parse(r.body()).get("status").asInt()).isEqualTo(400);
                }
            }
        }
    }

    private void assertProblem(String path, int status, String detailContains) {
        HttpResponse<String> r = admin().get(path);
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        String detail = Json.parse(r.body()).get("detail").asText();
        assertThat(detail).contains(detailContains).matches(".*\\p{IsHan}.*");
    }
}
