package cn.zhaoshang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import cn.zhaoshang.visit.VisitImportResult;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The field work of the Changle demo, checked through the visits report as a user would read it; loaded once for all. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangleVisitsTest extends IntegrationTest {

    private static final String YEAR = "/api/v1/reports/visits?region=350112&from=2017-01-01&to=2017-12-31";

    @Autowired
    ChangleVisits visits;

    private VisitImportResult loaded;

    @BeforeAll
    void demo() {
        fixtures.changleDemo();
        empty();
        loaded = visits.load(ChangleLedger.projects());
    }

    @AfterAll
    void empty() {
        fixtures.jdbc().sql("truncate visit, trip_batch_plan, trip_batch_team, trip_batch, team_user, team_target, team_chain, team,"
                + " enterprise_pinyin restart identity cascade").update();
    }

    @Test
    void seventeenTeamsInEightBatchesVisitFortyFiveCompaniesADay() {
        JsonNode total = report(YEAR).get("total");
        assertThat(total.get("visits").asLong()).isEqualTo(1080);
        assertThat(total.get("days").asLong()).isEqualTo(24);
        assertThat(total.get("visitsPerDay").decimalValue()).isEqualByComparingTo(new BigDecimal("45.00"));
        assertThat(total.get("batches").asLong()).isEqualTo(8);
        assertThat(total.get("repeatEnterprises").asLong()).isGreaterThan(50);
        assertThat(total.get("enterprises").asLong()).isBetween(700L, 1000L);
        assertThat(report(YEAR).get("teams")).hasSize(17);
        assertThat(fixtures.jdbc().sql("""
                select count(*) from team t join unit u on u.id = t.unit_id where u.name = '东南大数据产业园'""").query(Long.class).single())
                .isEqualTo(10);
        assertThat(fixtures.jdbc().sql("select leader from team order by id limit 2").query(String.class).list())
                .containsExactly("市委书记 许南吉", "市长 蔡劲松");
        assertThat(fixtures.jdbc().sql("select string_agg(distinct c, '、' order by c) from trip_batch, unnest(cities) c")
                .query(String.class).single()).isEqualTo("北京、合肥、成都、杭州、贵阳");
        assertThat(loaded.created()).isEqualTo(loaded.rows());
    }

    @Test
    void theArticlesVisitsAndInspectionsAreThere() {
        Map<String, JsonNode> byName = new HashMap<>();
        report(YEAR).get("enterprises").forEach(e -> byName.put(e.get("enterprise").asText(), e));
        assertThat(byName.get("国家信息中心").get("visits").asLong()).isEqualTo(6);
        assertThat(byName.get("国家信息中心").get("inspections").asLong()).isEqualTo(3);
        assertThat(byName.get("北京奇虎科技有限公司").get("visits").asLong()).isEqualTo(7);
        assertThat(byName.get("北京奇虎科技有限公司").get("inspections").asLong()).isEqualTo(8);
        assertThat(fixtures.jdbc().sql("""
                select count(*) from visit v join project p on p.id = v.project_id join enterprise e on e.id = v.enterprise_id
                where p.name = '360产业园' and e.name = '北京奇虎科技有限公司'""").query(Long.class).single()).isEqualTo(15);
    }

    @Test
    void visitsBecameProjectsAndRepeatVisitsLanded() {
        JsonNode funnel = report("/api/v1/reports/visits/funnel?region=350112&from=2017-01-01&to=2017-07-31");
        long leads = 0;
        long landed = 0;
        for (JsonNode t : funnel.get("teams")) {
            leads += t.get("leads").asLong();
            landed += t.get("landed").asLong();
            assertThat(t.get("leads").asLong()).isLessThanOrEqualTo(t.get("enterprises").asLong() * 10);
            assertThat(t.get("landed").asLong()).isLessThanOrEqualTo(t.get("signed").asLong());
        }
        assertThat(leads).isGreaterThan(20);
        assertThat(landed).isGreaterThan(5);
        JsonNode repeats = funnel.get("repeatVisits");
        assertThat(repeats).hasSize(4);
        long projects = 0;
        for (JsonNode r : repeats) {
            assertThat(r.get("projects").asLong()).as(r.toString()).isPositive();
            projects += r.get("projects").asLong();
        }
        assertThat(projects).isGreaterThan(8);
    }

    @Test
    void loadingTwiceChangesNothing() {
        VisitImportResult again = visits.load(ChangleLedger.projects());
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(loaded.rows());
    }

    private JsonNode report(String path) {
        var r = admin().get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }
}
