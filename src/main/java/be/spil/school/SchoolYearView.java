package be.spil.school;

import java.time.LocalDate;

/** A school year as other modules and the API see it; {@code current} when it holds today's date. */
public record SchoolYearView(long id, String name, LocalDate startDate, LocalDate endDate, boolean current, int version) {
    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}
