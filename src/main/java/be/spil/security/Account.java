package be.spil.security;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person's local sign-in: password hash, failed attempts and lock, forced change, second factor. */
@Table("account")
class Account {
    @Id Long id;
    Long personId;
    String passwordHash;
    boolean mustChangePassword;
    boolean enabled = true;
    int failedAttempts;
    Instant lockedUntil;
    String totpSecret;
    boolean totpEnabled;
    Long totpLastStep;
    Instant lastSignIn;
    @Version Integer version;

    static Account of(long personId) {
        var a = new Account();
        a.personId = personId;
        return a;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed attempt; the account locks for {@code lock} once {@code maxAttempts} are reached. */
    void signedIn(Instant now) {
        failedAttempts = 0;
        lockedUntil = null;
        lastSignIn = now;
    }

    /** Starts enrolling a second factor with a new secret; it counts only once confirmed with a first code. */
    void startTotp(String secret) {
        totpSecret = secret;
        totpEnabled = false;
        totpLastStep = null;
    }

    void enableTotp(long usedStep) {
        totpEnabled = true;
        totpLastStep = usedStep;
    }

    void usedTotp(long step) {
        totpLastStep = step;
    }

    void disableTotp() {
        totpEnabled = false;
        totpSecret = null;
        totpLastStep = null;
    }

    void setPassword(String hash, boolean mustChange) {
        passwordHash = hash;
        mustChangePassword = mustChange;
        failedAttempts = 0;
        lockedUntil = null;
    }
}
