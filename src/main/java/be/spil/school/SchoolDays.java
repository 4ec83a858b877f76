package be.spil.school;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The rule for a school day: a weekday (Monday to Friday) inside a school year that no holiday or other day
 * without lessons covers.
 */
record SchoolDays(List<DateRange> schoolYears, List<DateRange> holidays) {

    boolean isSchoolDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return schoolYears.stream().anyMatch(y -> y.contains(day)) && holidays.stream().noneMatch(h -> h.contains(day));
    }

    /** The school days from {@code from} to {@code to}, both included, in order. */
    List<LocalDate> between(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(this::isSchoolDay).toList();
    }
}
