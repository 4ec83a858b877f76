package be.spil.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Reading the CSV files people bring: Belgian Excel writes {@code ;}-separated Windows-1252, others UTF-8 (with or
 * without a BOM) and commas or tabs. For every import: how to decode the bytes, which separator the header uses, and
 * the key by which headers and values are matched.
 */
public final class CsvText {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvText() {}

    /** The names a CSV column is known by: the API field, the Dutch and English headers of Spil's export, other spellings. */
    public record Names(String api, String dutch, String english, String... aliases) {}

    /** Every name of every column, by its {@link #key}, for matching a file's headers. */
    public static <C> java.util.Map<String, C> index(C[] columns, java.util.function.Function<C, Names> names) {
        var byKey = new java.util.HashMap<String, C>();
        for (C c : columns) {
            var n = names.apply(c);
            byKey.put(key(n.api()), c);
            byKey.put(key(n.dutch()), c);
            byKey.put(key(n.english()), c);
            for (String alias : n.aliases()) {
                byKey.put(key(alias), c);
            }
        }
        return java.util.Map.copyOf(byKey);
    }

    /** Comparison key of a header or value: lower case, without accents, spaces or punctuation. */
    public static String key(String s) {
        if (s == null) {
            return "";
        }
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** BOM: UTF-8; valid UTF-8: UTF-8; otherwise Windows-1252 (what Excel in Belgium writes). */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** The separator that occurs most in the first line outside quotes: {@code ;} (ties too), {@code ,} or tab. */
    public static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
