package be.spil.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The policy plan of a school for a school year. {@code id} and {@code version} are null while nothing is saved yet.
 * {@code approved} is the number of the newest approved version, null when none is.
 */
public record PlanView(Long id, long schoolId, long schoolYearId, String year, String vision, String pedagogicalProject,
                       String startingSituation, String evaluation, Integer version, Instant updatedAt, String updatedBy,
                       Integer approved, List<Goal> goals) {

    public record Goal(long id, GoalDomain domain, GoalKind kind, String title, String description, List<Action> actions) {
        /** Share of this goal's actions that are done (dropped ones do not count), 0–100; null without actions. */
        @com.fasterxml.jackson.annotation.JsonProperty("progress")
        public Integer progress() {
            long counted = actions.stream().filter(a -> a.status() != ActionStatus.DROPPED).count();
            if (counted == 0) {
                return null;
            }
            return (int) Math.round(100.0 * actions.stream().filter(a -> a.status() == ActionStatus.DONE).count() / counted);
        }
    }

    public record Action(long id, long goalId, String title, Long ownerId, String ownerName, LocalDate deadline,
                         String resources, String successCriterion, ActionStatus status, boolean overdue, LocalDate doneOn) {}

    public boolean saved() {
        return id != null;
    }
}
