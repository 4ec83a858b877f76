package be.spil.team;

import java.time.Instant;
import java.util.List;

/** A task's place in a school year's division: responsible member, backups, level, funding and hours per year. */
public record AssignmentView(long id, long schoolYearId, String task, Cluster cluster, Long responsible, List<Long> backups,
                             Level level, FundingSource funding, double hours, int version, Instant updatedAt, String updatedBy) {}
