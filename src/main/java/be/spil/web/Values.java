package be.spil.web;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stored field values as a reader should see them in histories and conflict messages: "Personeel" instead of
 * STAFF, "Ja" instead of true, "—" for nothing. For templates: {@code ${@values.show(field, value)}}.
 * A value is looked up as {@code value.<field>.<value>} first, so a module can name its own values in its bundle.
 */
@Component("values")
class Values {
    /** Fields whose values (one, or a list separated by commas) already have messages elsewhere: field → prefix. */
    private static final Map<String, String> KNOWN = Map.of("kind", "person.kind.", "roles", "role.", "level", "school.level.");

    private final MessageSource messages;

    Values(MessageSource messages) {
        this.messages = messages;
    }

    public String show(String field, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        if (value.equals("true") || value.equals("false")) {
            return message("value." + field + "." + value, message("value." + value, value));
        }
        if (!KNOWN.containsKey(field)) {
            return message("value." + field + "." + value, value);
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(t -> !t.isEmpty())
            .map(t -> message("value." + field + "." + t, message(KNOWN.get(field) + t, t)))
            .collect(Collectors.joining(", "));
    }

    /** An amount in euro as the reader's language writes it: "€ 1.234,50" in Dutch, "€1,234.50" in English. */
    public String money(java.math.BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        var format = java.text.NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale().getLanguage().equals("en")
            ? java.util.Locale.forLanguageTag("en-IE") : java.util.Locale.forLanguageTag("nl-BE"));
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }

    private String message(String code, String fallback) {
        return messages.getMessage(code, null, fallback, LocaleContextHolder.getLocale());
    }
}
