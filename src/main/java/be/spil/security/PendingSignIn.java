package be.spil.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Half a sign-in: the password was right, the second factor is still to come. It is deliberately not a
 * {@link be.spil.shared.Caller.Source} and has no ROLE_USER, so it opens nothing but the code page.
 */
record PendingSignIn(long personId, String email, Instant since) implements Serializable {
    static final String AUTHORITY = "MFA_PENDING";
    /** How long the code page waits for the code before the password must be given again. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    boolean expiredAt(Instant now) {
        return since.plus(TIMEOUT).isBefore(now);
    }

    @Override
    public String toString() {
        return email;
    }
}
