package cn.zhaoshang.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.support.Csv;
import cn.zhaoshang.support.IntegrationTest;
import cn.zhaoshang.support.Json;
import tools.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two imports of overlapping files uploaded at the same moment, as two offices might: both succeed, as if one had been
 * uploaded after the other, and the history stays a chain (each change's old values are the new values of the change
 * before it). They used to compare with the ledger at the same time: the second failed with a 500 on a code the first
 * had just taken, or repeated the first's revision.
 */
class ConcurrentImportTest extends IntegrationTest {

    private static final int ROWS = 1500;
    private long auditStart;

    @BeforeEach
    void auditStart() {
        fixtures.reset();
        auditStart = fixtures.jdbc().sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
    }

    @Test
    void overlappingProjectImportsAtTheSameTimeBothSucceedAndKeepOneHistory() throws Exception {
        for (int round = 0; round < 3; round++) {
            // A: CC0000-CC1499, B: CC0750-CC2249; each round changes every amount, so the overlap is updated twice
            List<HttpResponse<String>> answers = together(
                    "/api/v1/projects/import", projects(0, 100 + round), projects(ROWS / 2, 5_000 + round));
            for (HttpResponse<String> r : answers) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            JsonNode a = Json.parse(answers.get(0).body());
            JsonNode b = Json.parse(answers.get(1).body());
            if (round == 0) {
                // whichever came second created only its own half and updated the overlap
                assertThat(a.get("created").asInt() + b.get("created").asInt()).isEqualTo(ROWS + ROWS / 2);
            } else {
                assertThat(a.get("created").asInt() + b.get("created").asInt()).isZero();
            }
            assertThat(fixtures.jdbc().sql("select count(*) from project where code like 'CC%'").query(Long.class).single())
                    .isEqualTo(ROWS + ROWS / 2);
        }
        // every project's versions run 0, 1, 2… without a gap or a repeat, the last one's snapshot is the project's
        assertThat(fixtures.jdbc().sql("""
                select count(*) from project p
                where p.code like 'CC%' and (
                    (select count(*) from project_revision r where r.project_id = p.id) <> p.version + 1
                    or (select count(distinct r.version) from project_revision r where r.project_id = p.id) <> p.version + 1)""")
                .query(Long.class).single()).isZero();
        assertHistoryIsAChain("project", "CC%");
    }

    @Test
    void visitImportsOfTheSameVisitsAtTheSameTimeBothSucceedAndKeepOneHistory() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<HttpResponse<String>> answers = together("/api/v1/visits/import", visits("甲" + round), visits("乙" + round));
            for (HttpResponse<String> r : answers) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            JsonNode a = Json.parse(answers.get(0).body());
            JsonNode b = Json.parse(answers.get(1).body());
            assertThat(a.get("created").asInt() + b.get("created").asInt()).isEqualTo(round == 0 ? ROWS : 0);
            assertThat(a.get("updated").asInt() + b.get("updated").asInt()).isEqualTo(round == 0 ? ROWS : 2 * ROWS);
            assertThat(fixtures.jdbc().sql("select count(*) from visit").query(Long.class).single()).isEqualTo(ROWS);
        }
        assertHistoryIsAChain("visit", "%");
    }

    /** Both uploads released at the same instant; their answers in order. */
    private List<HttpResponse<String>> together(String path, Csv first, Csv second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (Csv csv : List.of(first, second)) {
            byte[] body = csv.utf8();
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return admin().upload(path, "concurrent.csv", body);
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            answers.add(c.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }

    /**
     * Each change the imports of this test put on the audit trail starts from what the change before it left: no update
     * saw stale values. (The trail is append-only: entries of earlier tests, whose visit ids may recur, are before
     * {@code auditStart}.)
     */
    private void assertHistoryIsAChain(String objectType, String objectIds) {
        Map<String, Map<String, String>> state = new HashMap<>();
        List<String[]> entries = fixtures.jdbc().sql("""
                select object_id, detail from audit_log
                where id > ? and object_type = ? and object_id like ? and action like '%IMPORT_%' and result = 'SUCCESS'
                order by id""")
                .params(auditStart, objectType, objectIds).query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        assertThat(entries).isNotEmpty();
        int checked = 0;
        for (String[] e : entries) {
            Map<String, String> fields = state.computeIfAbsent(e[0], k -> new HashMap<>());
            for (JsonNode change : Json.parse(e[1]).get("changes")) {
                String field = change.get("field").asText();
                assertThat(change.get("old").asText()).as("%s %s: %s", objectType, e[0], field)
                        .isEqualTo(fields.getOrDefault(field, ""));
                fields.put(field, change.get("new").asText());
                checked++;
            }
        }
        // every entry changed something (a create: each field it sets)
        assertThat(checked).isGreaterThanOrEqualTo(entries.size());
    }

    private static Csv projects(int from, int amount) {
        Csv csv = Csv.of("项目编号", "项目名称", "行政区划代码", "责任单位", "产业链", "总投资(万元)", "对接日期", "投资方");
        for (int i = from; i < from + ROWS; i++) {
            csv.row(Map.of("项目编号", String.format("CC%04d", i), "项目名称", "并发导入项目" + i, "行政区划代码", "350112",
                    "责任单位", "单位" + i % 7, "产业链", "链" + i % 5, "总投资(万元)", String.valueOf(amount + i % 100),
                    "对接日期", "2017-03-01", "投资方", "并发投资企业" + i % 400));
        }
        return csv;
    }

    private static Csv visits(String nextStep) {
        Csv csv = Csv.of("日期", "小分队", "行政区划代码", "企业", "方式", "下一步");
        for (int i = 0; i < ROWS; i++) {
            csv.row(Map.of("日期", String.format("2017-03-%02d", 1 + i % 28), "小分队", "并发小分队" + i % 5, "行政区划代码", "350112",
                    "企业", "并发走访企业" + i, "方式", "外出拜访", "下一步", nextStep));
        }
        return csv;
    }
}
