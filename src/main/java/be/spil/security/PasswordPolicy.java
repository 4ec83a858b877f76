package be.spil.security;

import be.spil.shared.FieldErrorsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: 12 to 200 characters, not on the list of common passwords (also with
 * digits or punctuation added at the end), not the person's own email or name.
 */
@Component
class PasswordPolicy {
    static final int MIN = 12;
    static final int MAX = 200;
    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    void check(String field, String password, String email) {
        if (password == null || password.length() < MIN) {
            throw FieldErrorsException.of(field, "password.tooShort", MIN);
        }
        if (password.length() > MAX) {
            throw FieldErrorsException.of(field, "password.tooLong", MAX);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String stripped = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
        if (common.contains(lower) || common.contains(stripped) || lower.chars().distinct().count() < 4) {
            throw FieldErrorsException.of(field, "password.common");
        }
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            if (lower.contains(email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.contains(local))) {
                throw FieldErrorsException.of(field, "password.personal");
            }
        }
    }

    private static Set<String> load() {
        var set = new HashSet<String>();
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(l -> set.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new IllegalStateException("common password list missing", e);
        }
        return set;
    }
}
