package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: shown once, stored as a SHA-256 hash, scoped like their owner, revocable. */
@Service
public class ApiTokens {

    static final String PREFIX = "zs_";

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public record Token(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** Creates a token and returns its secret — the only time anyone sees it. */
    @Transactional
    public String create(String username, String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 60) {
            throw DomainException.badRequest("请填写令牌用途（1到60个字）");
        }
        UserAccount a = accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在"));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = PREFIX + HexFormat.of().formatHex(random);
        jdbc.sql("insert into api_token (user_id, name, token_hash, prefix, created_at) values (?, ?, ?, ?, ?)")
                .params(a.id(), clean, hash(secret), secret.substring(0, 10), Timestamp.from(clock.instant())).update();
        audit.record(AuditEntry.success("TOKEN_CREATE", "token", secret.substring(0, 10), null));
        return secret;
    }

    public List<Token> of(String username) {
        return jdbc.sql("""
                select t.id, t.name, t.prefix, t.created_at, t.last_used_at, t.revoked_at from api_token t
                join app_user a on a.id = t.user_id where a.username = ? order by t.created_at desc""")
                .param(username)
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    @Transactional
    public void revoke(String username, long id) {
        int n = jdbc.sql("""
                update api_token set revoked_at = ? where id = ? and revoked_at is null
                and user_id = (select id from app_user where username = ?)""")
                .params(Timestamp.from(clock.instant()), id, username).update();
        if (n == 0) {
            throw DomainException.notFound("令牌不存在或已撤销");
        }
        audit.record(AuditEntry.success("TOKEN_REVOKE", "token", Long.toString(id), null));
    }

    /** The owner of a live token. */
    Optional<String> owner(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<String> owner = jdbc.sql("""
                select a.username from api_token t join app_user a on a.id = t.user_id
                where t.token_hash = ? and t.revoked_at is null""").param(hash(secret)).query(String.class).optional();
        owner.ifPresent(u -> jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                .params(Timestamp.from(clock.instant()), hash(secret)).update());
        return owner;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
