package be.spil.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Sign-in refused for now: too many failed attempts on this account or from this address. */
class SignInLockedException extends LockedException {
    private final transient Instant until;

    SignInLockedException(Instant until) {
        super("locked until " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
