package be.spil.security;

import be.spil.directory.People;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: when nobody can sign in yet, creates the school group's first central admin, from
 * SPIL_ADMIN_EMAIL and SPIL_ADMIN_PASSWORD, or as admin@localhost with a generated password that is printed
 * once, written to data/initial-admin-password (owner-only) and must be changed at first sign-in.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String GENERATED_EMAIL = "admin@localhost";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final People people;
    private final Accounts accounts;
    private final String email;
    private final String password;
    private final Path dataDir;

    FirstAdmin(People people, Accounts accounts, @Value("${spil.admin.email:}") String email,
               @Value("${spil.admin.password:}") String password, @Value("${spil.data-dir:./data}") String dataDir) {
        this.people = people;
        this.accounts = accounts;
        this.email = email;
        this.password = password;
        this.dataDir = Path.of(dataDir);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (accounts.count() > 0) {
            return;
        }
        if (!email.isBlank() && !password.isBlank()) {
            var existing = people.identityByEmail(email);
            long id = existing.map(i -> i.personId()).orElseGet(() -> people.createCentralAdmin("Centrale", "beheerder", email));
            try {
                accounts.setPassword(id, password, false);
            } catch (be.spil.shared.FieldErrorsException e) {
                throw new IllegalStateException("SPIL_ADMIN_PASSWORD is refused (" + e.errors().get(0).code() + "): use at least "
                    + PasswordPolicy.MIN + " characters, not a common password, and nothing of the email address in it");
            }
            log.info("Created the first central admin account from SPIL_ADMIN_EMAIL");
            return;
        }
        String generated = generate();
        long id = people.identityByEmail(GENERATED_EMAIL).map(i -> i.personId())
            .orElseGet(() -> people.createCentralAdmin("Centrale", "beheerder", GENERATED_EMAIL));
        accounts.setPassword(id, generated, true);
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("initial-admin-password");
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, generated + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        log.warn("""

            ==========================================================================
             First start: sign in as {} with the one-time password
               {}
             (also in {}). You will be asked to change it.
            ==========================================================================""", GENERATED_EMAIL, generated, file.toAbsolutePath());
    }

    private static String generate() {
        var random = new SecureRandom();
        var sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
