package be.spil.school;

import java.time.Instant;
import java.util.List;

/** A school's lesson periods ordered by number, with the version to send back when replacing them. */
public record LessonScheduleView(List<LessonPeriodView> periods, int version, Instant updatedAt, String updatedBy) {}
