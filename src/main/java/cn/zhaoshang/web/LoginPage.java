package cn.zhaoshang.web;

import cn.zhaoshang.identity.LoginPolicies;
import cn.zhaoshang.identity.LoginPolicy;
import cn.zhaoshang.identity.Permit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security handles the POST and redirects back here with ?error or ?logout. */
@Controller
class LoginPage {

    private final LoginPolicies policies;

    LoginPage(LoginPolicies policies) {
        this.policies = policies;
    }

    @Permit(anonymous = true)
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        LoginPolicy policy = policies.current();
        if (request.getParameter("error") != null) {
            model.addAttribute("error", message(request.getSession(false), policy));
        }
        model.addAttribute("policy", policy);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("expired", request.getParameter("expired") != null);
        return "login";
    }

    private static String message(HttpSession session, LoginPolicy policy) {
        Object e = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (e instanceof LockedException) {
            return "账号已锁定：连续多次登录失败，请" + policy.lockMinutes() + "分钟后再试，或联系安全管理员解锁";
        }
        if (e instanceof DisabledException) {
            return "账号已停用，请联系系统管理员";
        }
        return "用户名或密码错误";
    }
}
