package be.spil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic sends only a password, so it cannot carry a second factor. Accounts that sign in with one, and
 * central admins who must enrol one, are refused (403, problem+json saying why); personal API tokens keep working.
 * So is a one-time password that must first be changed in the web UI.
 */
class BasicAuthSecondFactorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && auth != null) {
            String detail = null;
            String reason = "second-factor";
            if (auth.getPrincipal() instanceof SpilPrincipal p && p.mustChangePassword()) {
                detail = "This is a one-time password: sign in to the web UI and change it first.";
                reason = "password-change-required";
            } else if (auth.getPrincipal() instanceof PendingSignIn) {
                detail = "This account signs in with a second factor (authenticator code), which HTTP Basic cannot carry. "
                    + "Use a personal API token (Authorization: Bearer ...), made in the profile page.";
            } else if (auth.getPrincipal() instanceof SpilPrincipal p && p.mustEnrolTotp()) {
                detail = "The school group requires central admins to use a second factor. Enrol an authenticator app in the "
                    + "profile page first; then use a personal API token (Authorization: Bearer ...) for the API.";
                reason = "second-factor-required";
            }
            if (detail != null) {
                SecurityContextHolder.clearContext();
                response.setStatus(403);
                response.setContentType("application/problem+json;charset=UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
                    + detail + "\",\"reason\":\"" + reason + "\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
