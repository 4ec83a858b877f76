package be.spil.shared;

import java.util.List;
import java.util.Map;

/**
 * Bad input found by a domain rule. Each error names a field and a message key (with arguments) of the
 * messages bundle, so the web edge can show it next to the field and the API can name the field.
 */
public class FieldErrorsException extends RuntimeException {

    public record FieldError(String field, String code, Object... args) {}

    private final List<FieldError> errors;
    private final int status;

    public FieldErrorsException(List<FieldError> errors) {
        this(400, errors);
    }

    public FieldErrorsException(int status, List<FieldError> errors) {
        super(errors.toString());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static FieldErrorsException of(String field, String code, Object... args) {
        return new FieldErrorsException(List.of(new FieldError(field, code, args)));
    }

    /** A duplicate: the request was well-formed but collides with an existing record (409). */
    public static FieldErrorsException conflict(String field, String code, Object... args) {
        return new FieldErrorsException(409, List.of(new FieldError(field, code, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    public Map<String, String> codesByField() {
        var map = new java.util.LinkedHashMap<String, String>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.code()));
        return map;
    }
}
