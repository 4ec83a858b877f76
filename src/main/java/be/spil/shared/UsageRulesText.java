package be.spil.shared;

import java.util.Optional;

/**
 * The usage rules for pupils that a school has approved, for modules that print them (the lending module's hand-over
 * form) without depending on the module that keeps them (policy). Absent when no module provides them.
 */
public interface UsageRulesText {
    /** The rules in force: their version number and text. */
    record Rules(int version, String text) {}

    Optional<Rules> forPupils(long schoolId);
}
