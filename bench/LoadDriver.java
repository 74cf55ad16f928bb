import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load driver the benchmarks share (bench/Load.java, bench/VisitLoad.java extend it): N client threads calling one
 * endpoint or one set of statements for a time, the latencies' percentiles, the JDBC floor's connections, a GET. The
 * scripts compile it next to the PostgreSQL driver (bench/common.sh, {@code compile_driver}); the benchmarks themselves
 * run from source with it on the class path.
 */
public class LoadDriver {

    protected LoadDriver() {
    }


    public record Stats(long count, long errors, double seconds, long[] sortedNanos) {
        public double p(double q) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
        }

        public double rps() {
            return count / seconds;
        }
    }

    public interface Call {
        /** One request; false when it failed. */
        boolean run(Object clientState) throws Exception;
    }

    public interface StateFactory {
        Object open() throws Exception;
    }

    /**
     * Warms the server up before anything is measured: N clients call the given URLs in turn for a time. A server that has
     * just started spends its first minute or so compiling its hot paths (on 2 cores the JIT's threads take one of them);
     * the targets are about a server in service, so the figures are taken after it. Answers the number of requests made.
     */
    public static long warmUp(HttpClient http, int clients, double seconds, List<String> urls, String auth) throws Exception {
        if (seconds <= 0 || urls.isEmpty()) {
            return 0;
        }
        AtomicLong next = new AtomicLong();
        measure(clients, 0, seconds, () -> null, s -> get(http, urls.get((int) (next.getAndIncrement() % urls.size())), auth));
        return next.get();
    }

    public static Stats measure(int clients, double warmupSeconds, double seconds, StateFactory states, Call call) throws Exception {
        return measure(clients, warmupSeconds, seconds, states, call, () -> { });
    }

    /** {@code atStart} runs between the warm-up and the measured run (VisitLoad reads the server's CPU time there). */
    public static Stats measure(int clients, double warmupSeconds, double seconds, StateFactory states, Call call, Runnable atStart)
            throws Exception {
        Object[] state = new Object[clients];
        for (int i = 0; i < clients; i++) {
            state[i] = states.open();
        }
        long[][] samples = new long[clients][];
        AtomicLong errors = new AtomicLong();
        int[] counts;
        double elapsed;
        try {
            runFor(clients, warmupSeconds, state, call, null);
            atStart.run();
            long t0 = System.nanoTime();
            counts = runFor(clients, seconds, state, call, new Object[]{samples, errors});
            elapsed = (System.nanoTime() - t0) / 1e9;
        } finally {
            for (Object s : state) {
                if (s instanceof AutoCloseable c) {
                    c.close();
                }
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

    /** A statement and its parameters; {@code rows} are read to the end, as the application does. */
    public record Query(String sql, Object... params) {
    }

    public static String[] range(String code) {
        if (code.endsWith("0000")) {
            return new String[]{code.substring(0, 2) + "0000", code.substring(0, 2) + "9999"};
        }
        if (code.endsWith("00")) {
            return new String[]{code.substring(0, 4) + "00", code.substring(0, 4) + "99"};
        }
        return new String[]{code, code};
    }

    public static final class Db implements AutoCloseable {
        public final Connection connection;
        final List<PreparedStatement> statements = new ArrayList<>();

        public Db(String url, List<Query> queries) throws Exception {
            connection = DriverManager.getConnection(url);
            try {
                for (Query q : queries) {
                    PreparedStatement ps = connection.prepareStatement(q.sql());
                    for (int i = 0; i < q.params().length; i++) {
                        ps.setObject(i + 1, q.params()[i]);
                    }
                    statements.add(ps);
                }
            } catch (Exception e) {
                connection.close();
                throw e;
            }
        }

        public boolean run() throws Exception {
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

    public static boolean get(HttpClient http, String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (auth != null) {
            b.header("Authorization", auth);
        }
        // every byte of the body is read and none kept, as wrk does: gathering the province's visits report (27 MB) into
        // one array took the driver so much of the two cores it shares with the server that the p95 doubled (367 → 177 ms)
        HttpResponse<Void> r = http.send(b.build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200;
    }
}
