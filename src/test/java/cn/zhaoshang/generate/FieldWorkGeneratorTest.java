package cn.zhaoshang.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.sheet.SheetRow;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import cn.zhaoshang.visit.Actor;
import cn.zhaoshang.visit.VisitImport;
import cn.zhaoshang.visit.VisitImportResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * generate --visits on the shared test database: deterministic for a seed, every visit one the import would accept,
 * follow-ups closed exactly as the import closes them, and the visits report equal to a count made by hand in SQL.
 */
class FieldWorkGeneratorTest extends IntegrationTest {

    private static final String[] ARGS = {"generate", "--region", "350100", "--projects", "3000", "--visits", "12000",
        "--enterprises", "4000", "--years", "2016-2018", "--seed", "7"};

    @Autowired
    LedgerGenerator generator;

    @Autowired
    VisitImport visitImport;

    @BeforeEach
    @AfterEach
    void empty() {
        emptyFieldWork();
        fixtures.reset();
    }

    private void emptyFieldWork() {
        jdbc().sql("truncate visit, trip_batch_plan, trip_batch_team, trip_batch, team_user, team_target, team_chain, team,"
                + " enterprise_pinyin restart identity cascade").update();
    }

    private static GenerateOptions options(String... replaced) {
        List<String> args = new ArrayList<>(List.of(ARGS));
        for (int i = 0; i < replaced.length; i += 2) {
            int at = args.indexOf(replaced[i]);
            if (at < 0) {
                args.add(replaced[i]);
                if (i + 1 < replaced.length && !replaced[i + 1].isEmpty()) {
                    args.add(replaced[i + 1]);
                }
            } else {
                args.set(at + 1, replaced[i + 1]);
            }
        }
        return GenerateOptions.parse(args.toArray(String[]::new));
    }

    private JdbcClient jdbc() {
        return fixtures.jdbc();
    }

    private long count(String sql) {
        return jdbc().sql(sql).query(Long.class).single();
    }

    /** Everything the field work says, by names and codes (ids left out); project links only when asked. */
    private String fingerprint(boolean projects) {
        return jdbc().sql("""
                select md5(string_agg(concat_ws('|', t.name, v.region_code, e.credit_code, v.visited_on, v.kind, b.name, v.city,
                       v.leader, v.members, v.discussion, v.next_step, v.follow_up_on, v.follow_up_done_on, n.visited_on, n.kind,
                       v.version, case when ? then p.code end), E'\\n' order by t.region_code, t.name, e.credit_code, v.visited_on, v.kind))
                   || (select md5(string_agg(concat_ws('|', b.region_code, b.name, b.starts_on, b.ends_on, b.cities::text,
                          (select string_agg(t.name, ',' order by t.name) from trip_batch_team bt join team t on t.id = bt.team_id
                           where bt.batch_id = b.id)), E'\\n' order by b.region_code, b.name)) from trip_batch b)
                from visit v join team t on t.id = v.team_id join enterprise e on e.id = v.enterprise_id
                left join trip_batch b on b.id = v.batch_id left join visit n on n.id = v.follow_up_visit_id
                left join project p on p.id = v.project_id""").param(projects).query(String.class).single();
    }

    @Test
    void theSameSeedWritesTheSameFieldWork() throws Exception {
        LedgerGenerator.Outcome first = generator.generate(options());
        assertThat(first.visits()).isEqualTo(12000);
        assertThat(first.enterprises()).isEqualTo(4000);
        String once = fingerprint(true);
        String teams = jdbc().sql("""
                select md5(string_agg(concat_ws('|', t.region_code, t.name, u.name, t.leader, t.members, t.cities::text,
                       (select string_agg(c.name, ',' order by c.name) from team_chain tc join industry_chain c on c.id = tc.chain_id
                        where tc.team_id = t.id),
                       (select string_agg(e.credit_code, ',' order by e.credit_code) from team_target tt
                        join enterprise e on e.id = tt.enterprise_id where tt.team_id = t.id)), E'\\n' order by t.region_code, t.name))
                from team t left join unit u on u.id = t.unit_id""").query(String.class).single();

        assertThatThrownBy(() -> generator.generate(options())).isInstanceOf(LedgerGenerator.Refused.class)
                .hasMessageContaining("--replace");
        generator.generate(options("--replace", ""));
        assertThat(fingerprint(true)).isEqualTo(once);

        generator.generate(options("--seed", "8", "--replace", ""));
        assertThat(fingerprint(true)).isNotEqualTo(once);
        assertThat(teams).isNotBlank();
    }

    @Test
    void theGeneratedFieldWorkKeepsTheImportsRules() throws Exception {
        generator.generate(options());
        assertThat(count("select count(*) from visit")).isEqualTo(12000);
        assertThat(count("select count(distinct region_code) from visit")).isEqualTo(13);
        // teams: leaders, members, chains, target cities and enterprises; in the county's units
        assertThat(count("select count(*) from team where leader is null or members is null or cardinality(cities) = 0")).isZero();
        assertThat(count("select count(*) from team t where not exists (select 1 from team_chain c where c.team_id = t.id)")).isZero();
        assertThat(count("select count(*) from team t where not exists (select 1 from team_target x where x.team_id = t.id)")).isZero();
        assertThat(count("select count(*) from team t join unit u on u.id = t.unit_id where u.region_code <> t.region_code")).isZero();
        // both kinds, repeat visits, batches, follow-ups in every state, links to projects
        assertThat(count("select count(*) from visit where kind = 'INSPECTION'") / 12000.0).isBetween(0.05, 0.25);
        assertThat(count("select count(*) from (select 1 from visit group by team_id, enterprise_id having count(*) >= 3) x")).isPositive();
        assertThat(count("select count(*) from visit where follow_up_done_on is not null")).isPositive();
        assertThat(count("select count(*) from visit where follow_up_on is not null and follow_up_done_on is null")).isPositive();
        assertThat(count("select count(*) from visit where next_step is not null and follow_up_on is null")).isPositive();
        assertThat(count("select count(*) from visit where project_id is not null")).isPositive();
        // what the import would refuse never occurs
        assertThat(count("select count(*) from visit where visited_on > current_date or follow_up_on < visited_on")).isZero();
        assertThat(jdbc().sql("select distinct credit_code from enterprise e join visit v on v.enterprise_id = e.id")
                .query(String.class).list()).allSatisfy(c -> assertThat(CreditCodes.isValid(c)).as(c).isTrue());
        assertThat(count("""
                select count(*) from visit v join project p on p.id = v.project_id
                where p.investor_id <> v.enterprise_id or p.region_code <> v.region_code or p.contacted_on > v.visited_on""")).isZero();
        assertThat(count("""
                select count(*) from visit v join trip_batch b on b.id = v.batch_id
                where v.kind <> 'VISIT' or v.visited_on not between b.starts_on and b.ends_on or not v.city = any(b.cities)
                   or b.region_code <> v.region_code""")).isZero();
        assertThat(count("select count(*) from visit where kind = 'INSPECTION' and (batch_id is not null or city is not null)")).isZero();
        // a follow-up is done by the team's next contact with the enterprise, as the import closes it; open ones have none
        assertThat(count("""
                select count(*) from visit o join visit n on n.id = o.follow_up_visit_id
                where n.team_id <> o.team_id or n.enterprise_id <> o.enterprise_id or n.visited_on <> o.follow_up_done_on
                   or o.follow_up_on is null or o.version <> 1
                   or n.visited_on <> (select min(x.visited_on) from visit x where x.team_id = o.team_id
                                       and x.enterprise_id = o.enterprise_id and x.visited_on > o.visited_on)""")).isZero();
        assertThat(count("""
                select count(*) from visit o where o.follow_up_on is not null and o.follow_up_done_on is null
                  and exists (select 1 from visit x where x.team_id = o.team_id and x.enterprise_id = o.enterprise_id
                              and x.visited_on > o.visited_on)""")).isZero();

        // the import takes every generated row as it stands: importing them again changes nothing
        List<Map<String, String>> rows = jdbc().sql("""
                        select v.visited_on::text, t.name, t.region_code, b.name, v.city, e.name, e.credit_code, v.kind, v.leader,
                               v.members, v.discussion, v.next_step, v.follow_up_on::text, p.code
                        from visit v join team t on t.id = v.team_id join enterprise e on e.id = v.enterprise_id
                        left join trip_batch b on b.id = v.batch_id left join project p on p.id = v.project_id
                        where v.id % 7 = 0 or v.project_id is not null order by v.id""")
                .query((rs, n) -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    String[] headers = {"日期", "小分队", "行政区划代码", "批次", "城市", "企业", "统一社会信用代码", "方式", "带队领导",
                        "参加人员", "洽谈内容", "下一步", "下次跟进日期", "关联项目编号"};
                    for (int i = 0; i < headers.length; i++) {
                        String v = rs.getString(i + 1);
                        row.put(headers[i], v == null ? "" : i == 7 ? (v.equals("VISIT") ? "外出拜访" : "来访考察") : v);
                    }
                    return row;
                })
                .list();
        List<SheetRow> sheet = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            sheet.add(new SheetRow(i + 2, rows.get(i)));
        }
        VisitImportResult again = visitImport.importRows("again.csv", List.copyOf(rows.get(0).keySet()), sheet, Actor.system("test"));
        assertThat(again.unchanged()).isEqualTo(rows.size());
        assertThat(again.created() + again.updated()).isZero();
    }

    @Test
    void theWorkbookImportsIntoTheSameFieldWork() throws Exception {
        generator.generate(options());
        String generated = fingerprint(false);
        emptyFieldWork();
        Path file = Files.createTempFile("visits", ".xlsx");
        try {
            GenerateOptions o = options("--xlsx", file.toString());
            assertThat(VisitXlsxExport.write(o)).isEqualTo(12000);
            VisitImportResult r;
            try (InputStream in = Files.newInputStream(file)) {
                r = visitImport.importFile("visits.xlsx", in, Actor.system("test"));
            }
            assertThat(r.created()).isEqualTo(12000);
            assertThat(fingerprint(false)).as("the import closes the same follow-ups and widens the same batches").isEqualTo(generated);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theVisitsReportEqualsACountByHand() throws Exception {
        generator.generate(options());
        for (String region : List.of("350112", "350100")) {
            String from = region.endsWith("00") ? "350100" : region;
            String to = region.endsWith("00") ? "350199" : region;
            JsonNode r = Json.parse(admin().get("/api/v1/reports/visits?region=" + region + "&from=2017-01-01&to=2017-12-31").body());
            String scope = "from visit v where v.region_code between '" + from + "' and '" + to
                    + "' and v.visited_on between '2017-01-01' and '2017-12-31'";
            JsonNode t = r.get("total");
            assertThat(t.get("visits").asLong()).isPositive().isEqualTo(count("select count(*) " + scope + " and kind = 'VISIT'"));
            assertThat(t.get("inspections").asLong()).isEqualTo(count("select count(*) " + scope + " and kind = 'INSPECTION'"));
            assertThat(t.get("enterprises").asLong()).isEqualTo(count("select count(distinct enterprise_id) " + scope + " and kind = 'VISIT'"));
            assertThat(t.get("days").asLong()).isEqualTo(count("select count(distinct visited_on) " + scope + " and kind = 'VISIT'"));
            assertThat(t.get("batches").asLong()).isEqualTo(count("select count(distinct batch_id) " + scope));
            assertThat(t.get("repeatEnterprises").asLong()).isEqualTo(count("select count(*) from (select enterprise_id " + scope
                    + " and kind = 'VISIT' group by enterprise_id having count(*) >= 2) x"));
            Map<Long, long[]> teams = new HashMap<>();
            jdbc().sql("""
                    select t.id, count(v.id) filter (where v.kind = 'VISIT'), count(distinct v.enterprise_id) filter (where v.kind = 'VISIT'),
                           count(distinct v.visited_on) filter (where v.kind = 'VISIT')
                    from team t left join visit v on v.team_id = t.id and v.visited_on between '2017-01-01' and '2017-12-31'
                    where t.region_code between ? and ? group by t.id, t.name""")
                    .params(from, to)
                    .query((rs, n) -> teams.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                    .list();
            assertThat(r.get("teams")).hasSize(teams.size());
            for (JsonNode team : r.get("teams")) {
                long[] want = teams.get(team.get("id").asLong());
                assertThat(new long[]{team.get("visits").asLong(), team.get("enterprises").asLong(), team.get("days").asLong()})
                        .as(team.get("team").asText()).containsExactly(want);
            }
            Map<Long, long[]> enterprises = new HashMap<>();
            jdbc().sql("select e.id, count(*) filter (where v.kind = 'VISIT'), count(*) filter (where v.kind = 'INSPECTION') "
                            + scope.replace("from visit v", "from visit v join enterprise e on e.id = v.enterprise_id") + " group by e.id")
                    .query((rs, n) -> enterprises.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)}))
                    .list();
            assertThat(r.get("enterprises")).hasSize(enterprises.size());
            for (JsonNode e : r.get("enterprises")) {
                assertThat(new long[]{e.get("visits").asLong(), e.get("inspections").asLong()}).as(e.get("enterprise").asText())
                        .containsExactly(enterprises.get(e.get("id").asLong()));
            }
        }
    }
}
