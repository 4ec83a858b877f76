package be.spil.shared;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Helpers for the web edge: domain errors next to their fields, and the "somebody else changed it" message. */
public final class Forms {
    private Forms() {}

    /** Puts a domain rule's field errors on the form; a field the form does not have becomes a global error. */
    public static void reject(FieldErrorsException e, BindingResult result) {
        for (var err : e.errors()) {
            if (result.getTarget() != null && hasField(result, err.field())) {
                result.rejectValue(err.field(), err.code(), err.args(), err.code());
            } else {
                result.reject(err.code(), err.args(), err.code());
            }
        }
    }

    private static boolean hasField(BindingResult result, String field) {
        try {
            return result.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Shows who changed the record meanwhile and their values; the form keeps what the user typed. */
    public static void conflict(StaleVersionException e, Model model) {
        model.addAttribute("conflict", e);
    }
}
