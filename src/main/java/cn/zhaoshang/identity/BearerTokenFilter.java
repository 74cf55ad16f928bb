package cn.zhaoshang.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer zs_…} authenticates as the token's owner, with the owner's current rights and checks. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountUserDetailsService users;

    BearerTokenFilter(ApiTokens tokens, AccountUserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var owner = tokens.owner(header.substring(7).trim());
            UserDetails user = owner.map(users::loadUserByUsername).orElse(null);
            if (user == null || !user.isEnabled() || !user.isAccountNonLocked()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json;charset=UTF-8");
                response.getOutputStream().write("{\"title\":\"需要登录\",\"status\":401,\"detail\":\"API 令牌无效、已撤销或账号不可用\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null, user.getAuthorities()));
        }
        chain.doFilter(request, response);
    }
}
