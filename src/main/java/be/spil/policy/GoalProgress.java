package be.spil.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * How far each goal of a plan was at the end of every month of the school year so far: the share of its actions (not
 * dropped) done by then, from the day each action was marked done. An action done before Spil kept that day counts
 * from the start of the year.
 */
final class GoalProgress {
    /** One goal: its progress in percent at the end of each month of {@link Result#months()}. */
    record Row(long goalId, String title, List<Integer> percents) {}

    record Result(List<YearMonth> months, List<Row> goals) {}

    private GoalProgress() {}

    static Result compute(List<PlanView.Goal> goals, LocalDate start, LocalDate end, LocalDate today) {
        List<YearMonth> months = new ArrayList<>();
        var last = YearMonth.from(today.isBefore(end) ? today : end);
        for (var m = YearMonth.from(start); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<Row> rows = new ArrayList<>();
        for (var goal : goals) {
            var counted = goal.actions().stream().filter(a -> a.status() != ActionStatus.DROPPED).toList();
            if (counted.isEmpty() || months.isEmpty()) {
                continue;
            }
            List<Integer> percents = new ArrayList<>();
            for (var month : months) {
                var monthEnd = month.atEndOfMonth();
                long done = counted.stream().filter(a -> a.status() == ActionStatus.DONE
                    && (a.doneOn() == null || !a.doneOn().isAfter(monthEnd))).count();
                percents.add((int) Math.round(100.0 * done / counted.size()));
            }
            rows.add(new Row(goal.id(), goal.title(), percents));
        }
        return new Result(months, rows);
    }
}
