package be.spil.web;

import be.spil.web.ApiErrors.FieldMessage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON body that cannot be read into a message that names the field and says what was expected. */
final class JsonErrors {
    private JsonErrors() {}

    /** The outermost Jackson error: it carries the path to the field (a nested cause, e.g. a date parse error, does not). */
    private static Throwable cause(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JacksonException) {
                return t;
            }
        }
        return e.getMostSpecificCause();
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = cause(e);
        if (cause instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException f) {
            String field = field(f);
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return field + ": '" + f.getValue() + "' is not one of " + allowed;
            }
            return field + ": '" + f.getValue() + "' is not a valid " + simpleType(target);
        }
        if (cause instanceof MismatchedInputException m) {
            return field(m) + ": expected " + simpleType(m.getTargetType());
        }
        if (cause instanceof StreamReadException) {
            return "the body is not valid JSON";
        }
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            return field(j) + ": " + j.getOriginalMessage();
        }
        return "the body is missing or is not valid JSON";
    }

    static List<FieldMessage> fields(HttpMessageNotReadableException e) {
        Throwable cause = cause(e);
        if (cause instanceof JacksonException j && !j.getPath().isEmpty()) {
            String msg = describe(e);
            return List.of(new FieldMessage(field(j), msg.contains(": ") ? msg.substring(msg.indexOf(": ") + 2) : msg));
        }
        return List.of();
    }

    private static String field(JacksonException j) {
        return j.getPath().stream()
            .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == String.class) {
            return "text";
        }
        return type.getSimpleName();
    }
}
