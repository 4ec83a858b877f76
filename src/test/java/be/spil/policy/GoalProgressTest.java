package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalProgressTest {
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final LocalDate END = LocalDate.of(2027, 8, 31);

    private static PlanView.Action action(ActionStatus status, LocalDate doneOn) {
        return new PlanView.Action(1, 1, "a", null, null, null, null, null, status, false, doneOn);
    }

    @Test
    void eachMonthShowsTheShareOfActionsDoneByItsEnd() {
        var goal = new PlanView.Goal(7, GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, "Wifi", null, List.of(
            action(ActionStatus.DONE, LocalDate.of(2026, 9, 20)),
            action(ActionStatus.DONE, LocalDate.of(2026, 11, 2)),
            action(ActionStatus.IN_PROGRESS, null),
            action(ActionStatus.DROPPED, null)));
        var result = GoalProgress.compute(List.of(goal), START, END, LocalDate.of(2026, 11, 23));
        assertThat(result.months()).containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
        assertThat(result.goals()).singleElement().satisfies(row -> {
            assertThat(row.goalId()).isEqualTo(7);
            assertThat(row.percents()).containsExactly(33, 33, 67);
        });
    }

    @Test
    void aDoneActionWithoutItsDayCountsFromTheStartAndGoalsWithoutActionsAreLeftOut() {
        var done = new PlanView.Goal(1, GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, "Oud", null, List.of(action(ActionStatus.DONE, null)));
        var empty = new PlanView.Goal(2, GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, "Leeg", null, List.of());
        var result = GoalProgress.compute(List.of(done, empty), START, END, LocalDate.of(2027, 12, 1));
        assertThat(result.months()).hasSize(12);
        assertThat(result.goals()).singleElement().satisfies(row -> assertThat(row.percents()).containsOnly(100));
    }

    @Test
    void aYearThatHasNotBegunHasNothingToShow() {
        var goal = new PlanView.Goal(1, GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, "Later", null, List.of(action(ActionStatus.PLANNED, null)));
        var result = GoalProgress.compute(List.of(goal), START, END, LocalDate.of(2026, 5, 1));
        assertThat(result.months()).isEmpty();
        assertThat(result.goals()).isEmpty();
    }
}
