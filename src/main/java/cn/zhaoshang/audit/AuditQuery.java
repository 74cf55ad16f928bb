package cn.zhaoshang.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Searching the trail by user, object, action and time. */
@Component
public class AuditQuery {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final RowMapper<AuditRecord> MAPPER = (rs, n) -> new AuditRecord(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("unit"), rs.getString("ip"),
            rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
            AuditResult.valueOf(rs.getString("result")), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Filter(String username, String objectType, String objectId, String action, LocalDate from, LocalDate to,
                         int page, int size) {
    }

    public record Result(List<AuditRecord> rows, long total) {
    }

    public Result search(Filter f) {
        String where = """
                 where (cast(:u as text) is null or username = :u)
                   and (cast(:ot as text) is null or object_type = :ot)
                   and (cast(:oi as text) is null or object_id = :oi)
                   and (cast(:a as text) is null or action = :a)
                   and (cast(:f as timestamptz) is null or at >= :f)
                   and (cast(:t as timestamptz) is null or at < :t)""";
        var q = jdbc.sql("select * from audit_log " + where + " order by id desc limit :limit offset :offset")
                .param("u", blank(f.username())).param("ot", blank(f.objectType())).param("oi", blank(f.objectId()))
                .param("a", blank(f.action()))
                .param("f", f.from() == null ? null : Timestamp.from(f.from().atStartOfDay(CHINA).toInstant()))
                .param("t", f.to() == null ? null : Timestamp.from(f.to().plusDays(1).atStartOfDay(CHINA).toInstant()))
                .param("limit", f.size()).param("offset", (long) f.page() * f.size());
        List<AuditRecord> rows = q.query(MAPPER).list();
        long total = jdbc.sql("select count(*) from audit_log " + where)
                .param("u", blank(f.username())).param("ot", blank(f.objectType())).param("oi", blank(f.objectId()))
                .param("a", blank(f.action()))
                .param("f", f.from() == null ? null : Timestamp.from(f.from().atStartOfDay(CHINA).toInstant()))
                .param("t", f.to() == null ? null : Timestamp.from(f.to().plusDays(1).atStartOfDay(CHINA).toInstant()))
                .query(Long.class).single();
        return new Result(rows, total);
    }

    /** Everything recorded about one object, newest first. */
    public List<AuditRecord> of(String objectType, String objectId) {
        return jdbc.sql("select * from audit_log where object_type = ? and object_id = ? order by id desc")
                .params(objectType, objectId).query(MAPPER).list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
