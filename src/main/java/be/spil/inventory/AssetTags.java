package be.spil.inventory;

import java.util.Locale;
import java.util.regex.Pattern;

/** Asset tags: a prefix from the school code and a number, "LIN-000123"; users may type their own. */
final class AssetTags {
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,29}");

    private AssetTags() {}

    /** "lindenhof" → "LIN", "sint-jozef" → "SIN", "s-1" → "S1". */
    static String prefix(String schoolCode) {
        String letters = schoolCode.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (letters.isEmpty()) {
            return "AST";
        }
        return letters.substring(0, Math.min(3, letters.length()));
    }

    static String format(String prefix, long number) {
        return prefix + "-" + String.format(Locale.ROOT, "%06d", number);
    }

    /** A tag as stored: trimmed and in capitals, so "lin-12" and "LIN-12" are the same tag. */
    static String normalise(String tag) {
        return tag == null ? null : tag.strip().toUpperCase(Locale.ROOT);
    }
}
