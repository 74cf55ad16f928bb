package cn.zhaoshang.platform;

import java.io.Closeable;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the read-only reports run. Without a replica: on the primary, exactly as any other query. With one
 * ({@code zhaoshang.replica.url}): in a read-only transaction on the replica while it is reachable and no more than
 * {@code max-lag} behind, otherwise on the primary; a report that fails on the replica because of the replica
 * (connection lost, query cancelled by replay) is run again on the primary, so the replica never costs a report.
 * Writes, accounts and the audit trail never come here: they use the primary's {@code JdbcClient}.
 */
public final class ReportDatabase implements Closeable {

    private final JdbcClient primary;
    private final TransactionTemplate primaryReadOnly;
    private final ReadReplica replica;
    /** Nested reads (the briefing's four queries) join the transaction of the outermost one. */
    private final ThreadLocal<JdbcClient> bound = new ThreadLocal<>();
    private final AtomicLong onReplica = new AtomicLong();
    private final AtomicLong onPrimary = new AtomicLong();

    private ReportDatabase(JdbcClient primary, PlatformTransactionManager primaryTransactions, ReadReplica replica) {
        this.primary = primary;
        this.replica = replica;
        if (primaryTransactions == null) {
            this.primaryReadOnly = null;
        } else {
            this.primaryReadOnly = new TransactionTemplate(primaryTransactions);
            primaryReadOnly.setReadOnly(true);
            primaryReadOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        }
    }

    /** Every report on the primary. */
    static ReportDatabase primaryOnly(JdbcClient primary) {
        return new ReportDatabase(primary, null, null);
    }

    static ReportDatabase withReplica(JdbcClient primary, PlatformTransactionManager primaryTransactions, ReadReplica replica) {
        return new ReportDatabase(primary, primaryTransactions, replica);
    }

    /** Runs a report's queries, all of them on one database and, with a replica configured, in one read-only snapshot. */
    public <T> T read(Function<JdbcClient, T> report) {
        JdbcClient current = bound.get();
        if (current != null) {
            return report.apply(current);
        }
        if (replica == null) {
            return report.apply(primary);
        }
        if (replica.usable()) {
            try {
                T result = replica.readOnly().execute(tx -> on(replica.jdbc(), report));
                onReplica.incrementAndGet();
                return result;
            } catch (DataAccessException | TransactionException e) {
                if (!becauseOfTheReplica(e)) {
                    throw e;
                }
                replica.failed(e);
            }
        }
        T result = primaryReadOnly.execute(tx -> on(primary, report));
        onPrimary.incrementAndGet();
        return result;
    }

    private <T> T on(JdbcClient jdbc, Function<JdbcClient, T> report) {
        bound.set(jdbc);
        try {
            return report.apply(jdbc);
        } finally {
            bound.remove();
        }
    }

    /** The replica, when one is configured. */
    public Optional<ReplicaStatus> replicaStatus() {
        return replica == null ? Optional.empty() : Optional.of(replica.status());
    }

    /** Reports answered by the replica and (with a replica configured) by the primary since the start. */
    public long[] served() {
        return new long[]{onReplica.get(), onPrimary.get()};
    }

    /** Checks the replica now rather than at the next interval (for tests and diagnosis). */
    void checkReplica() {
        if (replica != null) {
            replica.check();
        }
    }

    /** Lost or refused connections, a server shutting down, a query cancelled because replay needed its rows. */
    private static boolean becauseOfTheReplica(RuntimeException e) {
        String state = sqlState(e);
        return connectionLost(e) || "40001".equals(state) || (state != null && state.startsWith("57"));
    }

    static boolean connectionLost(RuntimeException e) {
        String state = sqlState(e);
        return e instanceof CannotGetJdbcConnectionException || e instanceof CannotCreateTransactionException
                || e instanceof DataAccessResourceFailureException
                || (state != null && (state.startsWith("08") || state.startsWith("57P")));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (replica != null) {
            replica.close();
        }
    }
}
