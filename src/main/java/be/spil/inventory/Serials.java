package be.spil.inventory;

import java.util.Locale;
import java.util.Set;

/** Serial numbers: the placeholders vendors leave in firmware ("Default string", "To be filled by O.E.M.") mean none. */
final class Serials {
    private static final Set<String> JUNK = Set.of("default string", "to be filled by o.e.m.", "to be filled by oem",
        "0123456789", "123456789", "system serial number", "none", "n/a", "na", "not specified", "not applicable",
        "chassis serial number", "serial number", "0", "00000000", "xxxxxxxx", "-");

    private Serials() {}

    /** The serial trimmed, or null when it is empty or a placeholder. */
    static String normalise(String serial) {
        if (serial == null) {
            return null;
        }
        String s = serial.strip();
        if (s.isEmpty() || JUNK.contains(s.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return s;
    }
}
