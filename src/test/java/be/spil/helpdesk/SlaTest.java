package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.HolidayForm;
import be.spil.school.LessonPeriodForm;
import be.spil.school.LessonPeriodsForm;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Due times from the school's own calendar in the database: its lesson periods, its holidays, the group's or its own targets. */
@SpilIntegrationTest
class SlaTest {
    @Autowired SlaTargets sla;
    @Autowired SchoolCalendar calendar;
    @Autowired Fixtures fixtures;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    SchoolView school;
    SchoolYearView year;

    /** A school year nobody else uses, far away. */
    static synchronized SchoolYearView freshYear(SchoolCalendar calendar) {
        var taken = calendar.schoolYears().stream().map(SchoolYearView::name).toList();
        int first = 2060;
        while (taken.contains(first + "-" + (first + 1)) || taken.contains((first - 1) + "-" + first)
                || taken.contains((first + 1) + "-" + (first + 2))) {
            first--;
        }
        return calendar.createSchoolYear(new SchoolYearForm(first + "-" + (first + 1), null, null, null), Fixtures.ADMIN);
    }

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        year = freshYear(calendar);
        var weekdays = java.util.EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(List.of(
            new LessonPeriodForm(1, "1", LocalTime.of(8, 30), LocalTime.of(10, 10), weekdays),
            new LessonPeriodForm(2, "2", LocalTime.of(10, 25), LocalTime.of(12, 5), weekdays)), 0), Fixtures.ADMIN);
    }

    Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(clock.getZone()).toInstant();
    }

    LocalDate firstMondayOfOctober() {
        return LocalDate.of(Integer.parseInt(year.name().substring(0, 4)), 10, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    @Test
    void dueTimesCountOnlyLessonTimeOnSchoolDays() {
        var monday = firstMondayOfOctober();
        // medium: response in 200 minutes; Monday from 9:00 holds 170 of them, Tuesday 30 more
        var due = sla.due(school.id(), Priority.MEDIUM, at(monday, 9, 0));
        assertThat(due.response()).isEqualTo(at(monday.plusDays(1), 9, 0));
        // resolution in 1500 minutes = 170 on Monday + 6 × 200 + 130 on the 8th school day (100 before the break, 30 after)
        assertThat(due.resolve()).isEqualTo(at(monday.plusDays(9), 10, 55));
        // a holiday of the school on Tuesday pushes the response to Wednesday
        calendar.createHoliday(school.id(), new HolidayForm("Pedagogische studiedag", monday.plusDays(1), monday.plusDays(1), null),
            Fixtures.ADMIN);
        assertThat(sla.due(school.id(), Priority.MEDIUM, at(monday, 9, 0)).response()).isEqualTo(at(monday.plusDays(2), 9, 0));
        // reported on Saturday: the clock starts on Monday morning
        assertThat(sla.due(school.id(), Priority.CRITICAL, at(monday.minusDays(2), 11, 0)).response())
            .isEqualTo(at(monday, 9, 20));
    }

    @Test
    void aSchoolSetsItsOwnTargets() throws Exception {
        String coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        String teacher = fixtures.user(school, Role.STAFF).email();
        String path = "/api/v1/schools/" + school.code() + "/tickets/sla";
        mvc.perform(get(path).with(httpBasic(teacher, Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(4))).andExpect(jsonPath("$[0].priority").value("CRITICAL"))
            .andExpect(jsonPath("$[0].own").value(false));
        mvc.perform(put(path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("[{\"priority\":\"CRITICAL\",\"responseMinutes\":10,\"resolveMinutes\":100}]"))
            .andExpect(status().isOk()).andExpect(jsonPath("$[0].own").value(true)).andExpect(jsonPath("$[1].own").value(false));
        var monday = firstMondayOfOctober();
        assertThat(sla.due(school.id(), Priority.CRITICAL, at(monday, 9, 0)).response()).isEqualTo(at(monday, 9, 10));
        // bad input: 400 naming the field, nothing changed
        for (String bad : List.of("[{\"priority\":\"HIGH\",\"responseMinutes\":100,\"resolveMinutes\":10}]",
                "[{\"priority\":\"HIGH\",\"responseMinutes\":0,\"resolveMinutes\":10}]",
                "[{\"priority\":\"URGENT\",\"responseMinutes\":1,\"resolveMinutes\":10}]",
                "[{\"priority\":\"HIGH\",\"responseMinutes\":1,\"resolveMinutes\":10},{\"priority\":\"HIGH\",\"responseMinutes\":1,\"resolveMinutes\":10}]",
                "[{\"priority\":\"HIGH\"}]", "{}")) {
            mvc.perform(put(path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest());
        }
        mvc.perform(get(path).with(httpBasic(teacher, Fixtures.PASSWORD))).andExpect(jsonPath("$[0].responseMinutes").value(10))
            .andExpect(jsonPath("$[1].own").value(false));
        var other = fixtures.school();
        TenancyCheck.api(mvc).outsider(fixtures.user(other, Role.ICT_COORDINATOR).email()).staff(teacher).manager(coordinator)
            .unchanged(path)
            .read(path)
            .admin(HttpMethod.PUT, path, "[]")
            .verify();
        assertThat(sla.list(school.id())).noneMatch(t -> t.own());
    }
}
