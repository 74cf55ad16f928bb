import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The visits load benchmark (issues 4 and 5): the visits report (CONTRACT.md §5) for a county, a prefecture and the
 * province over a year, and the follow-up list of a team, under N concurrent clients; beside each, the plain SQL that
 * gives the same answer straight from PostgreSQL over JDBC under the same concurrency (the SQL floor), and
 * GET /actuator/health (the HTTP floor). Prints the data it ran on and one Markdown table.
 *
 * <p>Run with the PostgreSQL driver on the class path (bench/visits-load.sh does all of it):
 * {@code java -cp postgresql.jar bench/VisitLoad.java --url http://localhost:8104 --user admin --password … --jdbc jdbc:postgresql://…}
 */
public class VisitLoad extends LoadDriver {

    // ---- the SQL floor: the statements that give the endpoints' answers ----

    static final String SCOPED = """
            select v.team_id, v.enterprise_id, v.visited_on, v.kind, v.batch_id from visit v
            where v.region_code = any(array(select r.code from region r where r.code between ? and ?)) and v.visited_on between ?::date and ?::date""";

    /** Totals and every team of the region: visits, enterprises, days, repeat enterprises, inspections, batches. */
    static final String REPORT_TEAMS = """
            with v as (%s),
            figures as (
                select grouping(team_id) as all_teams, team_id,
                       count(*) filter (where kind = 'VISIT') as visits,
                       count(distinct enterprise_id) filter (where kind = 'VISIT') as enterprises,
                       count(distinct visited_on) filter (where kind = 'VISIT') as days,
                       count(*) filter (where kind = 'INSPECTION') as inspections,
                       count(distinct batch_id) as batches
                from v group by grouping sets ((team_id), ())),
            per_enterprise as (
                select grouping(team_id) as all_teams, team_id, count(*) as n
                from v where kind = 'VISIT' group by grouping sets ((team_id, enterprise_id), (enterprise_id))),
            repeats as (
                select all_teams, team_id, count(*) filter (where n >= 2) as repeat_enterprises
                from per_enterprise group by all_teams, team_id)
            select t.id, t.name, f.visits, f.enterprises, f.days, r.repeat_enterprises, f.inspections, f.batches
            from (select id, name from team where region_code between ? and ? union all select null, null) t
            left join figures f on f.team_id is not distinct from t.id and (f.all_teams = 1) = (t.id is null)
            left join repeats r on r.team_id is not distinct from t.id and (r.all_teams = 1) = (t.id is null)""".formatted(SCOPED);

    /** Every enterprise visited or inspecting, with its counts and name. */
    static final String REPORT_ENTERPRISES = """
            with v as (%s)
            select (select e.name from enterprise e where e.id = x.enterprise_id) as name, x.visits, x.inspections, x.enterprise_id
            from (select enterprise_id, count(*) filter (where kind = 'VISIT') as visits,
                         count(*) filter (where kind = 'INSPECTION') as inspections
                  from v group by enterprise_id) x""".formatted(SCOPED);

    /** What the application asks PostgreSQL for the report: the period's visits from the covering index, then the names. */
    static final String REPORT_SCAN = """
            select v.team_id, v.enterprise_id, v.visited_on - date '2000-01-01', v.kind = 'VISIT', v.batch_id from visit v
            where v.region_code = any(array(select r.code from region r where r.code between ? and ?)) and v.visited_on between ?::date and ?::date""";

    static final String REPORT_NAMES = """
            select id, name from enterprise where id = any(array(
                select distinct enterprise_id from visit where region_code = any(array(select r.code from region r where r.code between ? and ?))
                and visited_on between ?::date and ?::date))""";

    /** A team's open follow-ups due by the horizon, with the enterprise's name and the project's code. */
    static final String FOLLOW_UPS = """
            select v.id, v.visited_on, v.kind, t.id, t.name, v.enterprise_id,
                   (select e.name from enterprise e where e.id = v.enterprise_id) as enterprise, v.next_step, v.follow_up_on,
                   (select p.code from project p where p.id = v.project_id)
            from visit v join team t on t.id = v.team_id
            where v.team_id = ? and v.follow_up_on is not null and v.follow_up_done_on is null and v.follow_up_on <= ?::date
            order by v.follow_up_on, t.name, enterprise, v.id limit 2000""";

    // ---- driver (the same as bench/Load.java's) ----

    record Target(String region, String name, String path, List<Query> floor) {
    }

    /**
     * CPU seconds (user + system) the server spent: its JVM and its PostgreSQL (the postmaster and every process under
     * it), read from /proc. Independent of what else the machine runs, unlike the latencies.
     */
    static double serverCpu(long jvm, long postmaster) {
        if (jvm <= 0) {
            return Double.NaN;
        }
        long ticks = ticks(jvm) + ticks(postmaster);
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File p : procs == null ? new java.io.File[0] : procs) {
            String[] f = stat(Long.parseLong(p.getName()));
            if (f != null && Long.parseLong(f[3]) == postmaster) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return ticks / 100.0; // USER_HZ
    }

    private static long ticks(long pid) {
        String[] f = stat(pid);
        return f == null ? 0 : Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** The fields of /proc/PID/stat, the command name (which may hold spaces) taken out; null when gone. */
    private static String[] stat(long pid) {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            String rest = s.substring(s.lastIndexOf(')') + 2);
            String[] tail = rest.trim().split(" ");
            String[] f = new String[tail.length + 2];
            f[0] = Long.toString(pid);
            f[1] = "";
            System.arraycopy(tail, 0, f, 2, tail.length);
            return f;
        } catch (Exception e) {
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("url", "http://localhost:8104", "user", "admin", "password", "",
                "regions", "350112,350100,350000", "from", "2017-01-01", "to", "2017-12-31", "clients", "8", "seconds", "20",
                "sql-seconds", "10", "warmup", "3"));
        o.put("server-warmup", "60");
        o.put("only", "");
        o.put("jdbc", "");
        o.put("teams", "");
        o.put("server-pid", "0");
        o.put("pg-pid", "0");
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(o.get("clients"));
        double seconds = Double.parseDouble(o.get("seconds"));
        double sqlSeconds = Double.parseDouble(o.get("sql-seconds"));
        double warmup = Double.parseDouble(o.get("warmup"));
        String base = o.get("url");
        String auth = "Basic " + Base64.getEncoder().encodeToString((o.get("user") + ":" + o.get("password"))
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> only = o.get("only").isBlank() ? List.of() : List.of(o.get("only").split(","));
        String jdbc = o.get("jdbc");
        String[] regions = o.get("regions").split(",");
        // the follow-up list's horizon, as the application computes it: today + 30 days
        String horizon = LocalDate.now().plusDays(30).toString();

        List<Target> targets = new ArrayList<>();
        for (String region : regions) {
            String[] r = range(region.trim());
            targets.add(new Target(region.trim(), "visits report", "/api/v1/reports/visits?region=" + region.trim() + "&from="
                    + o.get("from") + "&to=" + o.get("to"), List.of(
                    new Query(REPORT_TEAMS, r[0], r[1], o.get("from"), o.get("to"), r[0], r[1]),
                    new Query(REPORT_ENTERPRISES, r[0], r[1], o.get("from"), o.get("to")))));
            targets.add(new Target(region.trim(), "visits report: the rows the application reads (SQL only)", null, List.of(
                    new Query(REPORT_SCAN, r[0], r[1], o.get("from"), o.get("to")),
                    new Query(REPORT_NAMES, r[0], r[1], o.get("from"), o.get("to")))));
        }
        for (String[] team : teams(jdbc, o.get("teams"), regions[0].trim(), horizon)) {
            targets.add(new Target(team[1], "follow-ups of team " + team[0] + " (" + team[2] + " open)",
                    "/api/v1/visits/follow-ups?team=" + team[0], List.of(new Query(FOLLOW_UPS, Long.parseLong(team[0]), horizon))));
        }
        describe(jdbc, regions, o.get("from"), o.get("to"));

        targets.removeIf(t -> !only.isEmpty() && only.stream().noneMatch(x -> t.name().startsWith(x)));
        double serverWarmup = Double.parseDouble(o.get("server-warmup"));
        long warmed = warmUp(http, clients, serverWarmup, targets.stream().filter(t -> t.path() != null).map(t -> base + t.path()).toList(), auth);
        System.out.printf(Locale.ROOT, "%d clients, %.0f s per endpoint (SQL floor %.0f s), warm-up %.0f s, period %s..%s%n",
                clients, seconds, sqlSeconds, warmup, o.get("from"), o.get("to"));
        System.out.printf(Locale.ROOT, "server warmed up first: %.0f s over every endpoint below, %,d requests%n%n", serverWarmup, warmed);
        Stats health = measure(clients, warmup, seconds, () -> null, s -> get(http, base + "/actuator/health", null));
        double healthP95 = health.p(0.95);
        long jvm = Long.parseLong(o.get("server-pid"));
        long pg = Long.parseLong(o.get("pg-pid"));
        System.out.println("| region | endpoint | p50 ms | p95 ms | p99 ms | req/s | errors | server CPU ms/req | SQL p50 | SQL p95 | SQL q/s"
                + " | ×SQL p95 | ×HTTP p95 | load |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        System.out.printf(Locale.ROOT, "| – | /actuator/health (HTTP floor, no auth) | %.1f | %.1f | %.1f | %.0f | %d | | | | | | | %s |%n",
                health.p(0.5), health.p(0.95), health.p(0.99), health.rps(), health.errors(), load());
        for (Target t : targets) {
            Stats app = null;
            double cpu = Double.NaN;
            if (t.path() != null) {
                double[] before = {0};
                app = measure(clients, warmup, seconds, () -> null, s -> get(http, base + t.path(), auth),
                        () -> before[0] = serverCpu(jvm, pg));
                cpu = (serverCpu(jvm, pg) - before[0]) * 1000 / app.count();
            }
            Stats sql = jdbc.isBlank() ? null : measure(clients, warmup, sqlSeconds, () -> new Db(jdbc, t.floor()), s -> ((Db) s).run());
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    t.region(), t.name(), f(app, 0.5), f(app, 0.95), f(app, 0.99),
                    app == null ? "" : String.format(Locale.ROOT, "%.0f", app.rps()), app == null ? "" : Long.toString(app.errors()),
                    Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%.1f", cpu),
                    f(sql, 0.5), f(sql, 0.95), sql == null ? "" : String.format(Locale.ROOT, "%.0f", sql.rps()),
                    app == null || sql == null ? "" : String.format(Locale.ROOT, "%.2f", app.p(0.95) / sql.p(0.95)),
                    app == null ? "" : String.format(Locale.ROOT, "%.1f", app.p(0.95) / healthP95), load());
        }
    }

    static String f(Stats s, double q) {
        return s == null ? "" : String.format(Locale.ROOT, "%.1f", s.p(q));
    }

    /** The 1-minute load average now. */
    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * The teams whose follow-up lists are measured: the given ids, or the county's team with the most open follow-ups
     * and the team with the most in the whole database. Each as {id, region, open follow-ups}.
     */
    static List<String[]> teams(String jdbc, String given, String county, String horizon) throws Exception {
        List<String[]> teams = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc)) {
            String open = "(select count(*) from visit v where v.team_id = t.id and v.follow_up_on is not null"
                    + " and v.follow_up_done_on is null and v.follow_up_on <= ?::date)";
            List<String> sqls = new ArrayList<>();
            if (!given.isBlank()) {
                for (String id : given.split(",")) {
                    sqls.add("select t.id, t.region_code, " + open + " from team t where t.id = " + Long.parseLong(id.trim()));
                }
            } else {
                sqls.add("select t.id, t.region_code, " + open + " from team t where t.region_code = '" + county + "' order by 3 desc, 1 limit 1");
                sqls.add("""
                        select t.id, t.region_code, x.n from (select team_id, count(*) n from visit
                        where follow_up_on is not null and follow_up_done_on is null and follow_up_on <= ?::date
                        group by team_id order by 2 desc, 1 limit 1) x join team t on t.id = x.team_id""");
            }
            for (String sql : sqls) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, horizon);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            teams.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                        }
                    }
                }
            }
        }
        return teams;
    }

    /** The data the run sees: table sizes, and per region the period's visits, enterprises and teams. */
    static void describe(String jdbc, String[] regions, String from, String to) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select (select count(*) from visit), (select count(*) from enterprise), (select count(*) from project),
                           (select count(*) from team), (select count(*) from trip_batch),
                           (select count(*) from visit where follow_up_on is not null and follow_up_done_on is null)""")) {
                rs.next();
                System.out.printf(Locale.ROOT, "data: %,d visits, %,d enterprises, %,d projects, %,d teams, %,d trip batches, %,d open follow-ups%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
            for (String region : regions) {
                String[] r = range(region.trim());
                try (PreparedStatement ps = c.prepareStatement("""
                        select count(*), count(distinct enterprise_id), count(distinct team_id) from visit
                        where region_code between ? and ? and visited_on between ?::date and ?::date""")) {
                    ps.setString(1, r[0]);
                    ps.setString(2, r[1]);
                    ps.setString(3, from);
                    ps.setString(4, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        System.out.printf(Locale.ROOT, "region %s, %s..%s: %,d visits and inspections, %,d enterprises, %,d teams%n",
                                region.trim(), from, to, rs.getLong(1), rs.getLong(2), rs.getLong(3));
                    }
                }
            }
        }
    }


}
