package cn.zhaoshang.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class UserAccounts {

    private static final RowMapper<UserAccount> MAPPER = (rs, n) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("display_name"), roles(rs.getArray("roles")),
            rs.getString("region_code"), (Long) rs.getObject("unit_id"), rs.getBoolean("temporary_password"),
            rs.getBoolean("enabled"), rs.getInt("failed_logins"),
            rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant(), rs.getInt("version"));

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql("select * from app_user where username = ?").param(username).query(MAPPER).optional();
    }

    long create(String username, String hash, String displayName, Collection<Role> roles, String region, Long unitId,
                boolean temporary) {
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, roles, region_code, unit_id, temporary_password)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, hash, displayName, roles.stream().map(Enum::name).toArray(String[]::new), region, unitId, temporary)
                .query(Long.class).single();
    }

    void recordFailure(String username, int lockAfter, Instant lockUntil) {
        jdbc.sql("""
                update app_user set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
                where username = ?""").params(lockAfter, Timestamp.from(lockUntil), username).update();
    }

    void recordSuccess(String username, Instant at) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_login_at = ? where username = ?")
                .params(Timestamp.from(at), username).update();
    }

    void changePassword(String username, String hash, Instant at) {
        jdbc.sql("""
                update app_user set password_hash = ?, temporary_password = false, password_changed_at = ?, version = version + 1
                where username = ?""").params(hash, Timestamp.from(at), username).update();
    }

    boolean anyBusinessAccount() {
        return jdbc.sql("select count(*) from app_user where roles && array['OFFICE','UNIT_STAFF','LEADER','AUDITOR']::text[]")
                .query(Long.class).single() > 0;
    }

    private static Set<Role> roles(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
