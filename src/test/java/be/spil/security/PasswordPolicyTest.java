package be.spil.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.spil.shared.FieldErrorsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "elevenchars", "Wachtwoord123!", "123wachtwoord", "azertyuiop12", "Welkom2026!!",
        "aaaaaaaaaaaaaaa", "abababababab", "qwerty123456"})
    void refusesShortAndCommonPasswords(String password) {
        assertThatThrownBy(() -> policy.check("password", password, "an.peeters@school.be"))
            .isInstanceOf(FieldErrorsException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"an.peeters-is-here", "AN.PEETERS2026!"})
    void refusesTheOwnEmail(String password) {
        assertThatThrownBy(() -> policy.check("password", password, "an.peeters@school.be"))
            .isInstanceOf(FieldErrorsException.class)
            .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((FieldErrorsException) e).errors().get(0).code())
                .isEqualTo("password.personal"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lange zin over de laptopkar", "Correct-Horse-Battery-9", "tweeënveertig fietsen"})
    void acceptsLongUncommonPasswords(String password) {
        assertThatCode(() -> policy.check("password", password, "an.peeters@school.be")).doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPasswords() {
        assertThatThrownBy(() -> policy.check("password", "x1y2".repeat(51), null)).isInstanceOf(FieldErrorsException.class);
    }
}
