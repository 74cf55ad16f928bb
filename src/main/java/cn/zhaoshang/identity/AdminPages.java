package cn.zhaoshang.identity;

import cn.zhaoshang.audit.AuditQuery;
import cn.zhaoshang.audit.AuditTrail;
import cn.zhaoshang.common.DomainException;
import cn.zhaoshang.common.Params;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the system administrator (accounts), the security administrator (policy, locks) and the auditor (trail). */
@Controller
class AdminPages {

    private final Accounts accounts;
    private final LoginPolicies policies;
    private final AuditQuery auditQuery;
    private final AuditTrail auditTrail;

    AdminPages(Accounts accounts, LoginPolicies policies, AuditQuery auditQuery, AuditTrail auditTrail) {
        this.accounts = accounts;
        this.policies = policies;
        this.auditQuery = auditQuery;
        this.auditTrail = auditTrail;
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE})
    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("now", java.time.Instant.now());
        return "admin/users";
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/admin/users")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String password, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String unit, Model model,
                  RedirectAttributes redirect) {
        try {
            accounts.create(new Accounts.NewAccount(username, password, displayName, roles, region, unit, true));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("draft", new Draft(username, displayName, roles == null ? List.of() : roles, region, unit));
            return users(model);
        }
        redirect.addFlashAttribute("flash", "已创建账号 " + username + "，首次登录须修改密码");
        return "redirect:/admin/users";
    }

    record Draft(String username, String displayName, List<String> roles, String region, String unit) {
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE})
    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("user", accounts.find(id).orElseThrow(() -> DomainException.notFound("账号不存在")));
        model.addAttribute("roles", Role.values());
        return "admin/user";
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE})
    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) String version, Model model,
                  RedirectAttributes redirect) {
        try {
            accounts.update(id, displayName, roles, region, unit, Params.integer("version", version, -1, -1, Integer.MAX_VALUE));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            return edit(id, model);
        }
        redirect.addFlashAttribute("flash", "已保存");
        return "redirect:/admin/users";
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/admin/users/{id}/reset")
    String reset(@PathVariable long id, @RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            return edit(id, model);
        }
        redirect.addFlashAttribute("flash", "密码已重置，该用户下次登录须修改密码");
        return "redirect:/admin/users";
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/admin/users/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam(required = false) String enabled, RedirectAttributes redirect) {
        boolean on = "true".equals(enabled);
        accounts.setEnabled(id, on);
        redirect.addFlashAttribute("flash", on ? "账号已启用" : "账号已停用");
        return "redirect:/admin/users";
    }

    @Permit(Permission.SECURITY_MANAGE)
    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        redirect.addFlashAttribute("flash", "账号已解锁");
        return "redirect:/admin/users";
    }

    @Permit({Permission.SECURITY_MANAGE, Permission.AUDIT_READ})
    @GetMapping("/admin/policy")
    String policy(Model model) {
        model.addAttribute("policy", policies.current());
        model.addAttribute("roles", Role.values());
        return "admin/policy";
    }

    @Permit(Permission.SECURITY_MANAGE)
    @PostMapping("/admin/policy")
    String savePolicy(@RequestParam(required = false) String minLength, @RequestParam(required = false) String minClasses,
                      @RequestParam(required = false) String lockAfter, @RequestParam(required = false) String lockMinutes,
                      @RequestParam(required = false) String idleMinutes, @RequestParam(required = false) String passwordMaxAgeDays,
                      @RequestParam(required = false) String inactiveDisableDays,
                      @RequestParam(required = false) String auditRetentionDays,
                      @RequestParam(required = false) List<String> totpRoles, @RequestParam(required = false) String version,
                      Model model, RedirectAttributes redirect) {
        try {
            EnumSet<Role> totp = EnumSet.noneOf(Role.class);
            if (totpRoles != null) {
                totpRoles.forEach(r -> totp.add(Role.valueOf(r)));
            }
            int max = 100_000;
            policies.update(new LoginPolicy(Params.integer("最小长度", minLength, 0, 0, max),
                    Params.integer("字符类别", minClasses, 0, 0, max), Params.integer("锁定次数", lockAfter, 0, 0, max),
                    Params.integer("锁定分钟", lockMinutes, 0, 0, max), Params.integer("空闲分钟", idleMinutes, 0, 0, max),
                    Params.integer("密码有效天数", passwordMaxAgeDays, 0, 0, max),
                    Params.integer("停用天数", inactiveDisableDays, 0, 0, max),
                    Params.integer("审计保存天数", auditRetentionDays, 0, 0, max), totp,
                    Params.integer("version", version, -1, -1, Integer.MAX_VALUE)));
        } catch (DomainException | IllegalArgumentException e) {
            model.addAttribute("error", e instanceof DomainException ? e.getMessage() : "角色无效");
            return policy(model);
        }
        redirect.addFlashAttribute("flash", "登录策略已保存");
        return "redirect:/admin/policy";
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE, Permission.AUDIT_READ})
    @GetMapping("/admin/roles")
    String roles(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", Permission.values());
        return "admin/roles";
    }

    @Permit(Permission.AUDIT_READ)
    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String user, @RequestParam(required = false) String objectType,
                 @RequestParam(required = false) String objectId, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String page, Model model) {
        int p = Params.integer("page", page, 0, 0, 1_000_000);
        AuditQuery.Result r = auditQuery.search(new AuditQuery.Filter(user, objectType, objectId, action,
                from == null || from.isBlank() ? null : Params.date("from", from),
                to == null || to.isBlank() ? null : Params.date("to", to), p, 50));
        model.addAttribute("rows", r.rows());
        model.addAttribute("total", r.total());
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (r.total() + 49) / 50));
        model.addAttribute("q", new String[]{user, objectType, objectId, action, from, to});
        return "admin/audit";
    }

    @Permit(Permission.AUDIT_READ)
    @PostMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", auditTrail.verify());
        return audit(null, null, null, null, null, null, null, model);
    }

    static String roleNames(java.util.Set<Role> roles) {
        return roles.stream().map(Role::label).collect(Collectors.joining("、"));
    }

    static List<String> all(Role[] roles) {
        return Arrays.stream(roles).map(Enum::name).toList();
    }
}
