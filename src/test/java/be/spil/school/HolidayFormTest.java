package be.spil.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The one holiday form serves a school's calendar and the school group's school years, each posting to its own path. */
@SpilIntegrationTest
class HolidayFormTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;

    @Test
    void theCalendarAndTheSchoolYearsPageEachAddTheirOwnHolidays() throws Exception {
        TestYears.create(calendar);
        var school = fixtures.school();
        var coordinator = TenancyCheck.signIn(mvc, fixtures.user(school, Role.ICT_COORDINATOR).email());
        String page = mvc.perform(get("/schools/" + school.code() + "/calendar").session(coordinator))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("action=\"/schools/" + school.code() + "/holidays\"").contains("id=\"name\"");
        var admin = TenancyCheck.signIn(mvc, "admin@test.spil.be");
        String years = mvc.perform(get("/school-years").session(admin)).andReturn().getResponse().getContentAsString();
        assertThat(years).contains("action=\"/school-years/holidays\"").contains("id=\"holidayName\"");
    }
}
