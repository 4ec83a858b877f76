package be.spil.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): 30-second steps, 6 digits, HMAC-SHA1 — what
 * authenticator apps use. Secrets travel as Base32 (RFC 4648, without padding).
 */
final class Totp {
    static final int STEP_SECONDS = 30;
    static final int DIGITS = 6;
    /** Codes of one step before and after now are accepted too (clock drift, slow typing). */
    static final int TOLERANCE = 1;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new random secret of 160 bits, Base32. */
    static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return base32(key);
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of a time step (RFC 4226 HOTP with the step as counter). */
    static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            long mod = (long) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % mod);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " not available", e);
        }
    }

    static String code(String secret, long step) {
        return code(base32Decode(secret), step, DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code this is, within the tolerance around {@code at} and later than {@code lastUsedStep}
     * (a code is accepted only once); -1 when it matches none.
     */
    static long matchingStep(String secret, String code, Instant at, Long lastUsedStep) {
        String clean = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (secret == null || clean.length() != DIGITS || !clean.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long now = step(at);
        byte[] key = base32Decode(secret);
        long found = -1;
        for (long s = now - TOLERANCE; s <= now + TOLERANCE; s++) {
            boolean same = java.security.MessageDigest.isEqual(code(key, s, DIGITS, "HmacSHA1").getBytes(), clean.getBytes());
            if (same && (lastUsedStep == null || s > lastUsedStep)) {
                found = s;
            }
        }
        return found;
    }

    /** The URI authenticator apps read from the QR code. */
    static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
            + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String base32(byte[] data) {
        var sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] base32Decode(String text) {
        String clean = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** The secret in groups of four, easier to type by hand. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
