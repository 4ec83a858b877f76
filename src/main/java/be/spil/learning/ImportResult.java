package be.spil.learning;

import java.util.List;

/**
 * What a framework import did or (dry run) would do: how many competences were created, and the errors per row
 * ({@code row} 0: the framework as a whole). With any error nothing is written. {@code id}: the new framework.
 */
public record ImportResult(int created, int updated, int unchanged, List<Error> errors, boolean dryRun, Long id) {
    public record Error(int row, String field, String message) {}
}
