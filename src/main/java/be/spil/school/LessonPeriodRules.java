package be.spil.school;

import be.spil.shared.FieldErrorsException.FieldError;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules of a list of lesson periods: each ends after it starts, has at least one weekday, numbers are
 * unique, and on any weekday two periods neither overlap nor run against the order of their numbers.
 * Errors name the field as {@code periods[i].field}.
 */
final class LessonPeriodRules {
    private LessonPeriodRules() {}

    static List<FieldError> check(List<LessonPeriodForm> periods) {
        var errors = new ArrayList<FieldError>();
        var numbers = new HashSet<Integer>();
        for (int i = 0; i < periods.size(); i++) {
            var p = periods.get(i);
            if (!p.end().isAfter(p.start())) {
                errors.add(new FieldError(field(i, "end"), "lessonPeriod.endBeforeStart"));
            }
            if (p.weekdaysOrDefault().isEmpty()) {
                errors.add(new FieldError(field(i, "weekdays"), "lessonPeriod.weekdays.empty"));
            }
            if (!numbers.add(p.number())) {
                errors.add(new FieldError(field(i, "number"), "lessonPeriod.number.duplicate", p.number()));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        for (int i = 0; i < periods.size(); i++) {
            for (int j = 0; j < periods.size(); j++) {
                var a = periods.get(i);
                var b = periods.get(j);
                if (i == j || a.number() > b.number() || Collections.disjoint(a.weekdaysOrDefault(), b.weekdaysOrDefault())) {
                    continue;
                }
                // a has the lower number; on a shared weekday it must end before b starts
                int later = Math.max(i, j);
                if (a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                    errors.add(new FieldError(field(later, "start"), "lessonPeriod.overlap", a.number(), b.number(),
                        firstShared(a, b)));
                    return errors;
                }
                if (b.start().isBefore(a.start())) {
                    errors.add(new FieldError(field(later, "start"), "lessonPeriod.order", b.number(), a.number()));
                    return errors;
                }
            }
        }
        return errors;
    }

    /** The first weekday both periods share, as a message to resolve in the reader's language. */
    private static Object firstShared(LessonPeriodForm a, LessonPeriodForm b) {
        var day = a.weekdaysOrDefault().stream().filter(b.weekdaysOrDefault()::contains).sorted()
            .findFirst().orElse(DayOfWeek.MONDAY);
        return new DefaultMessageSourceResolvable(new String[] {"weekday." + day.name()}, day.name());
    }

    private static String field(int index, String name) {
        return "periods[" + index + "]." + name;
    }
}
