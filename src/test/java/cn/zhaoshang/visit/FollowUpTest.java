package cn.zhaoshang.visit;

import static cn.zhaoshang.visit.VisitTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.Http;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The follow-up list in its three buckets as the (test) clock moves on, and marking a follow-up done. */
class FollowUpTest extends IntegrationTest {

    private Http office;
    private long team;
    private LocalDate today;

    @BeforeEach
    void visitsWithFollowUps() {
        fixtures.reset();
        VisitTables.empty(fixtures.jdbc());
        office = as("fuoffice", fixtures.account("fuoffice", "OFFICE", "350112", null));
        today = LocalDate.now(clock);
        Csv csv = Csv.of("日期", "小分队", "企业", "方式", "下一步", "下次跟进日期")
                .row(f(today.minusDays(10), "甲", "寄送政策", today.minusDays(2)))
                .row(f(today.minusDays(9), "乙", "再次拜访", today))
                .row(f(today.minusDays(8), "丙", "邀请考察", today.plusDays(1)))
                .row(f(today.minusDays(7), "丁", "安排会见", today.plusDays(40)))
                .row(f(today.minusDays(6), "戊", "", null));
        var r = office.upload("/api/v1/visits/import", "fu.csv", csv.utf8());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        team = fixtures.jdbc().sql("select id from team").query(Long.class).single();
    }

    @AfterEach
    void leaveNothing() {
        VisitTables.empty(fixtures.jdbc());
    }

    @Test
    void overdueDueTodayAndUpcomingFollowTheClock() {
        JsonNode b = buckets();
        assertThat(names(b.get("overdue"))).containsExactly("甲");
        assertThat(names(b.get("dueToday"))).containsExactly("乙");
        assertThat(names(b.get("upcoming"))).as("within 30 days only").containsExactly("丙");
        assertThat(b.get("overdue").get(0).get("daysLate").asLong()).isEqualTo(2);

        clock.advance(Duration.ofDays(1));
        b = buckets();
        assertThat(names(b.get("overdue"))).containsExactly("甲", "乙");
        assertThat(names(b.get("dueToday"))).containsExactly("丙");
        assertThat(names(b.get("upcoming"))).isEmpty();

        clock.advance(Duration.ofDays(20));
        assertThat(names(buckets().get("upcoming"))).containsExactly("丁");
    }

    @Test
    void theOneWhoRecordedTheVisitsSeesThemAsTheirOwn() {
        JsonNode mine = Json.parse(office.get("/api/v1/visits/follow-ups").body());
        assertThat(names(mine.get("overdue"))).containsExactly("甲");
        Http other = as("fuother", fixtures.account("fuother", "OFFICE", "350112", null));
        JsonNode theirs = Json.parse(other.get("/api/v1/visits/follow-ups").body());
        assertThat(theirs.get("overdue")).isEmpty();
        fixtures.jdbc().sql("insert into team_user (team_id, username) values (?, 'fuother')").param(team).update();
        assertThat(names(Json.parse(other.get("/api/v1/visits/follow-ups").body()).get("overdue"))).containsExactly("甲");
    }

    @Test
    void markingDoneRecordsTheNextVisit() {
        long jia = visitOf("甲");
        String body = "{\"date\":\"" + today + "\",\"kind\":\"外出拜访\",\"discussion\":\"送去政策汇编\",\"nextStep\":\"等企业回复\","
                + "\"followUpOn\":\"" + today.plusDays(7) + "\"}";
        var r = office.postJson("/api/v1/visits/" + jia + "/follow-up", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        long next = Json.parse(r.body()).get("id").asLong();
        assertThat(fixtures.jdbc().sql("select follow_up_done_on::text || ' ' || follow_up_visit_id from visit where id = ?")
                .param(jia).query(String.class).single()).isEqualTo(today + " " + next);
        JsonNode b = buckets();
        assertThat(names(b.get("overdue"))).isEmpty();
        assertThat(names(b.get("upcoming"))).containsExactlyInAnyOrder("丙", "甲");
        assertThat(office.postJson("/api/v1/visits/" + jia + "/follow-up", body).statusCode()).as("already done").isEqualTo(409);
        String early = "{\"date\":\"" + today.minusDays(11) + "\",\"kind\":\"外出拜访\"}";
        var refused = office.postJson("/api/v1/visits/" + visitOf("乙") + "/follow-up", early);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.parse(refused.body()).get("detail").asText()).contains("晚于上次走访");
    }

    private JsonNode buckets() {
        var r = office.get("/api/v1/visits/follow-ups?team=" + team);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private long visitOf(String enterprise) {
        return fixtures.jdbc().sql("select v.id from visit v join enterprise e on e.id = v.enterprise_id where e.name = ?")
                .param(enterprise).query(Long.class).single();
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.get("enterprise").asText()));
        return names;
    }

    private static java.util.Map<String, String> f(LocalDate date, String enterprise, String next, LocalDate followUp) {
        return row("日期", date.toString(), "小分队", "跟进队", "企业", enterprise, "方式", "外出拜访", "下一步", next,
                "下次跟进日期", followUp == null ? "" : followUp.toString());
    }
}
