package be.spil.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every new page renders in Dutch and in English with all its texts, for a central admin who sees every form. */
@SpilIntegrationTest
class SchoolPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Rooms rooms;
    @Autowired SchoolCalendar calendar;

    @Test
    void theSchoolsRoomsCalendarAndSchoolYearPagesHaveAllTheirTextsInBothLanguages() throws Exception {
        var school = fixtures.school();
        var year = TestYears.create(calendar);
        long building = rooms.createBuilding(school.id(), new BuildingForm("Hoofdgebouw", "Kerkstraat 1", null), Fixtures.ADMIN).id();
        var room = rooms.createRoom(school.id(), new RoomForm(building, "A.01", RoomType.COMPUTER_ROOM, 1, 20, null), Fixtures.ADMIN);
        rooms.updateRoom(school.id(), room.id(), new RoomForm(building, "A.02", RoomType.OFFICE, 2, 21, 0), Fixtures.ADMIN);
        var christmas = calendar.createHoliday(null, new HolidayForm("Kerstvakantie", year.startDate().plusDays(115), year.startDate().plusDays(128), null),
            Fixtures.ADMIN);
        var studyDay = calendar.createHoliday(school.id(), new HolidayForm("Studiedag", year.startDate().plusDays(30), year.startDate().plusDays(30), null),
            Fixtures.ADMIN);
        calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(List.of(
            new LessonPeriodForm(1, "Eerste", java.time.LocalTime.of(8, 25), java.time.LocalTime.of(9, 15), null)), 0), Fixtures.ADMIN);
        var session = TenancyCheck.signIn(mvc, CalendarApiTest.ADMIN);
        String s = "/schools/" + school.code();
        for (String lang : new String[] {"nl", "en"}) {
            for (String page : new String[] {s, s + "/rooms", s + "/rooms/" + room.id(), s + "/calendar?year=" + year.id(), "/school-years",
                "/school-years?year=" + year.id(), "/school-years/" + year.id(),
                s + "/buildings/" + building, s + "/holidays/" + studyDay.id(), "/school-years/holidays/" + christmas.id()}) {
                String html = mvc.perform(get(page).param("lang", lang).session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
                assertThat(html).as("%s in %s", page, lang).doesNotContain("??").contains("lang=\"" + lang + "\"");
            }
        }
        String calendarPage = mvc.perform(get(s + "/calendar").param("year", String.valueOf(year.id())).param("lang", "en").session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(calendarPage).contains("Kerstvakantie", "all schools", "Lesson periods", "08:25", "value=\"1\"");
        assertThat(mvc.perform(get(s + "/calendar").session(session)).andReturn().getResponse().getContentAsString())
            .contains("Geschiedenis van de lesuren", "Lesuur 1", "08:25–09:15 MON,TUE,WED,THU,FRI");
        String roomsPage = mvc.perform(get(s + "/rooms").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(org.springframework.util.StringUtils.countOccurrencesOf(roomsPage, "<select")).as("two filters, building and type")
            .isEqualTo(4);
        String roomPage = mvc.perform(get(s + "/rooms/" + room.id()).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(roomPage).contains("Computerlokaal", "Bureau", "Aantal plaatsen");
    }

    @Test
    void theApiDocumentationDescribesTheNewEndpoints() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(httpBasic(CalendarApiTest.ADMIN, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("/api/v1/schools/{code}/rooms/{id}", "/api/v1/schools/{code}/buildings", "/api/v1/schools/{code}/holidays",
            "/api/v1/schools/{code}/lesson-periods", "/api/v1/school-years", "Replace the whole list of lesson periods");
    }
}
