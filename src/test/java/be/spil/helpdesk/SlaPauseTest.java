package be.spil.helpdesk;

import static be.spil.helpdesk.SchoolHoursTest.at;
import static be.spil.helpdesk.SchoolHoursTest.hours;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The due time after a pause moves on by the school time paused, with the hand-made calendar of SchoolHoursTest. */
class SlaPauseTest {
    @Test
    void aPauseWithinTheSchoolDayMovesTheDueTimeByItsLength() {
        // paused Monday 9:00–9:20 (20 minutes of lessons): a due time of Tuesday 11:00 becomes 11:20
        assertThat(SlaPause.resumedDue(hours(), at("2026-11-24T11:00"), at("2026-11-23T09:00"), at("2026-11-23T09:20")))
            .isEqualTo(at("2026-11-24T11:20"));
    }

    @Test
    void breaksNightsAndWeekendsInThePauseDoNotCount() {
        // paused Friday 15:00 to Monday 8:40: 30 minutes on Friday, 10 on Monday; due Monday 12:00 → 12:05 + break? no:
        // 12:00 + 40 minutes: 5 until 12:05, the lunch break, 35 from 13:00 → 13:35
        assertThat(SlaPause.resumedDue(hours(), at("2026-11-30T12:00"), at("2026-11-27T15:00"), at("2026-11-30T08:40")))
            .isEqualTo(at("2026-11-30T13:35"));
    }

    @Test
    void aPauseOverHolidaysAndWednesdayAfternoonCountsOnlyLessons() {
        var hours = hours(LocalDate.parse("2026-11-26"));
        // paused Wednesday 11:00 to Friday 8:30: 65 minutes on Wednesday (afternoon free), Thursday is a holiday; 9:00 + 65
        assertThat(SlaPause.resumedDue(hours, at("2026-11-27T09:00"), at("2026-11-25T11:00"), at("2026-11-27T08:30")))
            .isEqualTo(at("2026-11-27T10:05"));
    }

    @Test
    void aPauseOutsideSchoolTimeChangesNothingAndNoDueStaysNone() {
        assertThat(SlaPause.resumedDue(hours(), at("2026-11-24T11:00"), at("2026-11-28T10:00"), at("2026-11-29T18:00")))
            .isEqualTo(at("2026-11-24T11:00"));
        assertThat(SlaPause.resumedDue(hours(), null, at("2026-11-23T09:00"), at("2026-11-23T10:00"))).isNull();
    }
}
