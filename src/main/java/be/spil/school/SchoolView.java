package be.spil.school;

import java.time.Instant;

/** A school as other modules and the API see it. */
public record SchoolView(long id, String code, String name, String street, String postalCode, String city,
                         String institutionNumber, SchoolLevel level, boolean archived, int version,
                         Instant updatedAt, String updatedBy) {}
