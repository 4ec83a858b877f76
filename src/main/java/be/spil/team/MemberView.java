package be.spil.team;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A member of a school's ICT team in one school year: a person of the school or an organisation, with a profile,
 * an education level and available hours per year per funding source. Archived members left the team.
 */
public record MemberView(long id, long schoolYearId, Long personId, Long organisationId, String name, boolean coordinator,
                         Set<Cluster> profile, Education education, Map<FundingSource, Double> hoursPerYear, double totalHours,
                         boolean archived, int version, Instant updatedAt, String updatedBy) {}
