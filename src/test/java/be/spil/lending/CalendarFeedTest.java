package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.Assets;
import be.spil.school.BuildingForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class CalendarFeedTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Rooms rooms;
    @Autowired Reservations reservations;
    @Autowired JdbcClient jdbc;

    @Test
    void teachersAndPoolsHaveSecretRevocableFeedsThatCalendarProgramsRead() throws Exception {
        var lending = new LendingFixtures(calendar, assets, pools);
        var school = fixtures.school();
        var year = lending.year();
        lending.lessonPeriods(school);
        var pool = lending.pool(school, "Kar; A, \"B\"", 4);
        var teacher = fixtures.user(school, Role.STAFF);
        var building = rooms.createBuilding(school.id(), new BuildingForm("Blok " + Fixtures.unique(), null, null), Fixtures.ADMIN);
        long room = rooms.createRoom(school.id(), new RoomForm(building.id(), "B12", RoomType.CLASSROOM, null, null, null), Fixtures.ADMIN).id();
        var teacherCaller = new Caller(teacher.id(), teacher.email(), "Test Teacher", false, Map.of(school.id(), Set.of(Role.STAFF)));
        var day = LendingFixtures.monday(year);
        // reservations in a far school year: move them into the feed's window as time would
        var mine = reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(1, 2), 2, null, room,
            "Scratch, les 3\nmet koptelefoons", null, null), teacherCaller);
        var other = reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(3), 1, null, null, null, null, null),
            Fixtures.ADMIN);
        var start = ZonedDateTime.now().plusDays(3).withHour(8).withMinute(25).withSecond(0).withNano(0);
        for (var r : List.of(mine, other)) {
            jdbc.sql("update reservation set on_day = :d, starts_at = :s, ends_at = :e where id = :id").param("d", start.toLocalDate())
                .param("s", java.sql.Timestamp.from(start.toInstant())).param("e", java.sql.Timestamp.from(start.plusMinutes(100).toInstant()))
                .param("id", r.id()).update();
        }

        String base = "/api/v1/schools/" + school.code() + "/calendar-feeds";
        var made = mvc.perform(post(base).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(made, "$.url");
        int id = JsonPath.read(made, "$.id");
        var poolFeed = mvc.perform(post(base).with(httpBasic(teacher.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"pool\":" + pool.id() + "}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String poolUrl = JsonPath.read(poolFeed, "$.url");

        // no sign-in needed: the token is the key; calendar programs parse it
        var response = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar");
        Calendar ics = new CalendarBuilder().build(new StringReader(response.getContentAsString()));
        List<VEvent> events = ics.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        var event = events.get(0);
        assertThat(event.getSummary().get().getValue()).isEqualTo("Kar; A, \"B\": 2");
        assertThat(event.getLocation().get().getValue()).isEqualTo(building.name() + " B12");
        assertThat(event.getDescription().get().getValue()).isEqualTo("Scratch, les 3\nmet koptelefoons");
        assertThat(event.getUid().get().getValue()).isEqualTo("reservation-" + mine.id() + "@spil");
        assertThat(event.getDateTimeStart().get().getDate().toString()).isNotBlank();
        assertThat(java.time.Instant.from(event.getDateTimeStart().get().getDate())).isEqualTo(start.toInstant());

        Calendar poolIcs = new CalendarBuilder().build(new StringReader(mvc.perform(get(poolUrl)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString()));
        assertThat(poolIcs.<VEvent>getComponents(Component.VEVENT)).hasSize(2);

        // revoked: gone; other schools and unknown tokens: 404
        String outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        mvc.perform(post(base + "/" + id + "/revoke").with(httpBasic(outsider, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + id + "/revoke")).andExpect(status().isUnauthorized());
        mvc.perform(get(base).with(httpBasic(teacher.email(), Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.length()").value(2));
        mvc.perform(post(base + "/" + id + "/revoke").with(httpBasic(teacher.email(), Fixtures.PASSWORD))).andExpect(status().isNoContent());
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get("/feeds/not-a-token.ics")).andExpect(status().isNotFound());
        mvc.perform(get(poolUrl)).andExpect(status().isOk());
    }
}
