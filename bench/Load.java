import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report load benchmark (issues 2 and 5): every report endpoint, the project list and a name search, for each region,
 * under N concurrent clients; beside each, the same answer straight from PostgreSQL over JDBC under the same
 * concurrency (the SQL floor), and GET /actuator/health (the HTTP floor). Prints one Markdown table. With
 * {@code --lists true} also the project list with filters and sorts (stage, chain, key project by investment, by name,
 * by stage, by unit, one unit) and more searches ({@code --searches 华,数据中心}).
 *
 * <p>Run with the PostgreSQL driver on the class path (bench/report-load.sh does all of it):
 * {@code java -cp postgresql.jar bench/Load.java --url http://localhost:8095 --user admin --password … --jdbc jdbc:postgresql://…}
 */
public class Load extends LoadDriver {

    // ---- the SQL floor: the plain statements that give the endpoints' answers ----

    // The reports' floor: the statements over the running totals (report_delta, V7__report_running_totals.sql) that the
    // application itself runs for a whole region, the best plain SQL for these answers we know. They are taken from the
    // jar's cn.zhaoshang.report.RunningTotalsSql (on the class path, see report-load.sh), so the floor is exactly them.
    static String floorSql(String name, String from, String to) {
        try {
            return (String) Class.forName("cn.zhaoshang.report.RunningTotalsSql")
                    .getMethod(name, java.time.LocalDate.class, java.time.LocalDate.class)
                    .invoke(null, java.time.LocalDate.parse(from), java.time.LocalDate.parse(to));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cn.zhaoshang.report.RunningTotalsSql." + name + "() not on the class path", e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> periodValues(String rf, String rt, String from, String to) {
        try {
            return (Map<String, Object>) Class.forName("cn.zhaoshang.report.RunningTotalsSql")
                    .getMethod("parameters", String.class, String.class, java.time.LocalDate.class, java.time.LocalDate.class)
                    .invoke(null, rf, rt, java.time.LocalDate.parse(from), java.time.LocalDate.parse(to));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cn.zhaoshang.report.RunningTotalsSql.parameters() not on the class path", e);
        }
    }

    /** A statement with :named parameters, bound from the period's values in the order they appear. */
    static Query named(String sql, Map<String, Object> values) {
        List<Object> params = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            params.add(values.get(m.group(1)));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new Query(out.toString(), params.toArray());
    }

    static final String COLUMNS = """
            select p.code, p.name, inv.name, inv.credit_code, p.region_code, u.name, u.kind,
                   (select c.name from industry_chain c where c.id = p.chain_id), p.investment,
                   p.foreign_investment, p.utilized_foreign_capital, p.key_project, p.contacted_on, p.signed_on, p.landed_on,
                   p.started_on, p.completed_on, p.terminated_on, (select e.name from signing_event e where e.id = p.event_id),
                   p.on_stage, p.source, (select ref.name from enterprise ref where ref.id = p.referrer_id),
                   (select pp.code from project pp where pp.id = p.parent_id), p.stage, p.version
            from project p
            left join unit u on u.id = p.unit_id
            left join enterprise inv on inv.id = p.investor_id
            """;

    // the project list (issue 5): its floor is what the application sends, as plain statements: the total from the
    // maintained counts (V11) or a count, and the page's rows found the way ProjectListQuery finds them

    /** The total of a list filtered by region, stage, key project or chain: the tally's rows (chain -1: all chains). */
    static String tally(String filters) {
        return "select coalesce(sum(t.n), 0) from project_tally t where t.chain_id = ? and t.region_code between ? and ?" + filters;
    }

    /**
     * A first page over several regions: each region's first rows along its index, merged (the regions from the tally);
     * ties by code the other way round. {@code filters} on p, {@code tallyFilters} on t, then the page's rows.
     */
    static String merged(String column, boolean asc, String filters, String tallyFilters) {
        String dir = asc ? " asc" : " desc";
        String tie = asc ? " desc" : " asc";
        return COLUMNS + """
                join (select x.id, row_number() over (order by x.k%s, x.code%s) as rank from (
                    select t.region_code from project_tally t where t.chain_id = ? and t.region_code between ? and ?%s
                    group by t.region_code having sum(t.n) > 0) r
                cross join lateral (
                    select p.id, %s as k, p.code from %s p where p.region_code = r.region_code%s
                    order by %s%s, p.code%s limit 20) x
                order by x.k%s, x.code%s limit 20) m on m.id = p.id
                order by m.rank""".formatted(dir, tie, tallyFilters, column, table(column), filters, column, dir, tie, dir, tie);
    }

    /**
     * Where the application reads a list sorted by this column (ProjectListQuery): V29's list table and its inbox for
     * code, name, investment and stage, the project table for the contact date (and for one unit's projects).
     */
    static String table(String column) {
        return List.of("p.code", "p.name", "p.investment", "p.stage").contains(column) ? "project_listed" : "project";
    }

    /**
     * A first page found by one query, as the application does it for a county (its code as an equality), one unit or
     * a deep page: the page's ids in order, then their rows ({@code where} and {@code order} on p and u).
     */
    static String plain(String where, String order) {
        return page("where p.region_code between ? and ?" + where, order);
    }

    static String plainCounty(String where, String order) {
        return page("where p.region_code = ? and p.region_code = ?" + where, order);
    }

    private static String page(String where, String order) {
        String column = order.substring(0, order.indexOf(' '));
        String from = where.contains("p.unit_id") || table(column).equals("project")
                ? "project p left join unit u on u.id = p.unit_id" : table(column) + " p";
        return COLUMNS + """
                join (select p.id, row_number() over (order by %s) as rank from %s
                      %s order by %s limit 20) m on m.id = p.id
                order by m.rank""".formatted(order, from, where, order);
    }

    // the search's matches, each way of matching through its own index (V10's name pieces, in V27's search tables, and
    // V27's inbox of an import's names not merged yet), for region rf..rt: parameters rf, rt, text, like, rf, rt, like,
    // code, rf, rt, text, like, like, rf, rt, code, text, like
    static final String SEARCH_IDS = " " + """
            and p.id in (
                select n.id from project_name_search n
                where n.region_code between ? and ? and name_pieces(n.name) @> search_pieces(?) and n.name like ?
                union all select i.id from name_search_inbox i where i.kind = 'P' and i.region_code between ? and ? and i.name like ?
                union select c.id from project c where c.code = ?
                union select x.id from project x where x.region_code between ? and ? and x.investor_id in (
                    select e.id from enterprise_name_search e where name_pieces(e.name) @> search_pieces(?) and e.name like ?
                    union all select i.id from name_search_inbox i where i.kind = 'E' and i.name like ?)
                union select x.id from project x where x.region_code between ? and ? and x.investor_id in (
                    select e.id from enterprise e where e.credit_code = cast(? as bpchar)
                    union select a.enterprise_id from enterprise_alias a
                    where name_pieces(a.alias) @> search_pieces(?) and a.alias like ?))""";

    // ---- the endpoints and their floors ----

    record Target(String name, String path, List<Query> floor) {
    }

    static List<Target> targets(String region, String rf, String rt, String from, String to, String search) {
        String q = "region=" + region + "&from=" + from + "&to=" + to;
        Map<String, Object> period = periodValues(rf, rt, from, to);
        Query summary = named(floorSql("summary", from, to), period);
        Query byUnit = named(floorSql("byUnit", from, to), period);
        Query byChain = named(floorSql("byChain", from, to), period);
        Query events = named(floorSql("events", from, to), period);
        String like = "%" + search + "%";
        String code = search.toUpperCase(Locale.ROOT);
        return List.of(
                new Target("summary", "/api/v1/reports/summary?" + q, List.of(summary)),
                new Target("by-unit", "/api/v1/reports/by-unit?" + q, List.of(byUnit)),
                new Target("by-chain", "/api/v1/reports/by-chain?" + q, List.of(byChain)),
                new Target("events", "/api/v1/reports/events?" + q, List.of(events)),
                // the briefing takes its summary from the by-unit rows (RunningTotals.summaryAndUnits): three statements
                new Target("briefing", "/api/v1/reports/briefing?" + q, List.of(byUnit, byChain, events)),
                new Target("list p.1", "/api/v1/projects?page=0&size=20&region=" + region,
                        list(rf, rt, "p.contacted_on", false, "", "", List.of(), List.of())),
                new Target("search “" + search + "”", "/api/v1/projects?page=0&size=20&region=" + region + "&q="
                        + URLEncoder.encode(search, StandardCharsets.UTF_8), searchFloor(rf, rt, search)));
    }

    /** The list with a couple of filters and sorts (--lists): what the 项目库 page asks for. */
    static List<Target> lists(String region, String rf, String rt, long chain, long unit) {
        String page = "/api/v1/projects?page=0&size=20&region=" + region;
        return List.of(
                new Target("list stage=线索", page + "&stage=LEAD",
                        list(rf, rt, "p.contacted_on", false, " and p.stage = ?", " and t.stage = ?", List.of("LEAD"), List.of("LEAD"))),
                new Target("list chain", page + "&chain=" + chain,
                        listChain(rf, rt, chain)),
                new Target("list key, by investment", page + "&key=true&sort=investment&dir=desc",
                        list(rf, rt, "p.investment", false, " and p.key_project = ?", " and t.key_project = ?", List.of(true),
                                List.of(true))),
                new Target("list by name", page + "&sort=name&dir=asc",
                        list(rf, rt, "p.name", true, "", "", List.of(), List.of())),
                new Target("list by stage", page + "&sort=stage&dir=asc",
                        list(rf, rt, "p.stage", true, "", "", List.of(), List.of())),
                new Target("list by unit", page + "&sort=unit&dir=asc",
                        List.of(new Query(tally(""), -1L, rf, rt), new Query(COLUMNS + """
                                join (select p.id, row_number() over (order by u.name asc, p.code desc) as rank
                                      from project p join unit u on u.id = p.unit_id
                                      where %s
                                        and u.name <= (select name from unit where region_code between ? and ?
                                                       order by name offset 4 limit 1)
                                      order by u.name asc, p.code desc limit 20) m on m.id = p.id
                                order by m.rank""".formatted(rf.equals(rt) ? "p.region_code = ? and p.region_code = ?"
                                : "p.region_code between ? and ?"), rf, rt, rf, rt))),
                new Target("list unit", page + "&unit=" + unit,
                        List.of(new Query("select count(*) from project p where p.region_code between ? and ? and p.unit_id = ?", rf, rt,
                                unit), new Query((rf.equals(rt) ? plainCounty(" and p.unit_id = ?", "p.contacted_on desc, p.code asc")
                                : plain(" and p.unit_id = ?", "p.contacted_on desc, p.code asc")), rf, rt, unit))));
    }

    /** Total and first page of a list filtered on tally keys (stage, key project), sorted by one column. */
    static List<Query> list(String rf, String rt, String column, boolean asc, String filters, String tallyFilters,
                            List<Object> values, List<Object> tallyValues) {
        List<Object> count = new ArrayList<>(List.of(-1L, rf, rt));
        count.addAll(tallyValues);
        List<Object> rows = new ArrayList<>();
        String sql;
        if (rf.equals(rt)) {
            sql = plainCounty(filters, column + (asc ? " asc, p.code desc" : " desc, p.code asc"));
            rows.addAll(List.of(rf, rt));
            rows.addAll(values);
        } else {
            sql = merged(column, asc, filters, tallyFilters);
            rows.addAll(List.of(-1L, rf, rt));
            rows.addAll(tallyValues);
            rows.addAll(values);
        }
        return List.of(new Query(tally(tallyFilters), count.toArray()), new Query(sql, rows.toArray()));
    }

    static List<Query> listChain(String rf, String rt, long chain) {
        Query count = new Query(tally(""), chain, rf, rt);
        Query rows = rf.equals(rt)
                ? new Query(plainCounty(" and p.chain_id = ?", "p.contacted_on desc, p.code asc"), rf, rt, chain)
                : new Query(merged("p.contacted_on", false, " and p.chain_id = ?", ""), chain, rf, rt, chain);
        return List.of(count, rows);
    }

    /** A search: its matches found once, counted, and the first page's rows (ProjectListQuery#search), one statement. */
    static List<Query> searchFloor(String rf, String rt, String search) {
        String like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String code = search.toUpperCase(Locale.ROOT);
        List<Object> params = new ArrayList<>(List.of(rf, rt));
        params.addAll(List.of(rf, rt, search, like, rf, rt, like, code, rf, rt, search, like, like, rf, rt, code, search, like));
        String region = rf.equals(rt) ? "p.region_code = ? and p.region_code = ?" : "p.region_code between ? and ?";
        String sql = "with m as (select p.id, p.contacted_on as k, p.code from project p where " + region + SEARCH_IDS + "),\n"
                + "page as (select m.id, row_number() over (order by m.k desc, m.code asc) as rank from m"
                + " order by m.k desc, m.code asc limit 20)\n"
                + COLUMNS + "join page on page.id = p.id cross join (select count(*) as total from m) t order by page.rank";
        return List.of(new Query(sql, params.toArray()));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("url", "http://localhost:8095", "user", "admin", "password", "",
                "regions", "350112,350100,350000", "from", "2017-01-01", "to", "2017-12-31", "clients", "8", "seconds", "20",
                "sql-seconds", "10", "warmup", "3"));
        o.put("server-warmup", "60");
        o.put("search", "华恒");
        o.put("only", "");
        o.put("lists", "false");
        o.put("searches", "华,数据中心");
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

        Map<String, List<Target>> byRegion = new LinkedHashMap<>();
        for (String region : o.get("regions").split(",")) {
            String[] r = range(region.trim());
            List<Target> all = new ArrayList<>(targets(region.trim(), r[0], r[1], o.get("from"), o.get("to"), o.get("search")));
            if (Boolean.parseBoolean(o.get("lists"))) {
                all.addAll(lists(region.trim(), r[0], r[1], lookup(o.get("jdbc"), "select id from industry_chain where name = '大数据'"),
                        lookup(o.get("jdbc"), "select unit_id from project where region_code between '" + r[0] + "' and '" + r[1]
                                + "' and unit_id is not null group by 1 order by count(*) desc, 1 limit 1")));
                for (String more : o.get("searches").split(",")) {
                    if (!more.isBlank()) {
                        all.add(new Target("search “" + more + "”", "/api/v1/projects?page=0&size=20&region=" + region.trim() + "&q="
                                + URLEncoder.encode(more, StandardCharsets.UTF_8), searchFloor(r[0], r[1], more)));
                    }
                }
            }
            all.removeIf(t -> !only.isEmpty() && only.stream().noneMatch(x -> t.name().startsWith(x)));
            byRegion.put(region.trim(), all);
        }
        double serverWarmup = Double.parseDouble(o.get("server-warmup"));
        long warmed = warmUp(http, clients, serverWarmup,
                byRegion.values().stream().flatMap(List::stream).filter(t -> t.path() != null).map(t -> base + t.path()).toList(), auth);

        System.out.printf(Locale.ROOT, "%d clients, %.0f s per endpoint (SQL floor %.0f s), warm-up %.0f s, period %s..%s, auth %s%n",
                clients, seconds, sqlSeconds, warmup, o.get("from"), o.get("to"), mode);
        System.out.printf(Locale.ROOT, "server warmed up first: %.0f s over every endpoint below, %,d requests%n%n", serverWarmup, warmed);
        Stats health = measure(clients, warmup, seconds, () -> null, s -> get(http, base + "/actuator/health", null));
        double healthP95 = health.p(0.95);
        System.out.println("| region | endpoint | p50 ms | p95 ms | p99 ms | req/s | errors | SQL p50 | SQL p95 | SQL q/s | ×SQL p95 | ×HTTP p95 |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| – | /actuator/health (HTTP floor, no auth) | %.1f | %.1f | %.1f | %.0f | %d | | | | | |%n",
                health.p(0.5), health.p(0.95), health.p(0.99), health.rps(), health.errors());
        for (Map.Entry<String, List<Target>> byThe : byRegion.entrySet()) {
            String region = byThe.getKey();
            for (Target t : byThe.getValue()) {
                Stats app = measure(clients, warmup, seconds, () -> null, s -> get(http, base + t.path(), auth));
                Stats sql = null;
                if (!o.get("jdbc").isBlank()) {
                    try {
                        sql = measure(clients, warmup, sqlSeconds, () -> new Db(o.get("jdbc"), t.floor()), s -> ((Db) s).run());
                    } catch (java.sql.SQLException e) {
                        // a schema without the statements' tables (an older version of the application): no floor
                        System.err.println(t.name() + ": no SQL floor: " + e.getMessage());
                    }
                }
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

    /** One number from the database (ids for the list's filters); 1 without --jdbc. */
    static long lookup(String jdbc, String sql) throws Exception {
        if (jdbc.isBlank()) {
            return 1;
        }
        try (Connection c = DriverManager.getConnection(jdbc); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 1;
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


}
