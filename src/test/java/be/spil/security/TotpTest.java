package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY =
        "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    /** The test vectors of RFC 6238, appendix B (8 digits). */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_KEY, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValues() {
        String secret = Totp.base32(SHA1_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayButNotTwo() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, null)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, null)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, null)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now, null)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now, null)).isEqualTo(-1);
    }

    @Test
    void aUsedCodeOrAnOlderOneIsNotAcceptedAgain() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, step)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, step)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, step)).isEqualTo(step + 1);
    }

    @Test
    void refusesMalformedCodes() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        for (String bad : new String[] {null, "", "12345", "1234567", "abcdef", "<script>"}) {
            assertThat(Totp.matchingStep(secret, bad, now, null)).as(String.valueOf(bad)).isEqualTo(-1);
        }
        String spaced = Totp.code(secret, Totp.step(now));
        assertThat(Totp.matchingStep(secret, spaced.substring(0, 3) + " " + spaced.substring(3), now, null)).isEqualTo(Totp.step(now));
    }

    @Test
    void base32RoundTripsAndTheUriNamesIssuerAndAccount() {
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.base32Decode(secret))).isEqualTo(secret);
        assertThat(Totp.base32Decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.uri("Spil", "an@school.be", "ABC")).isEqualTo(
            "otpauth://totp/Spil:an%40school.be?secret=ABC&issuer=Spil&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
    }
}
