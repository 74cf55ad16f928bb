package cn.zhaoshang.identity;

import cn.zhaoshang.common.Unprintable;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The account table. */
@Component
class UserAccounts {

    private static final String SELECT = "select a.*, u.name as unit_name from app_user a left join unit u on u.id = a.unit_id";

    private static final RowMapper<UserAccount> MAPPER = (rs, n) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), roles(rs.getArray("roles")),
            rs.getString("region_code"), (Long) rs.getObject("unit_id"), rs.getString("unit_name"),
            rs.getBoolean("temporary_password"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
            rs.getInt("failed_logins"), instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("password_changed_at")),
            instant(rs.getTimestamp("last_login_at")), instant(rs.getTimestamp("created_at")), rs.getString("totp_secret"),
            rs.getBoolean("totp_enabled"), (Long) rs.getObject("totp_last_step"), rs.getInt("version"));

    private static final String MEMO = UserAccounts.class.getName() + ".";

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /**
     * The account by name. Within one web request it is read once: the authentication, the session gate and the data
     * scope each ask for it (three statements per API call before); any write of this class forgets what was read.
     */
    @SuppressWarnings("unchecked")
    Optional<UserAccount> find(String username) {
        if (username == null || Unprintable.first(username) >= 0) {
            // no account has one (PasswordRules' names); PostgreSQL would refuse a U+0000 in the lookup
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = MEMO + username;
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> known) {
            return (Optional<UserAccount>) known;
        }
        Optional<UserAccount> found = jdbc.sql(SELECT + " where a.username = ?").param(username).query(MAPPER).optional();
        if (request != null) {
            request.setAttribute(key, found, RequestAttributes.SCOPE_REQUEST);
        }
        return found;
    }

    /** Forgets the accounts read in this request: called by every write. */
    private static void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
                if (name.startsWith(MEMO)) {
                    request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
                }
            }
        }
    }

    Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(MAPPER).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql(SELECT + " order by a.username").query(MAPPER).list();
    }

    long create(String username, String hash, String displayName, Collection<Role> roles, String region, Long unitId,
                boolean temporary, Instant now) {
        forget();
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, roles, region_code, unit_id, temporary_password,
                                      password_changed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, hash, displayName, names(roles), region, unitId, temporary, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    /** One more failure; the account locks when the count reaches {@code lockAfter}. A lock that ran out starts a new count. */
    void recordFailure(String username, int lockAfter, Instant now, Instant lockUntil) {
        forget();
        find(username).ifPresent(a -> {
            boolean lockExpired = a.lockedUntil() != null && !a.lockedUntil().isAfter(now);
            int failures = lockExpired ? 1 : a.failedLogins() + 1;
            Instant locked = failures >= lockAfter ? lockUntil : (lockExpired ? null : a.lockedUntil());
            jdbc.sql("update app_user set failed_logins = ?, locked_until = ? where id = ?")
                    .params(failures, locked == null ? null : Timestamp.from(locked), a.id()).update();
        });
        forget();
    }

    /** Cheap on the hot path: HTTP Basic authenticates every request, so only write when something changes. */
    void recordSuccess(String username, Instant at) {
        forget();
        jdbc.sql("""
                update app_user set failed_logins = 0, locked_until = null, last_login_at = ?
                where username = ? and (failed_logins > 0 or locked_until is not null or last_login_at is null or last_login_at < ?)""")
                .params(Timestamp.from(at), username, Timestamp.from(at.minusSeconds(3600))).update();
    }

    void setPassword(long id, String hash, boolean temporary, Instant at) {
        forget();
        jdbc.sql("""
                update app_user set password_hash = ?, temporary_password = ?, password_changed_at = ?, failed_logins = 0,
                       locked_until = null, version = version + 1 where id = ?""")
                .params(hash, temporary, Timestamp.from(at), id).update();
    }

    void setEnabled(long id, boolean enabled, String reason, Instant now) {
        forget();
        jdbc.sql("""
                update app_user set enabled = ?, disabled_reason = ?, version = version + 1,
                       last_login_at = case when ? then ? else last_login_at end where id = ?""")
                .params(enabled, enabled ? null : reason, enabled, Timestamp.from(now), id).update();
    }

    void unlock(long id) {
        forget();
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null, version = version + 1 where id = ?").param(id).update();
    }

    int update(long id, String displayName, Collection<Role> roles, String region, Long unitId, int version) {
        forget();
        return jdbc.sql("""
                update app_user set display_name = ?, roles = ?, region_code = ?, unit_id = ?, version = version + 1
                where id = ? and version = ?""")
                .params(displayName, names(roles), region, unitId, id, version).update();
    }

    void setTotp(long id, String secret, boolean enabled) {
        forget();
        jdbc.sql("update app_user set totp_secret = ?, totp_enabled = ?, totp_last_step = null where id = ?")
                .params(secret, enabled, id).update();
    }

    /** Accepts a TOTP time step only once: a code seen before (or older) is refused. */
    boolean useTotpStep(long id, long step) {
        forget();
        return jdbc.sql("update app_user set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                .params(step, id, step).update() == 1;
    }

    boolean anyBusinessAccount() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = MEMO + " business";
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Boolean known) {
            return known;
        }
        boolean any = jdbc.sql("select exists (select 1 from app_user where roles && array['OFFICE','UNIT_STAFF','LEADER','AUDITOR']::text[])")
                .query(Boolean.class).single();
        if (request != null) {
            request.setAttribute(key, any, RequestAttributes.SCOPE_REQUEST);
        }
        return any;
    }

    private static String[] names(Collection<Role> roles) {
        return roles.stream().map(Enum::name).toArray(String[]::new);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Set<Role> roles(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
