package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.school.LessonPeriodView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** School-hours arithmetic with hand-made calendars: lesson periods, breaks, weekends, holidays, Wednesday afternoons. */
class SchoolHoursTest {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Mornings 8:30–10:10 and 10:25–12:05 every weekday; afternoons 13:00–15:30 except Wednesday. */
    static final List<LessonPeriodView> PERIODS = List.of(
        period(1, "08:30", "09:20", WEEKDAYS), period(2, "09:20", "10:10", WEEKDAYS),
        period(3, "10:25", "11:15", WEEKDAYS), period(4, "11:15", "12:05", WEEKDAYS),
        period(5, "13:00", "13:50", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)),
        period(6, "13:50", "15:30", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)));

    static LessonPeriodView period(int n, String start, String end, Set<DayOfWeek> days) {
        return new LessonPeriodView(n, "P" + n, LocalTime.parse(start), LocalTime.parse(end), days);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BRUSSELS).toInstant();
    }

    /** Weekdays are school days, except the holidays given. */
    static SchoolHours hours(LocalDate... holidays) {
        var off = Set.of(holidays);
        return new SchoolHours(BRUSSELS, d -> d.getDayOfWeek().getValue() <= 5 && !off.contains(d), PERIODS);
    }

    @Test
    void countsWithinOnePeriod() {
        assertThat(hours().plus(at("2026-11-23T08:40"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-23T09:10"));
    }

    @Test
    void mergesTouchingPeriodsAndSkipsTheBreak() {
        // 8:40 + 100 min: 90 until 10:10, the break to 10:25 does not count, 10 more
        assertThat(hours().plus(at("2026-11-23T08:40"), Duration.ofMinutes(100))).isEqualTo(at("2026-11-23T10:35"));
        assertThat(hours().windows(LocalDate.parse("2026-11-23"))).hasSize(3);
    }

    @Test
    void startsAtTheFirstPeriodWhenReportedBeforeSchool() {
        assertThat(hours().plus(at("2026-11-23T06:00"), Duration.ofMinutes(10))).isEqualTo(at("2026-11-23T08:40"));
    }

    @Test
    void wednesdayAfternoonAndTheWeekendDoNotCount() {
        // Wednesday 11:05 + 60 min: 60 min until 12:05? no: 11:05→12:05 is exactly 60
        assertThat(hours().plus(at("2026-11-25T11:05"), Duration.ofMinutes(60))).isEqualTo(at("2026-11-25T12:05"));
        // one more minute goes to Thursday morning
        assertThat(hours().plus(at("2026-11-25T11:05"), Duration.ofMinutes(61))).isEqualTo(at("2026-11-26T08:31"));
        // Friday 15:00 + 45 min: 30 on Friday, 15 on Monday
        assertThat(hours().plus(at("2026-11-27T15:00"), Duration.ofMinutes(45))).isEqualTo(at("2026-11-30T08:45"));
    }

    @Test
    void holidaysDoNotCount() {
        var hours = hours(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"));
        assertThat(hours.plus(at("2026-11-27T15:20"), Duration.ofMinutes(20))).isEqualTo(at("2026-12-02T08:40"));
    }

    @Test
    void aWholeSchoolDayIsItsLessonTime() {
        var monday = LocalDate.parse("2026-11-23");
        assertThat(hours().between(monday.atStartOfDay(BRUSSELS).toInstant(), monday.plusDays(1).atStartOfDay(BRUSSELS).toInstant()))
            .isEqualTo(Duration.ofMinutes(100 + 100 + 150));
        var wednesday = LocalDate.parse("2026-11-25");
        assertThat(hours().between(wednesday.atStartOfDay(BRUSSELS).toInstant(), wednesday.plusDays(1).atStartOfDay(BRUSSELS).toInstant()))
            .isEqualTo(Duration.ofMinutes(200));
    }

    @Test
    void betweenIsTheInverseOfPlus() {
        var hours = hours(LocalDate.parse("2026-12-24"));
        var start = at("2026-11-23T09:07");
        for (int minutes : new int[] {1, 59, 200, 351, 1000, 3000}) {
            var end = hours.plus(start, Duration.ofMinutes(minutes));
            assertThat(hours.between(start, end)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
        assertThat(hours.between(at("2026-11-23T12:00"), at("2026-11-23T11:00"))).isZero();
    }

    @Test
    void crossesTheChangeToSummerTime() {
        // Friday 27 March 2026 15:00 + 60 min: 30 on Friday, 30 on Monday 30 March (after the clocks went forward)
        assertThat(hours().plus(at("2026-03-27T15:00"), Duration.ofMinutes(60))).isEqualTo(at("2026-03-30T09:00"));
    }

    @Test
    void aSchoolWithoutLessonPeriodsCountsADefaultDay() {
        var hours = new SchoolHours(BRUSSELS, d -> d.getDayOfWeek().getValue() <= 5, List.of());
        assertThat(hours.plus(at("2026-11-23T15:30"), Duration.ofMinutes(60))).isEqualTo(at("2026-11-24T09:00"));
    }

    @Test
    void noDueTimeWithoutAnySchoolDay() {
        var hours = new SchoolHours(BRUSSELS, d -> false, PERIODS);
        assertThat(hours.plus(at("2026-11-23T09:00"), Duration.ofMinutes(10))).isNull();
        assertThat(hours.between(at("2026-11-23T09:00"), at("2026-11-24T09:00"))).isZero();
    }
}
