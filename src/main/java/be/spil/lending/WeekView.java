package be.spil.lending;

import be.spil.school.LessonPeriodView;
import java.time.LocalDate;
import java.util.List;

/**
 * What a pool has free in one week: a column per day (Monday to Friday), a row per lesson period; each cell tells how
 * many devices are free and whether it can still be reserved (a school day, the period exists that day, not past).
 */
public record WeekView(long poolId, String pool, int capacity, LocalDate monday, List<Day> days, List<LessonPeriodView> periods,
                       List<List<Cell>> rows) {

    public record Day(LocalDate date, boolean schoolDay) {}

    public record Cell(LocalDate date, int period, boolean open, int free, int used) {}

    public LocalDate previousWeek() {
        return monday.minusWeeks(1);
    }

    public LocalDate nextWeek() {
        return monday.plusWeeks(1);
    }
}
