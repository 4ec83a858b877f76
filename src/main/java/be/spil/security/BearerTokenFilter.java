package be.spil.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in API calls that carry {@code Authorization: Bearer <token>}: a personal API token or the actuator token. */
class BearerTokenFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final ApiAuthenticationEntryPoint entryPoint;
    private final String actuatorToken;

    BearerTokenFilter(ApiTokens tokens, Accounts accounts, ApiAuthenticationEntryPoint entryPoint, String actuatorToken) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.entryPoint = entryPoint;
        this.actuatorToken = actuatorToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        if (actuatorToken != null && !actuatorToken.isBlank() && request.getRequestURI().startsWith("/actuator")
                && java.security.MessageDigest.isEqual(actuatorToken.getBytes(), token.getBytes())) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "actuator-token", null, AuthorityUtils.createAuthorityList("ROLE_METRICS")));
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.personOf(token).flatMap(accounts::principal);
        if (principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(principal.get(), null, principal.get().authorities()));
        chain.doFilter(request, response);
    }
}
