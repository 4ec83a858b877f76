package be.spil.learning;

import java.util.List;
import java.util.Map;

/**
 * One result of the learning line's analysis: what kind, how serious, which competence / grade / domain it is about
 * (null when not), the numbers behind it, and a message (key of the learning bundle with its arguments) that says what
 * is wrong and what to do.
 */
public record LineFinding(Kind kind, Severity severity, String competence, Grade grade, String domain,
                          Map<String, Number> numbers, String message, List<Object> args) {

    public enum Kind {
        EMPTY_LINE, MISSING, NOT_MASTERED, MASTERED_WITHOUT_INTRODUCTION, TOO_EARLY, GAP, REGRESSION, UNKNOWN_COMPETENCE,
        GRADE_EMPTY, GRADE_LIGHT, GRADE_HEAVY, DOMAIN_UNUSED, DOMAIN_LIGHT, DOMAIN_HEAVY, UNKNOWN_DOMAIN,
        WORK_FORM_DOMINANT, WORK_FORMS_UNUSED
    }

    /** CRITICAL first: the order the page shows them in. */
    public enum Severity { CRITICAL, WARNING, INFO }
}
