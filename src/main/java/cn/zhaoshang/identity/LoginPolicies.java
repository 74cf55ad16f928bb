package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.DomainException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class LoginPolicies {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private volatile LoginPolicy cached;
    private final tools.jackson.databind.json.JsonMapper json;

    LoginPolicies(JdbcClient jdbc, AuditTrail audit, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public LoginPolicy current() {
        LoginPolicy p = cached;
        if (p == null) {
            p = jdbc.sql("select * from login_policy where id = 1").query((rs, n) -> new LoginPolicy(rs.getInt("min_length"),
                    rs.getInt("min_classes"), rs.getInt("lock_after"), rs.getInt("lock_minutes"), rs.getInt("idle_minutes"),
                    rs.getInt("password_max_age_days"), rs.getInt("inactive_disable_days"), rs.getInt("audit_retention_days"),
                    Arrays.stream((String[]) rs.getArray("totp_required_roles").getArray()).map(Role::valueOf)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))),
                    rs.getInt("version"))).single();
            cached = p;
        }
        return p;
    }

    /** Forgets the cached policy, for a change made to the table directly. */
    public void reload() {
        cached = null;
    }

    @Transactional
    public void update(LoginPolicy p) {
        if (p.minLength() < 8 || p.minLength() > 64) {
            throw DomainException.badRequest("密码最小长度应在 8 到 64 之间");
        }
        if (p.minClasses() < 1 || p.minClasses() > 4) {
            throw DomainException.badRequest("密码字符类别数应在 1 到 4 之间");
        }
        if (p.lockAfter() < 1 || p.lockMinutes() < 1 || p.idleMinutes() < 1 || p.passwordMaxAgeDays() < 1
                || p.inactiveDisableDays() < 1) {
            throw DomainException.badRequest("次数、分钟数和天数都应为正整数");
        }
        if (p.auditRetentionDays() < 180) {
            throw DomainException.badRequest("审计日志保存期不得少于180天");
        }
        LoginPolicy before = current();
        int n = jdbc.sql("""
                update login_policy set min_length = ?, min_classes = ?, lock_after = ?, lock_minutes = ?, idle_minutes = ?,
                       password_max_age_days = ?, inactive_disable_days = ?, audit_retention_days = ?, totp_required_roles = ?,
                       version = version + 1
                where id = 1 and version = ?""")
                .params(p.minLength(), p.minClasses(), p.lockAfter(), p.lockMinutes(), p.idleMinutes(), p.passwordMaxAgeDays(),
                        p.inactiveDisableDays(), p.auditRetentionDays(),
                        p.totpRequiredRoles().stream().map(Enum::name).toArray(String[]::new), p.version())
                .update();
        if (n == 0) {
            throw DomainException.conflict("登录策略已被他人修改，请刷新后重试");
        }
        cached = null;
        audit.record(AuditEntry.success("POLICY_UPDATE", "policy", "login",
                json.writeValueAsString(java.util.Map.of("old", before.toString(), "new", p.toString()))));
    }
}
