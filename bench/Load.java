import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The report load benchmark (issues 2 and 5): every report endpoint, the project list and a name search, for each region,
 * under N concurrent clients; beside each, the same answer straight from PostgreSQL over JDBC under the same
 * concurrency (the SQL floor), and GET /actuator/health (the HTTP floor). Prints one Markdown table.
 *
 * <p>Run with the PostgreSQL driver on the class path (bench/report-load.sh does all of it):
 * {@code java -cp postgresql.jar bench/Load.java --url http://localhost:8095 --user admin --password … --jdbc jdbc:postgresql://…}
 */
public class Load {

    // ---- the SQL floor: the plain statements that give the endpoints' answers ----

    static final String POOL = " " + """
             p.region_code between ? and ?
             and p.contacted_on <= ?::date
             and (p.terminated_on is null or p.terminated_on > ?::date)
             and (p.landed_eff is null or p.landed_eff >= ?::date)""";

    static final String SUMMARY = """
            select case when p.landed_eff <= ?::date then 'LANDED' when p.signed_on <= ?::date then 'SIGNED' else 'LEAD' end,
                   count(*), sum(p.investment)
            from project p where""" + POOL + " group by 1";

    static final String BY_UNIT = """
            select g.name, count(*), sum(p.investment), count(*) filter (where p.landed_eff <= ?::date),
                   sum(p.investment) filter (where p.landed_eff <= ?::date)
            from project p left join unit g on g.id = p.unit_id
            where""" + POOL + " group by g.id, g.name order by 5 desc nulls last, 2";

    static final String BY_CHAIN = """
            select g.name, count(*), sum(p.investment), count(*) filter (where p.landed_eff <= ?::date),
                   sum(p.investment) filter (where p.landed_eff <= ?::date)
            from project p left join industry_chain g on g.id = p.chain_id
            where""" + POOL + " group by g.id, g.name order by 5 desc nulls last, 2";

    static final String EVENTS = """
            select e.name, count(*), sum(p.investment), sum(p.foreign_investment), sum(p.utilized_foreign_capital),
                   count(*) filter (where p.on_stage), sum(p.investment) filter (where p.on_stage),
                   sum(p.foreign_investment) filter (where p.on_stage), sum(p.utilized_foreign_capital) filter (where p.on_stage)
            from project p join signing_event e on e.id = p.event_id
            where p.signed_on <= ?::date and""" + POOL + " group by e.id, e.name order by 3 desc, 1";

    static final String LIST_PAGE = """
            select p.code, p.name, inv.name, inv.credit_code, p.region_code, u.name, u.kind, c.name, p.investment,
                   p.foreign_investment, p.utilized_foreign_capital, p.key_project, p.contacted_on, p.signed_on, p.landed_on,
                   p.started_on, p.completed_on, p.terminated_on, e.name, p.on_stage, p.source, ref.name, pp.code, p.stage, p.version
            from project p
            left join unit u on u.id = p.unit_id
            left join enterprise inv on inv.id = p.investor_id
            left join enterprise ref on ref.id = p.referrer_id
            left join industry_chain c on c.id = p.chain_id
            left join signing_event e on e.id = p.event_id
            left join project pp on pp.id = p.parent_id
            where p.region_code between ? and ?
            order by p.contacted_on desc, p.code limit 20""";

    static final String LIST_COUNT = "select count(*) from project p where p.region_code between ? and ?";

    // the search's answer: name or investor (name, alias) containing the text, or the exact code or credit code,
    // each found through its index (V4's name pieces)
    static final String SEARCH = " " + """
             p.region_code between ? and ? and p.id in (
                select n.id from project n where name_bigrams(n.name) @> name_bigrams(?) and n.name like ?
                union all select c.id from project c where c.code = ?
                union all select x.id from project x where x.investor_id in (
                    select e.id from enterprise e where name_bigrams(e.name) @> name_bigrams(?) and e.name like ?
                    union all select e.id from enterprise e where e.credit_code = ?
                    union all select a.enterprise_id from enterprise_alias a where a.alias like ?))""";

    static final String SEARCH_PAGE = LIST_PAGE.replace("where p.region_code between ? and ?", "where" + SEARCH);

    static final String SEARCH_COUNT = "select count(*) from project p left join enterprise inv on inv.id = p.investor_id where"
            + SEARCH;

    // ---- driver ----

    record Stats(long count, long errors, double seconds, long[] sortedNanos) {
        double p(double q) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
        }

        double rps() {
            return count / seconds;
        }
    }

    interface Call {
        /** One request; false when it failed. */
        boolean run(Object clientState) throws Exception;
    }

    interface StateFactory {
        Object open() throws Exception;
    }

    static Stats measure(int clients, double warmupSeconds, double seconds, StateFactory states, Call call) throws Exception {
        Object[] state = new Object[clients];
        for (int i = 0; i < clients; i++) {
            state[i] = states.open();
        }
        runFor(clients, warmupSeconds, state, call, null);
        long[][] samples = new long[clients][];
        AtomicLong errors = new AtomicLong();
        long t0 = System.nanoTime();
        int[] counts = runFor(clients, seconds, state, call, new Object[]{samples, errors});
        double elapsed = (System.nanoTime() - t0) / 1e9;
        for (Object s : state) {
            if (s instanceof AutoCloseable c) {
                c.close();
            }
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(samples[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        return new Stats(total, errors.get(), elapsed, all);
    }

    private static int[] runFor(int clients, double seconds, Object[] state, Call call, Object[] sink) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        Exception[] failure = new Exception[1];
        for (int i = 0; i < clients; i++) {
            int me = i;
            threads[i] = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    while (System.nanoTime() < end) {
                        long s = System.nanoTime();
                        boolean ok = call.run(state[me]);
                        long d = System.nanoTime() - s;
                        if (sink != null) {
                            if (!ok) {
                                ((AtomicLong) sink[1]).incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = d;
                        }
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
                counts[me] = n;
                if (sink != null) {
                    ((long[][]) sink[0])[me] = mine;
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return counts;
    }

    // ---- the endpoints and their floors ----

    record Target(String name, String path, List<Query> floor) {
    }

    /** A statement and its parameters; {@code rows} are read to the end, as the application does. */
    record Query(String sql, Object... params) {
    }

    static List<Target> targets(String region, String rf, String rt, String from, String to, String search) {
        String q = "region=" + region + "&from=" + from + "&to=" + to;
        Query summary = new Query(SUMMARY, to, to, rf, rt, to, to, from);
        Query byUnit = new Query(BY_UNIT, to, to, rf, rt, to, to, from);
        Query byChain = new Query(BY_CHAIN, to, to, rf, rt, to, to, from);
        Query events = new Query(EVENTS, to, rf, rt, to, to, from);
        String like = "%" + search + "%";
        String code = search.toUpperCase(Locale.ROOT);
        return List.of(
                new Target("summary", "/api/v1/reports/summary?" + q, List.of(summary)),
                new Target("by-unit", "/api/v1/reports/by-unit?" + q, List.of(byUnit)),
                new Target("by-chain", "/api/v1/reports/by-chain?" + q, List.of(byChain)),
                new Target("events", "/api/v1/reports/events?" + q, List.of(events)),
                new Target("briefing", "/api/v1/reports/briefing?" + q, List.of(summary, byUnit, byChain, events)),
                new Target("list p.1", "/api/v1/projects?page=0&size=20&region=" + region,
                        List.of(new Query(LIST_PAGE, rf, rt), new Query(LIST_COUNT, rf, rt))),
                new Target("search “" + search + "”", "/api/v1/projects?page=0&size=20&region=" + region + "&q="
                        + URLEncoder.encode(search, StandardCharsets.UTF_8),
                        List.of(new Query(SEARCH_PAGE, rf, rt, search, like, code, search, like, code, like),
                                new Query(SEARCH_COUNT, rf, rt, search, like, code, search, like, code, like))));
    }

    static String[] range(String code) {
        if (code.endsWith("0000")) {
            return new String[]{code.substring(0, 2) + "0000", code.substring(0, 2) + "9999"};
        }
        if (code.endsWith("00")) {
            return new String[]{code.substring(0, 4) + "00", code.substring(0, 4) + "99"};
        }
        return new String[]{code, code};
    }

    static final class Db implements AutoCloseable {
        final Connection connection;
        final List<PreparedStatement> statements = new ArrayList<>();

        Db(String url, List<Query> queries) throws Exception {
            connection = DriverManager.getConnection(url);
            for (Query q : queries) {
                PreparedStatement ps = connection.prepareStatement(q.sql());
                for (int i = 0; i < q.params().length; i++) {
                    ps.setObject(i + 1, q.params()[i]);
                }
                statements.add(ps);
            }
        }

        boolean run() throws Exception {
            for (PreparedStatement ps : statements) {
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getString(c);
                        }
                    }
                }
            }
            return true;
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("url", "http://localhost:8095", "user", "admin", "password", "",
                "regions", "350112,350100,350000", "from", "2017-01-01", "to", "2017-12-31", "clients", "8", "seconds", "20",
                "sql-seconds", "10", "warmup", "3"));
        o.put("search", "华恒");
        o.put("only", "");
        o.put("jdbc", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(o.get("clients"));
        double seconds = Double.parseDouble(o.get("seconds"));
        double sqlSeconds = Double.parseDouble(o.get("sql-seconds"));
        double warmup = Double.parseDouble(o.get("warmup"));
        String base = o.get("url");
        String basic = "Basic " + Base64.getEncoder().encodeToString((o.get("user") + ":" + o.get("password"))
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        // basic: every request pays the password hash (bcrypt); bearer: a personal API token made once with the password
        String mode = o.getOrDefault("auth", "basic");
        String auth = mode.equals("bearer") ? "Bearer " + token(http, base, basic) : basic;
        List<String> only = o.get("only").isBlank() ? List.of() : List.of(o.get("only").split(","));

        System.out.printf(Locale.ROOT, "%d clients, %.0f s per endpoint (SQL floor %.0f s), warm-up %.0f s, period %s..%s, auth %s%n%n",
                clients, seconds, sqlSeconds, warmup, o.get("from"), o.get("to"), mode);
        Stats health = measure(clients, warmup, seconds, () -> null, s -> get(http, base + "/actuator/health", null));
        double healthP95 = health.p(0.95);
        System.out.println("| region | endpoint | p50 ms | p95 ms | p99 ms | req/s | errors | SQL p50 | SQL p95 | SQL q/s | ×SQL p95 | ×HTTP p95 |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| – | /actuator/health (HTTP floor, no auth) | %.1f | %.1f | %.1f | %.0f | %d | | | | | |%n",
                health.p(0.5), health.p(0.95), health.p(0.99), health.rps(), health.errors());
        for (String region : o.get("regions").split(",")) {
            String[] r = range(region.trim());
            for (Target t : targets(region.trim(), r[0], r[1], o.get("from"), o.get("to"), o.get("search"))) {
                if (!only.isEmpty() && only.stream().noneMatch(x -> t.name().startsWith(x))) {
                    continue;
                }
                Stats app = measure(clients, warmup, seconds, () -> null, s -> get(http, base + t.path(), auth));
                Stats sql = o.get("jdbc").isBlank() ? null
                        : measure(clients, warmup, sqlSeconds, () -> new Db(o.get("jdbc"), t.floor()), s -> ((Db) s).run());
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f | %.0f | %d | %s | %s | %s | %s | %.1f |%n",
                        region, t.name(), app.p(0.5), app.p(0.95), app.p(0.99), app.rps(), app.errors(),
                        sql == null ? "" : String.format(Locale.ROOT, "%.1f", sql.p(0.5)),
                        sql == null ? "" : String.format(Locale.ROOT, "%.1f", sql.p(0.95)),
                        sql == null ? "" : String.format(Locale.ROOT, "%.0f", sql.rps()),
                        sql == null ? "" : String.format(Locale.ROOT, "%.2f", app.p(0.95) / sql.p(0.95)),
                        app.p(0.95) / healthP95);
            }
        }
    }

    static String token(HttpClient http, String base, String basic) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not create an API token: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static boolean get(HttpClient http, String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200;
    }
}
