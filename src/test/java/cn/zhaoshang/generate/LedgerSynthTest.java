package cn.zhaoshang.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.project.ProjectDates;
import cn.zhaoshang.sheet.CreditCodes;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator's data without a database: deterministic, valid, unique where it must be, shaped as promised. */
class LedgerSynthTest {

    private static final int PROJECTS = 15_000;

    private record Run(String digest, List<GeneratedProject> projects, List<Investors.Investor> enterprises, int[] perCounty,
                       Territory territory) {
    }

    private static Run run(String region, long seed) throws Exception {
        Territory territory = new Territory(XlsxExport.counties(region), 2015, 2024, seed);
        LedgerSynth synth = new LedgerSynth(territory, PROJECTS, 2015, 2024, seed);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<GeneratedProject> projects = new ArrayList<>();
        List<Investors.Investor> enterprises = new ArrayList<>();
        synth.run((p, fresh) -> {
            enterprises.addAll(fresh);
            projects.add(p);
            md.update(Snapshots.draft(p).snapshot().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        return new Run(HexFormat.of().formatHex(md.digest()), projects, enterprises, synth.allocate(), territory);
    }

    @Test
    void theSameSeedGivesTheSameLedgerAndAnotherSeedAnotherOne() throws Exception {
        assertThat(run("350100", 42).digest()).isEqualTo(run("350100", 42).digest());
        assertThat(run("350100", 43).digest()).isNotEqualTo(run("350100", 42).digest());
    }

    @Test
    void everyCountyGetsUnitsEventsAndProjects() throws Exception {
        Run r = run("350000", 42);
        assertThat(r.territory().counties).hasSize(84).extracting(Territory.County::code).contains("350112", "350181");
        assertThat(r.territory().counties).filteredOn(c -> c.code().equals("350112")).singleElement()
                .satisfies(c -> assertThat(c.prefectureName()).isEqualTo("福州市"));
        r.territory().units.forEach((county, units) -> {
            assertThat(units.size()).as(county).isBetween(10, 25);
            assertThat(units.stream().map(Territory.Unit::name).distinct()).hasSize(units.size());
            assertThat(units).filteredOn(u -> cn.zhaoshang.unit.UnitKind.infer(u.name()) == cn.zhaoshang.unit.UnitKind.PARK)
                    .hasSizeBetween(1, 2);
        });
        assertThat(r.territory().events).containsKeys("第十九届海交会", "第二十六届海交会");
        assertThat(r.territory().events.get("第十九届海交会").heldOn()).isEqualTo(LocalDate.of(2017, 5, 18));
        assertThat(java.util.Arrays.stream(r.perCounty()).min().orElseThrow()).isPositive();
        assertThat(java.util.Arrays.stream(r.perCounty()).sum()).isEqualTo(PROJECTS);
        assertThat(r.projects()).extracting(GeneratedProject::regionCode).hasSameElementsAs(
                r.territory().counties.stream().map(Territory.County::code).toList());
    }

    @Test
    void enterprisesHaveValidUniqueCreditCodesAndUniqueNames() throws Exception {
        Run r = run("350000", 42);
        assertThat(r.enterprises()).hasSizeGreaterThan(PROJECTS / 2);
        assertThat(r.enterprises()).allSatisfy(e -> assertThat(CreditCodes.isValid(e.creditCode())).as(e.creditCode()).isTrue());
        assertThat(r.enterprises().stream().map(Investors.Investor::creditCode).distinct()).hasSize(r.enterprises().size());
        assertThat(r.enterprises().stream().map(Investors.Investor::name).distinct()).hasSize(r.enterprises().size());
        assertThat(r.enterprises()).allSatisfy(e -> assertThat(e.name()).endsWith("公司"));
    }

    @Test
    void projectsFollowTheLedgerRules() throws Exception {
        Run r = run("350000", 42);
        Set<String> codes = new HashSet<>();
        Map<String, Set<String>> namesByRegion = new HashMap<>();
        Map<String, GeneratedProject> byCode = new HashMap<>();
        LocalDate end = LocalDate.of(2024, 12, 31);
        for (GeneratedProject p : r.projects()) {
            assertThat(codes.add(p.code())).as(p.code()).isTrue();
            assertThat(namesByRegion.computeIfAbsent(p.regionCode(), k -> new HashSet<>()).add(p.name())).as(p.name()).isTrue();
            assertThat(p.code()).startsWith(p.regionCode() + "-" + p.contactedOn().getYear() + "-");
            ProjectDates d = new ProjectDates(p.contactedOn(), p.signedOn(), p.landedOn(), p.startedOn(), p.completedOn(),
                    p.terminatedOn());
            assertThat(d.orderErrors()).as(p.code()).isEmpty();
            for (LocalDate x : new LocalDate[]{p.contactedOn(), p.signedOn(), p.landedOn(), p.startedOn(), p.completedOn(),
                    p.terminatedOn()}) {
                assertThat(x == null || !x.isAfter(end) && x.getYear() >= 2015).isTrue();
            }
            if (p.onStage()) {
                assertThat(p.event()).isNotNull();
                assertThat(p.signedOn()).isNotNull();
            }
            if (p.event() != null) {
                assertThat(r.territory().events.get(p.event()).heldOn()).isEqualTo(p.signedOn());
            }
            assertThat(p.investment()).isPositive();
            if (p.parentCode() != null) {
                GeneratedProject parent = byCode.get(p.parentCode());
                assertThat(parent).as("parent generated before its child").isNotNull();
                assertThat(parent.regionCode()).isEqualTo(p.regionCode());
                assertThat(p.parentSeq()).isEqualTo(parent.seq());
            }
            byCode.put(p.code(), p);
        }
        long n = r.projects().size();
        long landed = r.projects().stream().filter(p -> p.landedOn() != null).count();
        long terminated = r.projects().stream().filter(p -> p.terminatedOn() != null).count();
        long started = r.projects().stream().filter(p -> p.startedOn() != null).count();
        long children = r.projects().stream().filter(p -> p.parentCode() != null).count();
        long atEvents = r.projects().stream().filter(p -> p.event() != null).count();
        long onStage = r.projects().stream().filter(GeneratedProject::onStage).count();
        long round = r.projects().stream().filter(p -> p.investment() % 10_000 == 0).count();
        assertThat((double) landed / n).isBetween(0.35, 0.48);
        assertThat((double) terminated / n).isBetween(0.03, 0.07);
        assertThat(started).isPositive();
        assertThat((double) children / n).isBetween(0.02, 0.06);
        assertThat(atEvents).isPositive();
        assertThat(onStage).isPositive();
        assertThat((double) round / n).isGreaterThan(0.85);
        assertThat(r.projects().stream().mapToLong(GeneratedProject::investment).max().orElseThrow()).isGreaterThan(100_000_000L);
    }

    @Test
    void optionsAreParsedAndBadOnesRefusedWithAClearMessage() {
        assertThat(GenerateOptions.parse(new String[]{"generate", "--projects", "500", "--visits", "1000"}).visits())
                .isEqualTo(1000);
        assertThatThrownBy(() -> GenerateOptions.parse(new String[]{"generate", "--visits", "-1"}))
                .isInstanceOf(GenerateOptions.UsageException.class).hasMessageContaining("--visits");
        GenerateOptions o = GenerateOptions.parse(new String[]{"generate", "--region=350112", "--projects", "500", "--years",
                "2016-2018", "--seed", "7", "--zhaoshang.data-dir=/tmp/x"});
        assertThat(o.region()).isEqualTo("350112");
        assertThat(o.projects()).isEqualTo(500);
        assertThat(o.fromYear()).isEqualTo(2016);
        assertThat(o.toYear()).isEqualTo(2018);
        assertThat(o.springArgs()).containsExactly("--zhaoshang.data-dir=/tmp/x");
        assertThatThrownBy(() -> GenerateOptions.parse(new String[]{"generate", "--years", "2020-2018"}))
                .isInstanceOf(GenerateOptions.UsageException.class);
    }
}
