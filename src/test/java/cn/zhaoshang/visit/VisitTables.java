package cn.zhaoshang.visit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helpers of the visit tests: an empty field-work schema, and rows as column → value maps. */
final class VisitTables {

    static final String[] HEADERS = {"日期", "小分队", "行政区划代码", "批次", "城市", "企业", "统一社会信用代码", "方式", "带队领导",
            "参加人员", "洽谈内容", "下一步", "下次跟进日期", "关联项目编号"};

    private VisitTables() {
    }

    /** Fixtures.reset() empties the ledger; teams and batches hang on regions and units, so they go here. */
    static void empty(JdbcClient jdbc) {
        jdbc.sql("truncate visit, trip_batch_plan, trip_batch_team, trip_batch, team_user, team_target, team_chain, team,"
                + " enterprise_pinyin restart identity cascade").update();
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** A row from alternating column names and values. */
    static Map<String, String> row(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A form post as a browser sends it, with HTTP Basic (which needs no CSRF token); redirects are not followed. */
    static java.net.http.HttpResponse<String> postForm(int port, String user, String password, String path, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("Accept", "text/html")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(encode(body))).build();
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String body) {
        StringBuilder b = new StringBuilder();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            b.append(b.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(kv[0], java.nio.charset.StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(kv.length > 1 ? kv[1] : "", java.nio.charset.StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The usual visit: date, team, enterprise, 外出拜访, in 350112. */
    static Map<String, String> visit(String date, String team, String enterprise) {
        return row("日期", date, "小分队", team, "行政区划代码", "350112", "企业", enterprise, "方式", "外出拜访");
    }
}
