package be.spil.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in, for the form and for HTTP Basic, with lockout per account and per address. For an
 * account with a second factor the result is only a {@link PendingSignIn}: the code page must follow.
 */
@Component
class SignInProvider implements AuthenticationProvider {
    private final Accounts accounts;
    private final IpThrottle throttle;
    private final java.time.Clock clock;

    SignInProvider(Accounts accounts, IpThrottle throttle, java.time.Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        var blocked = throttle.blockedUntil(ip);
        if (blocked.isPresent()) {
            throw new SignInLockedException(blocked.get());
        }
        String email = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        var attempt = accounts.attempt(email, password);
        switch (attempt.outcome()) {
            case OK -> {
                if (attempt.needsCode()) {
                    return new PendingSignIn(attempt.identity().personId(), attempt.identity().email(), clock.instant()).authentication();
                }
                var principal = accounts.principal(attempt.identity().personId())
                    .orElseThrow(() -> new DisabledException("account disabled"));
                return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
            }
            case LOCKED -> {
                throttle.failed(ip);
                throw new SignInLockedException(attempt.lockedUntil());
            }
            case DISABLED -> throw new DisabledException("account disabled");
            default -> {
                throttle.failed(ip);
                throw new BadCredentialsException("bad credentials");
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
