package be.spil.shared;

import java.time.Instant;
import java.util.Map;

/**
 * A save based on an old version of a record: somebody else changed it in between. Carries who did, when,
 * and the record's newer values, so the user can see what changed (HTTP 409).
 */
public class StaleVersionException extends RuntimeException {
    private final String changedBy;
    private final Instant changedAt;
    private final int currentVersion;
    private final Map<String, String> currentValues;

    public StaleVersionException(String changedBy, Instant changedAt, int currentVersion, Map<String, String> currentValues) {
        super("stale version; changed by " + changedBy + " at " + changedAt);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.currentVersion = currentVersion;
        this.currentValues = currentValues;
    }

    /**
     * The check every versioned write starts with: the version the client read must be given (else a field error
     * on "version") and must still be the stored one (else this exception, with the record's newer values).
     */
    public static void check(Integer expected, Integer actual, String changedBy, Instant changedAt,
                             java.util.function.Supplier<Map<String, String>> currentValues) {
        if (expected == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        if (!expected.equals(actual)) {
            throw new StaleVersionException(changedBy, changedAt, actual, currentValues.get());
        }
    }

    public String changedBy() { return changedBy; }
    public Instant changedAt() { return changedAt; }
    public int currentVersion() { return currentVersion; }
    public Map<String, String> currentValues() { return currentValues; }
}
