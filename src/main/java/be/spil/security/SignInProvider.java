package be.spil.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Email and password sign-in, for the form and for HTTP Basic, with lockout per account and per address. */
@Component
class SignInProvider implements AuthenticationProvider {
    private final Accounts accounts;
    private final IpThrottle throttle;

    SignInProvider(Accounts accounts, IpThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
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
                var principal = new SpilPrincipal(attempt.identity().caller(), attempt.mustChange());
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
