package be.spil.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchoolDaysTest {
    private static final DateRange YEAR = SchoolYear.defaultDays("2026-2027");
    private static final DateRange AUTUMN_BREAK = new DateRange(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 6));
    private static final SchoolDays DAYS = new SchoolDays(List.of(YEAR), List.of(AUTUMN_BREAK));

    @Test
    void aSchoolYearRunsFromTheFirstOfSeptemberToTheLastOfAugust() {
        assertThat(YEAR).isEqualTo(new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31)));
    }

    @Test
    void anOrdinaryWeekdayInTheSchoolYearIsASchoolDay() {
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 23))).isTrue(); // a Monday
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 25))).isTrue(); // Wednesday: a school day, even without afternoon lessons
    }

    @Test
    void weekendsAreNotSchoolDays() {
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 22))).isFalse();
    }

    @Test
    void holidaysAreNotSchoolDaysOnTheirFirstAndLastDayToo() {
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 2))).isFalse();
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 6))).isFalse();
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 11, 9))).isTrue();
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 10, 30))).isTrue();
    }

    @Test
    void daysOutsideEverySchoolYearAreNotSchoolDays() {
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 8, 31))).isFalse(); // a Monday before the year
        assertThat(DAYS.isSchoolDay(LocalDate.of(2026, 9, 1))).isTrue();
        assertThat(new SchoolDays(List.of(), List.of()).isSchoolDay(LocalDate.of(2026, 11, 23))).isFalse();
    }

    @Test
    void countsTheSchoolDaysOfAWeekWithAHoliday() {
        assertThat(DAYS.between(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 8))).hasSize(5);
    }

    @Test
    void theCurrentYearFollowsTheClock() {
        var year = SchoolYear.create("2026-2027", YEAR, java.time.Instant.EPOCH, "test");
        year.id = 1L;
        year.version = 0;
        Clock november = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay(ZoneId.of("Europe/Brussels")).toInstant(),
            ZoneId.of("Europe/Brussels"));
        Clock july2026 = Clock.offset(november, java.time.Duration.ofDays(-140));
        assertThat(year.view(LocalDate.ofInstant(november.instant(), november.getZone())).current()).isTrue();
        assertThat(year.view(LocalDate.ofInstant(july2026.instant(), july2026.getZone())).current()).isFalse();
    }
}
