package be.spil.school;

import java.time.LocalDate;

/** A holiday as other modules and the API see it; {@code allSchools} when it holds for every school of the group. */
public record HolidayView(long id, String name, LocalDate firstDay, LocalDate lastDay, boolean allSchools, String schoolYear,
                          boolean archived, int version) {}
