package be.spil.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What a user writes into a plan (the parameters of {@link PolicyPlans}): its texts, a goal, an action, or (API) the whole plan at once. */
public final class PlanForms {
    private PlanForms() {}

    static final int TEXT_MAX = 20000;

    /** The written parts of the plan; {@code version} is the one read (null when the plan is not saved yet). */
    public record Texts(@Size(max = TEXT_MAX) String vision, @Size(max = TEXT_MAX) String pedagogicalProject,
                 @Size(max = TEXT_MAX) String startingSituation, @Size(max = TEXT_MAX) String evaluation, Integer version) {
        static Texts of(PlanView plan) {
            return new Texts(plan.vision(), plan.pedagogicalProject(), plan.startingSituation(), plan.evaluation(), plan.version());
        }
    }

    public record Goal(@NotNull GoalDomain domain, @NotNull GoalKind kind, @NotBlank @Size(max = 300) String title,
                @Size(max = 5000) String description) {
        static Goal empty() {
            return new Goal(GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, null, null);
        }
    }

    public record Action(@NotBlank @Size(max = 300) String title, Long owner, LocalDate deadline, @Size(max = 2000) String resources,
                  @Size(max = 2000) String successCriterion, ActionStatus status) {
        static Action empty() {
            return new Action(null, null, null, null, null, ActionStatus.PLANNED);
        }
    }

    /** The whole plan (API PUT): goals and actions with an id are updated, without one created, missing ones archived. */
    public record Whole(@Size(max = TEXT_MAX) String vision, @Size(max = TEXT_MAX) String pedagogicalProject,
                 @Size(max = TEXT_MAX) String startingSituation, @Size(max = TEXT_MAX) String evaluation,
                 @Valid @Size(max = 100) List<WholeGoal> goals, Integer version) {}

    public record WholeGoal(Long id, @NotNull GoalDomain domain, @NotNull GoalKind kind, @NotBlank @Size(max = 300) String title,
                     @Size(max = 5000) String description, @Valid @Size(max = 100) List<WholeAction> actions) {}

    public record WholeAction(Long id, @NotBlank @Size(max = 300) String title, Long owner, LocalDate deadline,
                       @Size(max = 2000) String resources, @Size(max = 2000) String successCriterion, ActionStatus status) {}
}
