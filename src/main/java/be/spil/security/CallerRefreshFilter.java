package be.spil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request of a signed-in session: reloads the person's roles, so a change of rights counts at once,
 * and ends the session when the person was archived everywhere or their account disabled. Also sends a
 * person who must change their password to that page first.
 */
class CallerRefreshFilter extends OncePerRequestFilter {
    private final Accounts accounts;

    CallerRefreshFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SpilPrincipal current) {
            var fresh = accounts.principal(current.personId());
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                redirect(request, response, "/login?disabled");
                return;
            }
            var principal = fresh.get();
            var refreshed = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
            refreshed.setDetails(auth.getDetails());
            SecurityContextHolder.getContext().setAuthentication(refreshed);
            if (principal.mustChangePassword() && !allowedWhileChanging(request)) {
                redirect(request, response, "/profile/password");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean allowedWhileChanging(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/profile/password") || path.equals("/logout") || path.startsWith("/webjars/")
            || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/error") || path.equals("/favicon.ico");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + path);
            response.setStatus(204);
        } else {
            response.sendRedirect(request.getContextPath() + path);
        }
    }
}
