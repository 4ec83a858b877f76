package be.spil.learning;

import java.time.Instant;
import java.util.List;

/**
 * A school's learning line: the framework (version) it follows, its learning domains and the school's grades;
 * {@code shared}: offered to the other schools of the group as a template.
 */
public record LineView(long id, long frameworkId, String framework, List<String> domains, List<Grade> grades, int version,
                       Instant updatedAt, String updatedBy, boolean shared) {}
