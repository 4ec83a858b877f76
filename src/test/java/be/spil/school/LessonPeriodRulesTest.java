package be.spil.school;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.shared.FieldErrorsException.FieldError;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LessonPeriodRulesTest {

    private static LessonPeriodForm period(int number, String start, String end, Set<DayOfWeek> days) {
        return new LessonPeriodForm(number, "Lesuur " + number, LocalTime.parse(start), LocalTime.parse(end), days);
    }

    private static LessonPeriodForm period(int number, String start, String end) {
        return period(number, start, end, null);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    @Test
    void acceptsAnOrderedDayWithABreak() {
        assertThat(LessonPeriodRules.check(List.of(period(1, "08:25", "09:15"), period(2, "09:15", "10:05"),
            period(3, "10:20", "11:10")))).isEmpty();
    }

    @Test
    void acceptsTheEmptyList() {
        assertThat(LessonPeriodRules.check(List.of())).isEmpty();
    }

    @Test
    void rejectsAnEndBeforeOrAtTheStart() {
        var errors = LessonPeriodRules.check(List.of(period(1, "09:00", "08:00"), period(2, "10:00", "10:00")));
        assertThat(codes(errors)).containsExactly("lessonPeriod.endBeforeStart", "lessonPeriod.endBeforeStart");
        assertThat(errors.get(1).field()).isEqualTo("periods[1].end");
    }

    @Test
    void rejectsOverlappingPeriodsOnASharedWeekday() {
        var errors = LessonPeriodRules.check(List.of(period(1, "08:25", "09:15"), period(2, "09:10", "10:00")));
        assertThat(codes(errors)).containsExactly("lessonPeriod.overlap");
        assertThat(errors.get(0).field()).isEqualTo("periods[1].start");
        assertThat(errors.get(0).args()).startsWith(1, 2);
    }

    @Test
    void allowsOverlapWhenThePeriodsNeverShareADay() {
        var wednesday = EnumSet.of(DayOfWeek.WEDNESDAY);
        var otherDays = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        // Wednesday ends earlier: period 5 on Wednesday and period 5b-style afternoon periods on other days
        assertThat(LessonPeriodRules.check(List.of(period(5, "11:10", "12:00", wednesday), period(6, "11:10", "12:00", otherDays))))
            .isEmpty();
    }

    @Test
    void rejectsPeriodsOutOfTheOrderOfTheirNumbers() {
        var errors = LessonPeriodRules.check(List.of(period(2, "08:25", "09:15"), period(1, "09:15", "10:05")));
        assertThat(codes(errors)).containsExactly("lessonPeriod.order");
        assertThat(errors.get(0).field()).isEqualTo("periods[1].start");
    }

    @Test
    void rejectsDuplicateNumbers() {
        var errors = LessonPeriodRules.check(List.of(period(1, "08:25", "09:15"), period(1, "09:15", "10:05")));
        assertThat(codes(errors)).containsExactly("lessonPeriod.number.duplicate");
        assertThat(errors.get(0).field()).isEqualTo("periods[1].number");
    }

    @Test
    void rejectsAPeriodWithoutWeekdaysButDefaultsToMondayToFriday() {
        assertThat(codes(LessonPeriodRules.check(List.of(period(1, "08:25", "09:15", Set.of())))))
            .containsExactly("lessonPeriod.weekdays.empty");
        assertThat(period(1, "08:25", "09:15").weekdaysOrDefault())
            .containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void weekdaysSurviveTheBitSet() {
        var days = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY);
        assertThat(LessonPeriod.mask(LessonPeriod.SCHOOL_WEEK)).isEqualTo(31);
        assertThat(LessonPeriod.days(LessonPeriod.mask(days))).isEqualTo(days);
    }
}
