package cn.zhaoshang.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replica's connection pool and how fresh it is. Every {@code check-interval} the primary's WAL write position is
 * sampled and the replica's replay position read: once the replica has replayed past a sample taken at time t, it
 * holds every commit made before t, so a report read from it now is at most {@code now - t} old. That bound holds on
 * an idle primary too (unlike {@code now() - pg_last_xact_replay_timestamp()}, which grows while nothing happens), and
 * it grows by itself when checks stop succeeding. The replica is used while the bound is within {@code max-lag}.
 */
final class ReadReplica implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final int MAX_SAMPLES = 10_000;

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final JdbcClient primary;
    private final TransactionTemplate readOnly;
    private final Duration maxLag;
    private final ScheduledExecutorService monitor;
    /** (primary write LSN, System.nanoTime()) pairs not yet passed by the replica's replay, oldest first. */
    private final Deque<long[]> samples = new ArrayDeque<>();
    private volatile Observation observed = new Observation(ReplicaStatus.State.UNKNOWN, Long.MIN_VALUE, "尚未检查");
    private final Object logLock = new Object();
    private ReplicaStatus.State logged = ReplicaStatus.State.UNKNOWN;

    /** What the last check found; {@code caughtUpAt} is the nanoTime before which every primary commit is on the replica. */
    private record Observation(ReplicaStatus.State state, long caughtUpAt, String reason) {
    }

    ReadReplica(ReplicaProperties p, JdbcClient primary, String defaultUsername, String defaultPassword) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(p.url());
        config.setUsername(p.username() != null ? p.username() : defaultUsername);
        config.setPassword(p.password() != null ? p.password() : defaultPassword);
        config.setPoolName("zhaoshang-replica");
        config.setMaximumPoolSize(p.poolSize());
        config.setMinimumIdle(Math.min(2, p.poolSize()));
        config.setConnectionTimeout(p.connectTimeout().toMillis());
        config.setValidationTimeout(Math.max(250, p.connectTimeout().toMillis() / 2));
        config.setReadOnly(true);
        // the application starts, and reports read the primary, while the replica is down
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Math.max(1, p.connectTimeout().toSeconds()));
        this.pool = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(pool);
        this.primary = primary;
        this.maxLag = p.maxLag();
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(pool));
        readOnly.setReadOnly(true);
        // one snapshot for all statements of a report (the briefing runs four)
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "replica-monitor");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleWithFixedDelay(this::check, 0, p.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    TransactionTemplate readOnly() {
        return readOnly;
    }

    Duration maxLag() {
        return maxLag;
    }

    /** Fresh enough to answer a report now. */
    boolean usable() {
        return status().state() == ReplicaStatus.State.FRESH;
    }

    ReplicaStatus status() {
        Observation o = observed;
        if (o.state() != ReplicaStatus.State.FRESH) {
            return new ReplicaStatus(o.state(), o.caughtUpAt() == Long.MIN_VALUE ? null : age(o.caughtUpAt()), o.reason());
        }
        Duration staleness = age(o.caughtUpAt());
        return staleness.compareTo(maxLag) <= 0
                ? new ReplicaStatus(ReplicaStatus.State.FRESH, staleness, o.reason())
                : new ReplicaStatus(ReplicaStatus.State.LAGGING, staleness, "落后主库超过 " + maxLag.toMillis() + " 毫秒");
    }

    /** A report failed on the replica: a connection that broke means the replica is gone until the next check says otherwise. */
    void failed(RuntimeException e) {
        if (ReportDatabase.connectionLost(e)) {
            observe(new Observation(ReplicaStatus.State.DOWN, observed.caughtUpAt(), "连接中断：" + rootMessage(e)));
        }
    }

    /** Keeps what a check found, and says in the log when the reports move between replica and primary. */
    private void observe(Observation o) {
        observed = o;
        ReplicaStatus s = status();
        synchronized (logLock) {
            if (s.state() != logged) {
                logged = s.state();
                if (s.state() == ReplicaStatus.State.FRESH) {
                    log.info("报表由只读副本查询：{}", s);
                } else {
                    log.warn("报表改由主库查询：{}", s);
                }
            }
        }
    }

    /** One comparison of the replica with the primary; the monitor runs it every check-interval. */
    synchronized void check() {
        try {
            long sampledAt = System.nanoTime();
            Position p = primary.sql("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,"
                            + " (select system_identifier::text from pg_control_system())")
                    .query((rs, n) -> new Position(true, rs.getLong(1), rs.getString(2))).single();
            samples.addLast(new long[]{p.lsn(), sampledAt});
            if (samples.size() > MAX_SAMPLES) {
                samples.removeFirst();
            }
            Position r;
            try {
                r = jdbc.sql("select pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0'), -1)::bigint,"
                                + " (select system_identifier::text from pg_control_system())")
                        .query((rs, n) -> new Position(rs.getBoolean(1), rs.getLong(2), rs.getString(3))).single();
            } catch (DataAccessException e) {
                observe(new Observation(ReplicaStatus.State.DOWN, observed.caughtUpAt(), "无法连接：" + rootMessage(e)));
                return;
            }
            if (!Objects.equals(r.systemId(), p.systemId())) {
                observe(new Observation(ReplicaStatus.State.NOT_A_REPLICA, Long.MIN_VALUE,
                        "不是主库的副本（系统标识 " + r.systemId() + "，主库 " + p.systemId() + "）"));
            } else if (!r.inRecovery()) {
                observe(new Observation(ReplicaStatus.State.NOT_A_REPLICA, Long.MIN_VALUE, "不在恢复状态（已被提升为主库？）"));
            } else {
                long caughtUpAt = observed.caughtUpAt();
                while (!samples.isEmpty() && samples.peekFirst()[0] <= r.lsn()) {
                    caughtUpAt = Math.max(caughtUpAt, samples.removeFirst()[1]);
                }
                observe(caughtUpAt == Long.MIN_VALUE
                        ? new Observation(ReplicaStatus.State.LAGGING, Long.MIN_VALUE, "尚未追上主库")
                        : new Observation(ReplicaStatus.State.FRESH, caughtUpAt, "回放位置 " + r.lsn() + "，主库 " + p.lsn()));
            }
        } catch (RuntimeException e) {
            // the primary could not be asked: the replica's freshness cannot be measured, so it is not used
            observe(new Observation(ReplicaStatus.State.UNKNOWN, observed.caughtUpAt(), "无法查询主库：" + rootMessage(e)));
        }
    }

    private record Position(boolean inRecovery, long lsn, String systemId) {
    }

    private static Duration age(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    @Override
    public void close() {
        monitor.shutdownNow();
        pool.close();
    }
}
