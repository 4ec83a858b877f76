package be.spil.shared;

import java.util.function.Predicate;

/**
 * An item of the main navigation, contributed by a module as a bean so the menu shows only modules that exist.
 * {@code path} may hold {@code {school}}, replaced by the code of the school the user is working in.
 */
public record NavEntry(String messageKey, String path, int order, Predicate<Caller> visibleTo) {
    public boolean needsSchool() {
        return path.contains("{school}");
    }
}
