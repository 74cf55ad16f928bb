package cn.zhaoshang.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.project.ImportResult;
import cn.zhaoshang.visit.Pinyin;
import cn.zhaoshang.project.ProjectImport;
import cn.zhaoshang.project.RowGuard;
import cn.zhaoshang.sheet.CreditCodes;
import cn.zhaoshang.sheet.SheetRow;
import cn.zhaoshang.support.IntegrationTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** generate on the shared test database: deterministic, valid, and indistinguishable from imported data. */
class LedgerGeneratorTest extends IntegrationTest {

    @Autowired
    cn.zhaoshang.report.TotalsCheck totalsCheck;

    @Autowired
    LedgerGenerator generator;

    @Autowired
    ProjectImport projectImport;

    @Autowired
    JsonMapper json;

    @BeforeEach
    @AfterEach
    void empty() {
        fixtures.reset();
    }

    private static GenerateOptions options(long seed, String... more) {
        List<String> args = new ArrayList<>(List.of("generate", "--region", "350100", "--projects", "3000", "--years",
                "2016-2018", "--seed", Long.toString(seed)));
        args.addAll(List.of(more));
        return GenerateOptions.parse(args.toArray(String[]::new));
    }

    /** Everything a user can see of the ledger, ids left out. */
    private String fingerprint() {
        return jdbc().sql("""
                select md5(string_agg(concat_ws('|', p.code, p.name, p.region_code, u.name, u.kind, inv.name, inv.credit_code,
                       c.name, p.investment, p.foreign_investment, p.utilized_foreign_capital, p.key_project, p.contacted_on,
                       p.signed_on, p.landed_on, p.started_on, p.completed_on, p.terminated_on, p.stage, e.name, e.held_on,
                       p.on_stage, p.source, ref.name, pp.code, r.action, r.version, r.snapshot::text),
                       E'\\n' order by p.code))
                from project p
                left join unit u on u.id = p.unit_id
                left join enterprise inv on inv.id = p.investor_id
                left join enterprise ref on ref.id = p.referrer_id
                left join industry_chain c on c.id = p.chain_id
                left join signing_event e on e.id = p.event_id
                left join project pp on pp.id = p.parent_id
                join project_revision r on r.project_id = p.id""").query(String.class).single();
    }

    private JdbcClient jdbc() {
        return fixtures.jdbc();
    }

    private long count(String sql) {
        return jdbc().sql(sql).query(Long.class).single();
    }

    @Test
    void theSameSeedWritesTheSameLedger() throws Exception {
        LedgerGenerator.Outcome first = generator.generate(options(7));
        assertThat(first.projects()).isEqualTo(3000);
        assertThat(first.counties()).isEqualTo(13);
        String once = fingerprint();

        assertThatThrownBy(() -> generator.generate(options(7))).isInstanceOf(LedgerGenerator.Refused.class)
                .hasMessageContaining("--replace");
        generator.generate(options(7, "--replace"));
        assertThat(fingerprint()).isEqualTo(once);

        generator.generate(options(8, "--replace"));
        assertThat(fingerprint()).isNotEqualTo(once);
    }

    /**
     * Every generated enterprise carries the pinyin initials of its name, as the lookup would have computed them, so the
     * first lookup on a generated province finds companies by their initials without computing 752,817 of them.
     */
    @Test
    void theGeneratedEnterprisesCarryTheInitialsOfTheirNames() throws Exception {
        generator.generate(options(7));
        long enterprises = count("select count(*) from enterprise");
        assertThat(enterprises).isPositive();
        assertThat(count("""
                select count(*) from enterprise e join enterprise_pinyin k on k.enterprise_id = e.id and k.name = e.name""")).isEqualTo(enterprises);
        assertThat(count("select count(*) from enterprise_pinyin")).isEqualTo(enterprises);
        List<Map<String, Object>> sample = jdbc().sql("""
                select k.name, k.initials from enterprise_pinyin k order by k.enterprise_id limit 300""").query().listOfRows();
        assertThat(sample).hasSize(300).allSatisfy(r ->
                assertThat(r.get("initials")).as((String) r.get("name")).isEqualTo(Pinyin.initials((String) r.get("name"))));
        String name = (String) sample.get(0).get("name");
        var found = admin().get("/api/v1/visits/lookup?q=" + Pinyin.initials(name));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(name);
        // the foreign key and the trigram index are back after the load
        assertThat(count("""
                select count(*) from pg_constraint where conrelid = 'enterprise_pinyin'::regclass and contype = 'f' and convalidated""")).isEqualTo(1);
        assertThat(count("select count(*) from pg_indexes where indexname = 'enterprise_pinyin_initials'")).isEqualTo(1);
    }

    @Test
    void theGeneratedLedgerKeepsEveryRuleOfTheImport() throws Exception {
        generator.generate(options(7));
        assertThat(count("select count(*) from project")).isEqualTo(3000);
        assertThat(count("select count(distinct region_code) from project")).isEqualTo(13);
        assertThat(count("""
                select count(*) from project where signed_on < contacted_on or landed_on < coalesce(signed_on, contacted_on)
                   or started_on < coalesce(landed_on, signed_on, contacted_on)
                   or completed_on < coalesce(started_on, landed_on, signed_on, contacted_on) or terminated_on < contacted_on
                   or (on_stage and (event_id is null or signed_on is null)) or investment < 0""")).isZero();
        assertThat(count("select count(*) from project where stage in ('LANDED', 'STARTED', 'COMPLETED')") / 3000.0).isBetween(0.3, 0.5);
        assertThat(count("select count(*) from project where parent_id is not null")).isPositive();
        assertThat(count("select count(*) from project where on_stage")).isPositive();
        assertThat(count("select count(*) from project_revision where action = 'IMPORT_CREATE' and version = 0")).isEqualTo(3000);
        // every revision carries its project's region, the distribution key (V9), and the foreign key on both is back
        assertThat(count("""
                select count(*) from project_revision r join project p on p.id = r.project_id and p.region_code = r.region_code""")).isEqualTo(3000);
        assertThat(count("""
                select count(*) from pg_constraint where conname = 'project_revision_project_region' and convalidated""")).isEqualTo(1);
        assertThat(jdbc().sql("select count(*) from unit group by region_code").query(Long.class).list())
                .hasSize(13).allSatisfy(n -> assertThat(n).isBetween(10L, 25L));
        List<String> codes = jdbc().sql("select credit_code from enterprise").query(String.class).list();
        assertThat(codes).isNotEmpty().allSatisfy(c -> assertThat(CreditCodes.isValid(c)).as(c).isTrue());
        assertThat(count("select count(distinct name) from enterprise")).isEqualTo(count("select count(*) from enterprise"));
        assertThat(count("select count(*) from project_code_counter")).isPositive();

        // the first revision's snapshot is exactly what the import makes of the same row: re-importing it changes nothing
        List<Map<String, String>> snapshots = jdbc().sql("""
                        select r.snapshot::text from project_revision r join project p on p.id = r.project_id
                        where p.parent_id is not null or p.on_stage or p.foreign_investment is not null or p.id % 97 = 0
                        order by p.code limit 200""")
                .query(String.class).list().stream()
                .<Map<String, String>>map(s -> json.readValue(s, new TypeReference<LinkedHashMap<String, String>>() {
                })).toList();
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            rows.add(new SheetRow(i + 2, snapshots.get(i)));
        }
        ImportResult again = projectImport.importRows("again.xlsx", List.copyOf(snapshots.get(0).keySet()), rows, "test",
                RowGuard.allowAll());
        assertThat(again.unchanged()).isEqualTo(snapshots.size());
        assertThat(again.created() + again.updated()).isZero();
    }

    @Test
    void theReportsRunningTotalsAreComputedForTheGeneratedLedger() throws Exception {
        generator.generate(options(7));
        cn.zhaoshang.report.TotalsCheck.Result check = totalsCheck.run(false);
        assertThat(check.keptRows()).isPositive();
        assertThat(check.differing()).isZero();
        // and the triggers are back on: a further project moves the totals
        long before = count("select coalesce(sum(alive_n), 0) from report_delta where dim = 'R' and grain = 'Y'");
        jdbc().sql("insert into project (code, name, region_code, investment, contacted_on) select 'GEN-X', '后加项目',"
                + " region_code, 1, date '2020-01-01' from project limit 1").update();
        assertThat(count("select coalesce(sum(alive_n), 0) from report_delta where dim = 'R' and grain = 'Y'")).isEqualTo(before + 1);
    }

    @Test
    void theWorkbookImportsCleanlyIntoAGeneratedLedger() throws Exception {
        generator.generate(options(7));
        Path file = Files.createTempFile("generated", ".xlsx");
        try {
            int rows = XlsxExport.write(GenerateOptions.parse(new String[]{"generate", "--xlsx", file.toString(), "--rows", "400",
                    "--region", "350100", "--years", "2018-2019", "--seed", "99"}));
            assertThat(rows).isEqualTo(400);
            long before = count("select count(*) from project");
            ImportResult r;
            try (InputStream in = Files.newInputStream(file)) {
                r = projectImport.importFile("generated.xlsx", in, "test", RowGuard.allowAll());
            }
            assertThat(r.created() + r.updated() + r.unchanged()).isEqualTo(400);
            assertThat(count("select count(*) from project")).isEqualTo(before + r.created());
            // new codes continue the generated counters instead of colliding with them
            assertThat(count("select count(*) from (select code from project group by code having count(*) > 1) d")).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
