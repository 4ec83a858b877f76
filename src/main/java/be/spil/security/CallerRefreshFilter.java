package be.spil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request of a signed-in session: reloads the person's roles, so a change of rights counts at once,
 * and ends the session when the person was archived everywhere or their account disabled. Also sends a
 * person who must change their password to that page first, and a central admin who must enrol a second
 * factor to that page. A half sign-in (password right, code still to come) only reaches the code page.
 */
class CallerRefreshFilter extends OncePerRequestFilter {
    static final String CODE_PAGE = "/login/code";
    static final String ENROL_PAGE = "/profile/totp";
    private final Accounts accounts;
    private final Clock clock;

    CallerRefreshFilter(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PendingSignIn pending) {
            if (pending.expiredAt(clock.instant())) {
                endSession(request);
                redirect(request, response, "/login?expired");
                return;
            }
            String path = path(request);
            if (!path.equals(CODE_PAGE) && !path.equals("/logout") && !path.equals("/login") && !isStatic(path)) {
                redirect(request, response, CODE_PAGE);
                return;
            }
        } else if (auth != null && auth.getPrincipal() instanceof SpilPrincipal current) {
            var fresh = accounts.principal(current.personId(), current.viaProvider());
            if (fresh.isEmpty()) {
                endSession(request);
                redirect(request, response, "/login?disabled");
                return;
            }
            var principal = fresh.get();
            var refreshed = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
            refreshed.setDetails(auth.getDetails());
            SecurityContextHolder.getContext().setAuthentication(refreshed);
            String path = path(request);
            if (principal.mustChangePassword() && !allowedWhile(path, "/profile/password")) {
                redirect(request, response, "/profile/password");
                return;
            }
            if (!principal.mustChangePassword() && principal.mustEnrolTotp() && !allowedWhile(path, ENROL_PAGE)) {
                redirect(request, response, ENROL_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean allowedWhile(String path, String page) {
        return path.equals(page) || path.startsWith(page + "/") || path.equals("/logout") || isStatic(path);
    }

    private static boolean isStatic(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
            || path.startsWith("/error") || path.equals("/favicon.ico");
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
