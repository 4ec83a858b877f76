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
    private final GroupSettings settings;
    /** A hash to compare against for unknown accounts, so their answer takes as long as a wrong password. */
    private final String dummyHash;

    Accounts(AccountRepository repository, People people, PasswordPolicy policy, PasswordEncoder encoder, AuditTrail audit,
             SecurityProperties properties, Clock clock, GroupSettings settings) {
        this.repository = repository;
        this.people = people;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.settings = settings;
        this.dummyHash = encoder.encode("not-a-password-" + System.nanoTime());
    }

    enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED, NO_PASSWORD }

    /** {@code needsCode}: the password was right, and the account's second factor must follow before sign-in. */
    record Attempt(Outcome outcome, Identity identity, Instant lockedUntil, boolean mustChange, boolean needsCode) {
        Attempt(Outcome outcome, Identity identity, Instant lockedUntil, boolean mustChange) {
            this(outcome, identity, lockedUntil, mustChange, false);
        }
    }

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
            repository.failed(a.id, properties.accountLockAttempts(),
                java.sql.Timestamp.from(now.plus(Duration.ofMinutes(properties.lockMinutes()))));
            a = repository.findById(a.id).orElseThrow();
            if (a.lockedAt(now)) {
                log.warn("account of person {} locked until {} after failed sign-ins", a.personId, a.lockedUntil);
                return new Attempt(Outcome.LOCKED, identity.get(), a.lockedUntil, false);
            }
            return new Attempt(Outcome.BAD_CREDENTIALS, null, null, false);
        }
        if (!a.enabled || !identity.get().active()) {
            return new Attempt(Outcome.DISABLED, identity.get(), null, false);
        }
        if (a.totpEnabled) {
            // failed attempts are reset only after the code: a known password must not reopen guessing codes
            return new Attempt(Outcome.OK, identity.get(), null, a.mustChangePassword, true);
        }
        repository.signedIn(a.id, java.sql.Timestamp.from(now));
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

    /**
     * The second step of a sign-in: a code of the account's authenticator. A wrong code counts towards the same
     * lockout as a wrong password; a code is accepted only once.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Attempt codeAttempt(long personId, String code) {
        Instant now = clock.instant();
        var identity = people.identityById(personId);
        var account = repository.findByPersonId(personId);
        if (identity.isEmpty() || account.isEmpty() || !account.get().totpEnabled) {
            return new Attempt(Outcome.BAD_CREDENTIALS, null, null, false);
        }
        Account a = account.get();
        if (a.lockedAt(now)) {
            return new Attempt(Outcome.LOCKED, identity.get(), a.lockedUntil, false);
        }
        long step = Totp.matchingStep(a.totpSecret, code, now, a.totpLastStep);
        if (step < 0) {
            repository.failed(a.id, properties.accountLockAttempts(),
                java.sql.Timestamp.from(now.plus(Duration.ofMinutes(properties.lockMinutes()))));
            a = repository.findById(a.id).orElseThrow();
            if (a.lockedAt(now)) {
                log.warn("account of person {} locked until {} after wrong second-factor codes", a.personId, a.lockedUntil);
                return new Attempt(Outcome.LOCKED, identity.get(), a.lockedUntil, false);
            }
            return new Attempt(Outcome.BAD_CREDENTIALS, identity.get(), null, false);
        }
        a.usedTotp(step);
        if (!a.enabled || !identity.get().active()) {
            repository.save(a);
            return new Attempt(Outcome.DISABLED, identity.get(), null, false);
        }
        // saved with the version check: the same code used twice at once must not sign in twice
        a.signedIn(now);
        repository.save(a);
        return new Attempt(Outcome.OK, identity.get(), null, a.mustChangePassword);
    }

    /** Whether the person signs in with a second factor (TOTP). */
    public boolean totpEnabled(long personId) {
        return repository.findByPersonId(personId).map(a -> a.totpEnabled).orElse(false);
    }

    /** The secret being enrolled (made on first call, kept until confirmed); empty when the factor is already on. */
    @Transactional
    public Optional<String> totpEnrolment(long personId) {
        var account = repository.findByPersonId(personId).orElseGet(() -> Account.of(personId));
        if (account.totpEnabled) {
            return Optional.empty();
        }
        if (account.totpSecret == null) {
            account.startTotp(Totp.newSecret());
            repository.save(account);
        }
        return Optional.of(account.totpSecret);
    }

    /** Switches the second factor on, once a first code of the new secret proves the app has it. */
    @Transactional
    public void confirmTotp(long personId, String code) {
        var account = repository.findByPersonId(personId).filter(a -> !a.totpEnabled && a.totpSecret != null)
            .orElseThrow(() -> FieldErrorsException.of("code", "totp.notEnrolling"));
        long step = Totp.matchingStep(account.totpSecret, code, clock.instant(), null);
        if (step < 0) {
            throw FieldErrorsException.of("code", "totp.code.wrong");
        }
        account.enableTotp(step);
        repository.save(account);
        audit.note("person", personId, null, Action.SECURITY, "second factor (TOTP) enabled");
    }

    /** Switches the second factor off: a current code, and the password when the person has one. */
    @Transactional
    public void disableTotp(long personId, String code, String password) {
        var account = repository.findByPersonId(personId).filter(a -> a.totpEnabled)
            .orElseThrow(() -> FieldErrorsException.of("code", "totp.notEnabled"));
        var errors = new java.util.ArrayList<FieldErrorsException.FieldError>();
        if (account.passwordHash != null && (password == null || !encoder.matches(password, account.passwordHash))) {
            errors.add(new FieldErrorsException.FieldError("password", "password.current.wrong"));
        }
        long step = Totp.matchingStep(account.totpSecret, code, clock.instant(), account.totpLastStep);
        if (step < 0) {
            errors.add(new FieldErrorsException.FieldError("code", "totp.code.wrong"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        account.disableTotp();
        repository.save(account);
        audit.note("person", personId, null, Action.SECURITY, "second factor (TOTP) disabled");
    }

    /** A central admin switches off someone's second factor (a lost phone); they can set it up again after signing in. */
    @Transactional
    public void resetTotp(String email, be.spil.shared.Caller caller) {
        caller.requireCentralAdmin();
        var identity = email == null || email.length() > 320 ? Optional.<Identity>empty() : people.identityByEmail(email);
        if (identity.isEmpty()) {
            throw FieldErrorsException.of("email", "totp.reset.unknown");
        }
        var account = repository.findByPersonId(identity.get().personId()).filter(a -> a.totpEnabled || a.totpSecret != null);
        if (account.isEmpty() || !account.get().totpEnabled) {
            throw FieldErrorsException.of("email", "totp.reset.notOn");
        }
        account.get().disableTotp();
        repository.save(account.get());
        audit.note("person", identity.get().personId(), null, Action.SECURITY, "second factor (TOTP) reset by a central admin");
    }

    /** Whether a person may still use Spil now: their account (if any) is enabled and they belong somewhere. */
    Optional<SpilPrincipal> principal(long personId) {
        return principal(personId, false);
    }

    /** The same, for a sign-in with an OpenID provider when {@code viaProvider} (no second factor asked of them). */
    Optional<SpilPrincipal> principal(long personId, boolean viaProvider) {
        var identity = people.identityById(personId);
        if (identity.isEmpty() || !identity.get().active()) {
            return Optional.empty();
        }
        var account = repository.findByPersonId(personId);
        if (account.isPresent() && !account.get().enabled) {
            return Optional.empty();
        }
        boolean mustEnrol = !viaProvider && identity.get().centralAdmin() && !account.map(a -> a.totpEnabled).orElse(false)
            && settings.requireMfaForCentralAdmins();
        return Optional.of(new SpilPrincipal(identity.get().caller(), account.map(a -> a.mustChangePassword).orElse(false),
            mustEnrol, viaProvider));
    }

    long count() {
        return repository.count();
    }
}
