package cn.zhaoshang.identity;

import cn.zhaoshang.common.DomainException;
import io.nayuki.qrcodegen.QrCode;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own account: password change, second factor, personal API tokens. */
@Controller
class AccountPages {

    private static final String ENROL_SECRET = "zhaoshang.mfa.enrolSecret";

    private final Accounts accounts;
    private final UserAccounts store;
    private final ApiTokens tokens;
    private final CurrentUser currentUser;
    private final LoginPolicies policies;
    private final Clock clock;

    AccountPages(Accounts accounts, UserAccounts store, ApiTokens tokens, CurrentUser currentUser, LoginPolicies policies, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.tokens = tokens;
        this.currentUser = currentUser;
        this.policies = policies;
        this.clock = clock;
    }

    @Permit
    @GetMapping("/account/password")
    String passwordForm(Model model) {
        UserAccount a = store.find(currentUser.username()).orElseThrow();
        model.addAttribute("forced", a.temporaryPassword());
        model.addAttribute("policy", policies.current());
        return "account/password";
    }

    @Permit
    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String oldPassword, @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String confirmPassword, Model model, RedirectAttributes redirect) {
        try {
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                throw DomainException.badRequest("两次输入的新密码不一致");
            }
            accounts.changeOwnPassword(currentUser.username(), oldPassword, newPassword);
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            return passwordForm(model);
        }
        redirect.addFlashAttribute("flash", "密码已修改");
        return "redirect:/";
    }

    @Permit
    @GetMapping("/account/mfa")
    String mfa(HttpSession session, Model model) {
        UserAccount a = store.find(currentUser.username()).orElseThrow();
        model.addAttribute("pending", session.getAttribute(SessionGate.MFA_PENDING) != null);
        model.addAttribute("enabled", a.totpEnabled());
        if (!a.totpEnabled()) {
            String secret = (String) session.getAttribute(ENROL_SECRET);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(ENROL_SECRET, secret);
            }
            String uri = Totp.otpauthUri("招商项目管理系统", a.username(), secret);
            model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").trim());
            model.addAttribute("qr", "data:image/svg+xml;base64," + java.util.Base64.getEncoder().encodeToString(
                    svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return "account/mfa";
    }

    @Permit
    @PostMapping("/account/mfa")
    String verify(@RequestParam(required = false) String code, HttpSession session, Model model, RedirectAttributes redirect) {
        UserAccount a = store.find(currentUser.username()).orElseThrow();
        String secret = a.totpEnabled() ? a.totpSecret() : (String) session.getAttribute(ENROL_SECRET);
        OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            model.addAttribute("error", "动态验证码不正确，请核对手机上的验证器后重试");
            return mfa(session, model);
        }
        if (!a.totpEnabled()) {
            store.setTotp(a.id(), secret, true);
            session.removeAttribute(ENROL_SECRET);
        }
        if (!store.useTotpStep(a.id(), step.getAsLong())) {
            model.addAttribute("error", "该验证码已使用过，请等待下一个验证码");
            return mfa(session, model);
        }
        session.removeAttribute(SessionGate.MFA_PENDING);
        redirect.addFlashAttribute("flash", a.totpEnabled() ? "验证通过" : "已启用双因素认证");
        return "redirect:/";
    }

    @Permit
    @GetMapping("/account/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.of(currentUser.username()));
        return "account/tokens";
    }

    @Permit
    @PostMapping("/account/tokens")
    String createToken(@RequestParam(required = false) String name, Model model) {
        try {
            model.addAttribute("created", tokens.create(currentUser.username(), name));
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
        }
        return tokens(model);
    }

    @Permit
    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(currentUser.username(), id);
        redirect.addFlashAttribute("flash", "令牌已撤销");
        return "redirect:/account/tokens";
    }

    @Permit
    @GetMapping("/denied")
    String denied() {
        return "account/denied";
    }

    static String svg(QrCode qr) {
        int border = 2;
        StringBuilder b = new StringBuilder();
        int size = qr.size + border * 2;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"");
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    b.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        return b.append("\" fill=\"#000\"/></svg>").toString();
    }
}
