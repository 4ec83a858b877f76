package be.spil.shared;

import java.util.function.Predicate;

/**
 * An item of the main navigation, contributed by a module as a bean so the menu shows only modules that exist.
 * {@code path} may hold {@code {school}}, replaced by the code of the school the user is working in. Items with the
 * same {@code group} (a message key, e.g. {@code nav.group.equipment}) share one drop-down menu; without a group the
 * item stands on its own in the menu bar.
 */
public record NavEntry(String messageKey, String path, int order, Predicate<Caller> visibleTo, String group) {
    public NavEntry(String messageKey, String path, int order, Predicate<Caller> visibleTo) {
        this(messageKey, path, order, visibleTo, null);
    }

    public boolean needsSchool() {
        return path.contains("{school}");
    }
}
