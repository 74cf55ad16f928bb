package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditEntry;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.region.Region;
import cn.zhaoshang.region.Regions;
import cn.zhaoshang.unit.Units;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Account management: every change checked against the policy and put on record. */
@Service
public class Accounts {

    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]{2,32}");

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final LoginPolicies policies;
    private final Regions regions;
    private final Units units;
    private final AuditTrail audit;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    Accounts(UserAccounts accounts, PasswordEncoder encoder, LoginPolicies policies, Regions regions, Units units,
             AuditTrail audit, Clock clock, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.accounts = accounts;
        this.encoder = encoder;
        this.policies = policies;
        this.regions = regions;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new account (CONTRACT.md §6); {@code unit} names a unit of the region, created when new. */
    public record NewAccount(String username, String password, String displayName, List<String> roles, String region,
                             String unit, Boolean temporary) {
    }

    @Transactional
    public UserAccount create(NewAccount n) {
        String username = n.username() == null ? "" : n.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw DomainException.badRequest("用户名应为2到32位字母、数字、下划线、点或连字符");
        }
        if (accounts.find(username).isPresent()) {
            throw DomainException.conflict("用户名“" + username + "”已存在");
        }
        Set<Role> roles = roles(n.roles());
        Placement placement = placement(roles, n.region(), n.unit());
        checkPassword(username, n.password());
        boolean temporary = n.temporary() == null || n.temporary();
        String display = n.displayName() == null || n.displayName().isBlank() ? username : n.displayName().trim();
        long id = accounts.create(username, encoder.encode(n.password()), display, roles, placement.region(), placement.unitId(),
                temporary, clock.instant());
        audit.record(AuditEntry.success("USER_CREATE", "user", username, json.writeValueAsString(java.util.Map.of(
                "new", placementMap(roles, placement.region(), n.unit()), "temporary", temporary))));
        return accounts.find(id).orElseThrow();
    }

    @Transactional
    public void update(long id, String displayName, List<String> roleNames, String region, String unit, int version) {
        UserAccount before = accounts.find(id).orElseThrow(() -> DomainException.notFound("账号不存在"));
        Set<Role> roles = roles(roleNames);
        Placement placement = placement(roles, region, unit);
        String display = displayName == null || displayName.isBlank() ? before.username() : displayName.trim();
        if (accounts.update(id, display, roles, placement.region(), placement.unitId(), version) == 0) {
            throw DomainException.conflict("该账号已被他人修改，请刷新后重试");
        }
        audit.record(AuditEntry.success("USER_UPDATE", "user", before.username(), json.writeValueAsString(java.util.Map.of(
                "old", placementMap(before.roles(), before.regionCode(), before.unitName()),
                "new", placementMap(roles, placement.region(), unit)))));
    }

    /** The user's own change: the old password must be right, the new one must keep the policy and differ. */
    @Transactional
    public void changeOwnPassword(String username, String oldPassword, String newPassword) {
        UserAccount a = accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在"));
        if (oldPassword == null || !encoder.matches(oldPassword, a.passwordHash())) {
            throw DomainException.badRequest("原密码不正确");
        }
        if (newPassword != null && encoder.matches(newPassword, a.passwordHash())) {
            throw DomainException.badRequest("新密码不能与原密码相同");
        }
        checkPassword(username, newPassword);
        accounts.setPassword(a.id(), encoder.encode(newPassword), false, clock.instant());
        audit.record(AuditEntry.success("PASSWORD_CHANGE", "user", username, null));
    }

    /** An administrator's reset: the user must change it at the next login. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        UserAccount a = accounts.find(id).orElseThrow(() -> DomainException.notFound("账号不存在"));
        checkPassword(a.username(), newPassword);
        accounts.setPassword(id, encoder.encode(newPassword), true, clock.instant());
        audit.record(AuditEntry.success("PASSWORD_RESET", "user", a.username(), null));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        UserAccount a = accounts.find(id).orElseThrow(() -> DomainException.notFound("账号不存在"));
        accounts.setEnabled(id, enabled, "管理员停用", clock.instant());
        audit.record(AuditEntry.success(enabled ? "USER_ENABLE" : "USER_DISABLE", "user", a.username(), null));
    }

    @Transactional
    public void unlock(long id) {
        UserAccount a = accounts.find(id).orElseThrow(() -> DomainException.notFound("账号不存在"));
        accounts.unlock(id);
        audit.record(AuditEntry.success("USER_UNLOCK", "user", a.username(), null));
    }

    public List<UserAccount> all() {
        return accounts.all();
    }

    public java.util.Optional<UserAccount> find(long id) {
        return accounts.find(id);
    }

    public java.util.Optional<UserAccount> find(String username) {
        return accounts.find(username);
    }

    void checkPassword(String username, String password) {
        List<String> problems = PasswordRules.problems(username, password, policies.current());
        if (!problems.isEmpty()) {
            throw DomainException.badRequest("密码不符合登录策略：" + String.join("；", problems));
        }
    }

    private static java.util.Map<String, String> placementMap(Set<Role> roles, String region, String unit) {
        return java.util.Map.of("roles", roles.toString(), "region", region == null ? "" : region,
                "unit", unit == null ? "" : unit.trim());
    }

    private record Placement(String region, Long unitId) {
    }

    private Placement placement(Set<Role> roles, String region, String unit) {
        String code = null;
        if (region != null && !region.isBlank()) {
            Region r = regions.resolve(region).orElseThrow(() -> DomainException.badRequest("未知的行政区划代码：" + region.trim()));
            code = r.code();
        }
        Long unitId = null;
        if (roles.contains(Role.UNIT_STAFF)) {
            if (code == null) {
                throw DomainException.badRequest("责任单位账号必须指定行政区划（region）");
            }
            if (unit == null || unit.isBlank()) {
                throw DomainException.badRequest("责任单位账号必须指定所属单位（unit）");
            }
            unitId = units.ensure(code, unit.trim());
        } else if (unit != null && !unit.isBlank()) {
            if (code == null) {
                throw DomainException.badRequest("指定单位时必须同时指定行政区划（region）");
            }
            unitId = units.ensure(code, unit.trim());
        }
        return new Placement(code, unitId);
    }

    private static Set<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw DomainException.badRequest("至少需要一个角色（roles）");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            try {
                roles.add(Role.valueOf(n == null ? "" : n.trim()));
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("未知的角色：" + n + "（可选 SYSTEM_ADMIN、SECURITY_ADMIN、AUDITOR、OFFICE、UNIT_STAFF、LEADER）");
            }
        }
        return roles;
    }
}
