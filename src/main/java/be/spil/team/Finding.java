package be.spil.team;

import java.util.List;
import java.util.Map;

/**
 * One result of the coverage analysis: what kind, how serious, which task / member / cluster / funding source it is
 * about (null when not), the numbers behind it, and a message (key of the team bundle with its arguments) that says
 * what to do.
 */
public record Finding(Kind kind, Severity severity, String task, Long member, Cluster cluster, FundingSource funding,
                      Map<String, Number> numbers, String message, List<Object> args) {

    public enum Kind {
        NO_RESPONSIBLE, CLUSTER_UNCOVERED, NO_BACKUP, SINGLE_PERSON_CLUSTER, COORDINATOR_DEPENDENCY, OVERLOADED,
        UNDERUSED, FUNDING_OVERLOADED, ABOVE_FULL_TIME, PROFILE_MISMATCH, COULD_BE_ELSEWHERE
    }

    /** CRITICAL first: the order the page shows them in. */
    public enum Severity { CRITICAL, WARNING, INFO }
}
