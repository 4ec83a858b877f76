package be.spil.shared;

import java.text.Normalizer;
import java.util.Locale;

/** Text helpers: search keys that ignore case and accents. */
public final class Text {
    private Text() {}

    /** "Çelik Émile" → "celik emile". */
    public static String searchKey(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /** A LIKE pattern for a search key, with LIKE's wildcards escaped (escape character '\'). */
    public static String likePattern(String q) {
        String key = searchKey(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + key + "%";
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
