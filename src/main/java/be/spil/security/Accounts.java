package be.spil.security;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Identity;
import be.spil.directory.People;
import be.spil.directory.SignInAccounts;
import be.spil.shared.FieldErrorsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Local sign-ins: passwords (hashed with bcrypt), lockout after failed attempts, enabling and disabling. */
@Service
class Accounts implements SignInAccounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private final AccountRepository repository;
    private final People people;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock;
    /** A hash to compare against for unknown accounts, so their answer takes as long as a wrong password. */
    private final String dummyHash;

    Accounts(AccountRepository repository, People people, PasswordPolicy policy, PasswordEncoder encoder, AuditTrail audit,
             SecurityProperties properties, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-" + System.nanoTime());
    }

    enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED, NO_PASSWORD }

    record Attempt(Outcome outcome, Identity identity, Instant lockedUntil, boolean mustChange) {}

    /** Checks an email and password; counts failures and locks the account after too many. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Attempt attempt(String email, String password) {
        Instant now = clock.instant();
        Optional<Identity> identity = people.identityByEmail(email);
        Optional<Account> account = identity.flatMap(i -> repository.findByPersonId(i.personId()));
        if (account.isEmpty() || account.get().passwordHash == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            return new Attempt(Outcome.BAD_CREDENTIALS, null, null, false);
        }
        Account a = account.get();
        if (a.lockedAt(now)) {
            return new Attempt(Outcome.LOCKED, identity.get(), a.lockedUntil, false);
        }
        if (!encoder.matches(password == null ? "" : password, a.passwordHash)) {
            a.failed(now, properties.accountLockAttempts(), Duration.ofMinutes(properties.lockMinutes()));
            repository.save(a);
            if (a.lockedAt(now)) {
                log.warn("account of person {} locked until {} after failed sign-ins", a.personId, a.lockedUntil);
                return new Attempt(Outcome.LOCKED, identity.get(), a.lockedUntil, false);
            }
            return new Attempt(Outcome.BAD_CREDENTIALS, null, null, false);
        }
        if (!a.enabled || !identity.get().active()) {
            return new Attempt(Outcome.DISABLED, identity.get(), null, false);
        }
        a.signedIn(now);
        repository.save(a);
        return new Attempt(Outcome.OK, identity.get(), null, a.mustChangePassword);
    }

    @Override
    @Transactional
    public void setPassword(long personId, String rawPassword, boolean mustChange) {
        var identity = people.identityById(personId).orElseThrow();
        policy.check("password", rawPassword, identity.email());
        var account = repository.findByPersonId(personId).orElseGet(() -> Account.of(personId));
        account.setPassword(encoder.encode(rawPassword), mustChange);
        repository.save(account);
        audit.note("person", personId, null, Action.SECURITY, "password set");
    }

    /** A person changes their own password: the current one must be right, the new one must pass the policy. */
    @Transactional
    public void changeOwnPassword(long personId, String current, String next, String repeat) {
        var account = repository.findByPersonId(personId).orElseThrow();
        if (current == null || account.passwordHash == null || !encoder.matches(current, account.passwordHash)) {
            throw FieldErrorsException.of("current", "password.current.wrong");
        }
        if (next == null || !next.equals(repeat)) {
            throw FieldErrorsException.of("repeat", "password.repeat.different");
        }
        if (encoder.matches(next, account.passwordHash)) {
            throw FieldErrorsException.of("next", "password.same");
        }
        var identity = people.identityById(personId).orElseThrow();
        policy.check("next", next, identity.email());
        account.setPassword(encoder.encode(next), false);
        repository.save(account);
        audit.note("person", personId, null, Action.SECURITY, "password changed");
    }

    @Override
    public boolean hasPassword(long personId) {
        return repository.findByPersonId(personId).map(a -> a.passwordHash != null).orElse(false);
    }

    @Override
    @Transactional
    public void setEnabled(long personId, boolean enabled) {
        repository.findByPersonId(personId).ifPresent(a -> {
            if (a.enabled != enabled) {
                a.enabled = enabled;
                repository.save(a);
            }
        });
    }

    /** Whether a person may still use Spil now: their account (if any) is enabled and they belong somewhere. */
    Optional<SpilPrincipal> principal(long personId) {
        var identity = people.identityById(personId);
        if (identity.isEmpty() || !identity.get().active()) {
            return Optional.empty();
        }
        var account = repository.findByPersonId(personId);
        if (account.isPresent() && !account.get().enabled) {
            return Optional.empty();
        }
        return Optional.of(new SpilPrincipal(identity.get().caller(), account.map(a -> a.mustChangePassword).orElse(false)));
    }

    long count() {
        return repository.count();
    }
}
