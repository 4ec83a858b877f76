package be.spil.lending;

/** How a device came back: fine, damaged, or not at all. */
public enum Condition {
    OK, DAMAGED, MISSING
}
