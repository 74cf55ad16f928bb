package cn.zhaoshang.identity;

import cn.zhaoshang.common.DomainException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md §6: accounts, and the caller's own password and tokens. */
@RestController
@RequestMapping("/api/v1")
class UserApiController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final CurrentUser currentUser;
    private final LoginPolicies policies;

    UserApiController(Accounts accounts, ApiTokens tokens, CurrentUser currentUser, LoginPolicies policies) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.policies = policies;
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/users")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) Accounts.NewAccount body) {
        if (body == null) {
            throw DomainException.badRequest("请求内容为空：需要 JSON 格式的账号信息");
        }
        UserAccount a = accounts.create(body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + a.username())).body(view(a));
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE, Permission.AUDIT_READ})
    @GetMapping("/users")
    Map<String, Object> list() {
        return Map.of("items", accounts.all().stream().map(UserApiController::view).toList());
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE, Permission.AUDIT_READ})
    @GetMapping("/users/{username}")
    Map<String, Object> one(@PathVariable String username) {
        return view(accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在：" + username)));
    }

    record Update(String displayName, List<String> roles, String region, String unit, Integer version) {
    }

    @Permit({Permission.USER_MANAGE, Permission.SECURITY_MANAGE})
    @PutMapping("/users/{username}")
    Map<String, Object> update(@PathVariable String username, @RequestBody(required = false) Update body) {
        if (body == null || body.version() == null) {
            throw DomainException.badRequest("需要 JSON 格式的账号信息，含 version");
        }
        UserAccount a = accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在：" + username));
        accounts.update(a.id(), body.displayName(), body.roles(), body.region(), body.unit(), body.version());
        return view(accounts.find(a.id()).orElseThrow());
    }

    record Password(String password) {
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/users/{username}/password")
    ResponseEntity<Void> reset(@PathVariable String username, @RequestBody(required = false) Password body) {
        UserAccount a = accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在：" + username));
        accounts.resetPassword(a.id(), body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/users/{username}/disable")
    ResponseEntity<Void> disable(@PathVariable String username) {
        accounts.setEnabled(accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在：" + username)).id(), false);
        return ResponseEntity.noContent().build();
    }

    @Permit(Permission.USER_MANAGE)
    @PostMapping("/users/{username}/enable")
    ResponseEntity<Void> enable(@PathVariable String username) {
        accounts.setEnabled(accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在：" + username)).id(), true);
        return ResponseEntity.noContent().build();
    }

    @Permit(Permission.SECURITY_MANAGE)
    @PostMapping("/users/{username}/unlock")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        accounts.unlock(accounts.find(username).orElseThrow(() -> DomainException.notFound("账号不存在：" + username)).id());
        return ResponseEntity.noContent().build();
    }

    @Permit
    @GetMapping("/me")
    Map<String, Object> me() {
        Map<String, Object> v = view(accounts.find(currentUser.username()).orElseThrow(() -> DomainException.notFound("账号不存在")));
        v.put("permissions", java.util.Arrays.stream(Permission.values()).filter(currentUser::can).map(Permission::code).toList());
        return v;
    }

    record PasswordChange(String oldPassword, String currentPassword, String newPassword) {
    }

    @Permit
    @PostMapping("/me/password")
    ResponseEntity<Void> changePassword(@RequestBody(required = false) PasswordChange body) {
        if (body == null) {
            throw DomainException.badRequest("需要 JSON：{\"oldPassword\":\"…\",\"newPassword\":\"…\"}");
        }
        accounts.changeOwnPassword(currentUser.username(), body.oldPassword() != null ? body.oldPassword() : body.currentPassword(),
                body.newPassword());
        return ResponseEntity.noContent().build();
    }

    record TokenRequest(String name) {
    }

    @Permit
    @PostMapping("/me/tokens")
    ResponseEntity<Map<String, Object>> createToken(@RequestBody(required = false) TokenRequest body) {
        String secret = tokens.create(currentUser.username(), body == null ? null : body.name());
        return ResponseEntity.status(201).body(Map.of("token", secret, "note", "令牌只显示这一次，请妥善保存"));
    }

    @Permit
    @GetMapping("/me/tokens")
    Map<String, Object> listTokens() {
        return Map.of("items", tokens.of(currentUser.username()));
    }

    @Permit
    @PostMapping("/me/tokens/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(currentUser.username(), id);
        return ResponseEntity.noContent().build();
    }

    @Permit({Permission.SECURITY_MANAGE, Permission.AUDIT_READ})
    @GetMapping("/security/policy")
    LoginPolicy policy() {
        return policies.current();
    }

    @Permit(Permission.SECURITY_MANAGE)
    @PutMapping("/security/policy")
    LoginPolicy updatePolicy(@RequestBody(required = false) LoginPolicy body) {
        if (body == null) {
            throw DomainException.badRequest("需要 JSON 格式的登录策略");
        }
        policies.update(body);
        return policies.current();
    }

    static Map<String, Object> view(UserAccount a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("username", a.username());
        v.put("displayName", a.displayName());
        v.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        v.put("region", a.regionCode());
        v.put("unit", a.unitName());
        v.put("temporary", a.temporaryPassword());
        v.put("enabled", a.enabled());
        v.put("locked", a.lockedUntil() != null && a.lockedUntil().isAfter(java.time.Instant.now()));
        v.put("totpEnabled", a.totpEnabled());
        v.put("lastLoginAt", a.lastLoginAt());
        v.put("version", a.version());
        return v;
    }
}
