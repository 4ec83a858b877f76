package be.spil.learning;

import java.time.Instant;

/** A planned activity as the pages and the API show it; {@code teacherName} is the carrying class teacher's name. */
public record ActivityView(long id, String competence, Grade grade, String domain, String description, String tool, Step step,
                           WorkForm workForm, Long teacher, String teacherName, boolean archived, int version,
                           Instant updatedAt, String updatedBy) {}
