package cn.zhaoshang.audit;

import cn.zhaoshang.common.CopyRows;
import cn.zhaoshang.common.Unprintable;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. Each row carries the SHA-256 of its content and the previous row's hash; rows are
 * chained under a transaction-scoped advisory lock, taken as late as possible in the writing transaction (a project
 * write takes it before its rows, so that it can hash each chunk's entries while the previous chunk is copied).
 */
@Component
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);
    // also taken by the report totals' triggers (V7__report_running_totals.sql, as 25412193344571732): keep them equal
    private static final long CHAIN_LOCK = 0x5A48_4155_4449_54L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Records in the caller's transaction (so a write and its record stand or fall together), or in its own. */
    @Transactional
    public void record(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Records a failure or denial even when the caller's transaction is rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditEntry entry) {
        recordAll(List.of(entry));
    }

    /** Records on behalf of a named user: a failed login's name, or the actor a write names. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependentlyAs(String username, AuditEntry entry) {
        recordAllAs(username, List.of(entry));
    }

    @Transactional
    public void recordAll(List<AuditEntry> entries) {
        recordAllAs(username(), entries);
    }

    @Transactional
    public void recordAllAs(String username, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Batch batch = batch(username, entries.size());
        if (entries.size() >= COPY_FROM) {
            copy(batch.rows(entries));
            return;
        }
        template.batchUpdate("""
                insert into audit_log (id, at, username, unit, ip, action, object_type, object_id, result, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch.chain(entries));
    }

    /** The COPY statement of the rows {@link Batch#rows} gives. */
    public static final String COPY = """
            copy audit_log (id, at, username, unit, ip, action, object_type, object_id, result, detail, prev_hash, hash)
            from stdin""";

    /**
     * Opens the chain for {@code size} entries to be written in the caller's transaction, in order, by one or more
     * {@link Batch#rows} calls: takes the chain's lock (held until commit), reads the last hash and takes the ids once.
     * An import hashes each chunk's entries while PostgreSQL still writes the previous chunk, and writes them with
     * {@link #COPY} on its own connection.
     */
    @Transactional
    public Batch batch(String username, int size) {
        String unit = username == null || Unprintable.first(username) >= 0 ? null : jdbc.sql("""
                select u.name from app_user a join unit u on u.id = a.unit_id where a.username = ?""")
                .param(username).query(String.class).optional().orElse(null);
        String ip = ip();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        String prev = jdbc.sql("select hash from audit_log order by id desc limit 1").query(String.class).optional().orElse(GENESIS);
        List<Long> ids = jdbc.sql("select nextval('audit_log_id_seq') from generate_series(1, ?)").param(size)
                .query(Long.class).list();
        return new Batch(username, unit, ip, at, prev, ids);
    }

    /** Entries chained one after the other; not for use by two threads at once. */
    public static final class Batch {
        private final String username;
        private final String unit;
        private final String ip;
        private final Instant at;
        private final List<Long> ids;
        private String prev;
        private int next;

        private Batch(String username, String unit, String ip, Instant at, String prev, List<Long> ids) {
            this.username = Unprintable.visible(username);
            this.unit = unit;
            this.ip = ip;
            this.at = at;
            this.prev = prev;
            this.ids = ids;
        }

        /** The next entries' rows, for {@link AuditTrail#COPY}; hashed after every entry given before. */
        public CopyRows rows(List<AuditEntry> entries) {
            CopyRows copy = new CopyRows();
            chain(entries).forEach(copy::row);
            return copy;
        }

        /** The entries' rows in the columns of {@link AuditTrail#COPY}, each linked to the one before. */
        List<Object[]> chain(List<AuditEntry> entries) {
            if (next + entries.size() > ids.size()) {
                throw new IllegalStateException("more audit entries than the batch was opened for");
            }
            List<Object[]> rows = new ArrayList<>(entries.size());
            for (AuditEntry e : entries) {
                // the trail records what it is given, whatever it holds: a control character (a failed login's name,
                // a file's name) is kept as U+FFFD, which PostgreSQL accepts, instead of failing the record
                String objectId = Unprintable.visible(e.objectId());
                String detail = Unprintable.visible(e.detail());
                AuditRecord r = new AuditRecord(ids.get(next++), at, username, unit, ip, e.action(), e.objectType(),
                        objectId, e.result(), detail, prev, null);
                String hash = sha256(r.canonical());
                rows.add(new Object[]{r.id(), Timestamp.from(at), username, unit, ip, e.action(), e.objectType(),
                        objectId, e.result().name(), detail, prev, hash});
                prev = hash;
            }
            return rows;
        }
    }

    /** From this many entries on (an import's), the rows go in by COPY: the same rows, many times faster. */
    static final int COPY_FROM = 500;

    private void copy(CopyRows rows) {
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.copyIn(connection, COPY);
        } catch (SQLException e) {
            RuntimeException translated = template.getExceptionTranslator().translate("COPY audit_log", null, e);
            throw translated != null ? translated : new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The outcome of checking the whole chain: the first row whose content or link does not match, if any. */
    public record Verification(long rows, Long firstAlteredId, String problem) {
        public boolean intact() {
            return firstAlteredId == null;
        }
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        long[] count = {0};
        String[] prev = {null};
        Long[] altered = {null};
        String[] problem = {null};
        template.setFetchSize(5_000);
        template.query("select * from audit_log order by id", rs -> {
            if (altered[0] != null) {
                return;
            }
            AuditRecord r = new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                    rs.getString("unit"), rs.getString("ip"), rs.getString("action"), rs.getString("object_type"),
                    rs.getString("object_id"), AuditResult.valueOf(rs.getString("result")), rs.getString("detail"),
                    rs.getString("prev_hash"), rs.getString("hash"));
            count[0]++;
            if (prev[0] != null && !prev[0].equals(r.prevHash())) {
                altered[0] = r.id();
                problem[0] = "与上一行的链接不符（上一行被修改或删除）";
            } else if (!sha256(r.canonical()).equals(r.hash())) {
                altered[0] = r.id();
                problem[0] = "内容与其哈希不符（本行被修改）";
            }
            prev[0] = r.hash();
        });
        return new Verification(count[0], altered[0], problem[0]);
    }

    /** Deletes rows older than the retention period, which can never be shorter than 180 days. */
    @Transactional
    public int purge(int retentionDays) {
        int days = Math.max(180, retentionDays);
        jdbc.sql("select set_config('zhaoshang.audit_purge', 'on', true)").query((rs, n) -> 1).list();
        return jdbc.sql("delete from audit_log where at < ?")
                .param(Timestamp.from(clock.instant().minus(days, ChronoUnit.DAYS))).update();
    }

    // a digest per thread, reset after each use: getInstance looks the provider up every time, an import hashes 50,000 rows
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String username() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() ? null : a.getName();
    }

    private static String ip() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
