package cn.zhaoshang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Lockout, temporary and expiring passwords, inactive accounts, the password rules — with the clock moved by the test. */
class LoginPolicyTest extends IntegrationTest {

    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void empty() {
        fixtures.reset();
    }

    @Test
    void fiveFailuresInARowLockTheAccountFor15MinutesWhateverTheChannel() {
        String password = fixtures.account("zhang", "OFFICE", "350112", null);
        for (int i = 0; i < 5; i++) {
            assertThat(as("zhang", "wrong-" + i).get("/api/v1/projects").statusCode()).isEqualTo(401);
        }
        assertThat(as("zhang", password).get("/api/v1/projects").statusCode()).as("locked even with the right password").isEqualTo(401);
        clock.advance(Duration.ofMinutes(14));
        assertThat(as("zhang", password).get("/api/v1/projects").statusCode()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(as("zhang", password).get("/api/v1/projects").statusCode()).isEqualTo(200);
        assertThat(accounts.find("zhang").orElseThrow().failedLogins()).isZero();
    }

    @Test
    void fourFailuresThenASuccessStartTheCountAgain() {
        String password = fixtures.account("li", "OFFICE", "350112", null);
        for (int i = 0; i < 4; i++) {
            as("li", "wrong").get("/api/v1/projects");
        }
        assertThat(as("li", password).get("/api/v1/projects").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            as("li", "wrong").get("/api/v1/projects");
        }
        assertThat(as("li", password).get("/api/v1/projects").statusCode()).isEqualTo(200);
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnyOtherUse() {
        HttpResponse<String> created = admin().postJson("/api/v1/users",
                "{\"username\":\"wang\",\"password\":\"Temp-Pass-2017!\",\"roles\":[\"LEADER\"],\"region\":\"350112\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.parse(created.body()).get("temporary").asBoolean()).isTrue();
        Http wang = as("wang", "Temp-Pass-2017!");
        HttpResponse<String> refused = wang.get("/api/v1/reports/summary?region=350112&from=2017-01-01&to=2017-07-31");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Json.parse(refused.body()).get("detail").asText()).contains("修改密码");
        assertThat(wang.postJson("/api/v1/me/password", "{\"oldPassword\":\"Temp-Pass-2017!\",\"newPassword\":\"short\"}").statusCode())
                .isEqualTo(400);
        assertThat(wang.postJson("/api/v1/me/password",
                "{\"oldPassword\":\"Temp-Pass-2017!\",\"newPassword\":\"Wang-New-Pass-2017\"}").statusCode()).isEqualTo(204);
        assertThat(as("wang", "Wang-New-Pass-2017").get("/api/v1/reports/summary?region=350112&from=2017-01-01&to=2017-07-31")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordExpiresAfter90Days() {
        String password = fixtures.account("zhao", "OFFICE", "350112", null);
        assertThat(as("zhao", password).get("/api/v1/projects").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(89));
        assertThat(as("zhao", password).get("/api/v1/projects").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertThat(as("zhao", password).get("/api/v1/projects").statusCode()).isEqualTo(403);
    }

    @Test
    void anAccountUnusedFor90DaysIsDisabled() {
        String password = fixtures.account("qian", "OFFICE", "350112", null);
        assertThat(as("qian", password).get("/api/v1/projects").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofDays(91));
        assertThat(as("qian", password).get("/api/v1/projects").statusCode()).isEqualTo(401);
        assertThat(accounts.find("qian").orElseThrow().enabled()).isFalse();
    }

    @Test
    void passwordsThatBreakThePolicyAnswer400() {
        for (String bad : new String[]{"Short-1a", "alllowercaseletters", "sun-sun-sun-12", "sunwukong2017"}) {
            HttpResponse<String> r = admin().postJson("/api/v1/users",
                    "{\"username\":\"sun-sun-sun-12\",\"password\":\"" + bad + "\",\"roles\":[\"OFFICE\"],\"region\":\"350112\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(Json.parse(r.body()).get("detail").asText()).contains("密码");
        }
        assertThat(admin().postJson("/api/v1/users",
                "{\"username\":\"sun\",\"password\":\"Sun-Wukong-2017\",\"roles\":[\"NOBODY\"]}").statusCode()).isEqualTo(400);
        assertThat(admin().postJson("/api/v1/users",
                "{\"username\":\"sun\",\"password\":\"Sun-Wukong-2017\",\"roles\":[\"UNIT_STAFF\"],\"region\":\"350112\"}").statusCode())
                .as("unit staff need a unit").isEqualTo(400);
    }

    @Test
    void theFirstAdminActsAsTheOfficeOnlyUntilBusinessAccountsExist() {
        assertThat(admin().get("/api/v1/projects").statusCode()).isEqualTo(200);
        fixtures.account("office1", "OFFICE", "350112", null);
        assertThat(admin().get("/api/v1/projects").statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/v1/users").statusCode()).isEqualTo(200);
    }
}
