package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void locksAfterTheFifthFailureForFifteenMinutes() {
        var account = Account.of(1);
        for (int i = 0; i < 4; i++) {
            account.failed(now, 5, Duration.ofMinutes(15));
            assertThat(account.lockedAt(now)).isFalse();
        }
        account.failed(now, 5, Duration.ofMinutes(15));
        assertThat(account.lockedAt(now)).isTrue();
        assertThat(account.lockedAt(now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(account.lockedAt(now.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        var account = Account.of(1);
        account.failed(now, 5, Duration.ofMinutes(15));
        account.failed(now, 5, Duration.ofMinutes(15));
        account.signedIn(now);
        for (int i = 0; i < 4; i++) {
            account.failed(now, 5, Duration.ofMinutes(15));
        }
        assertThat(account.lockedAt(now)).isFalse();
        assertThat(account.lastSignIn).isEqualTo(now);
    }
}
