package be.spil.learning;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class TrainingsApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;

    SchoolView school;
    PersonView coordinator;
    SchoolYearView year;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        year = LearningFixtures.freshYear(calendar);
        base = "/api/v1/schools/" + school.code() + "/trainings";
    }

    private String body(String title, String start, String hours, String competences) {
        return "{\"title\":\"" + title + "\",\"provider\":\"Pedagogische begeleiding\",\"startDate\":\"" + start
            + "\",\"hours\":" + hours + ",\"cost\":\"120.50\",\"competences\":" + competences + ",\"materials\":\"https://example.org/slides\"}";
    }

    private ResultActions create(PersonView who, String json) throws Exception {
        return mvc.perform(post(base).with(httpBasic(who.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String day(int plus) {
        return year.startDate().plusDays(plus).toString();
    }

    @Test
    void recordsTrainingsWithParticipantsAndCountsHoursPerTeacher() throws Exception {
        var t1 = fixtures.user(school, Role.STAFF);
        var t2 = fixtures.user(school, Role.STAFF);
        String json = create(coordinator, body("Werken met een digitaal leerplatform", day(40), "3", "[\"2.1\",\"3.1\"]"))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.year").value(year.name()))
            .andExpect(jsonPath("$.competences[1]").value("3.1")).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(json, "$.id");
        int version = JsonPath.read(json, "$.version");
        mvc.perform(put(base + "/" + id + "/participants").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + ",\"participants\":[{\"person\":" + t1.id()
                    + ",\"status\":\"ATTENDED\"},{\"person\":" + t2.id() + ",\"status\":\"PLANNED\"}]}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.participants.length()").value(2));
        mvc.perform(get(base + "/hours?year=" + year.name()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.person==" + t1.id() + ")].attended").value(hasItem(3)))
            .andExpect(jsonPath("$[?(@.person==" + t2.id() + ")].planned").value(hasItem(3)));
        // a teacher sees the training and only their own registration
        mvc.perform(get(base + "?year=" + year.name()).with(httpBasic(t2.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[0].participants.length()").value(1))
            .andExpect(jsonPath("$.items[0].participants[0].status").value("PLANNED"));
        mvc.perform(get(base + "/hours?year=" + year.name()).with(httpBasic(t2.email(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
        // patch with the version read; a stale version answers 409
        mvc.perform(patch(base + "/" + id).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"hours\":4,\"version\":" + (version + 1) + "}")).andExpect(status().isOk()).andExpect(jsonPath("$.hours").value(4));
        mvc.perform(patch(base + "/" + id).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"hours\":5,\"version\":0}")).andExpect(status().isConflict());
        mvc.perform(patch(base + "/" + id).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"archived\":true,\"version\":" + (version + 2) + "}")).andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        mvc.perform(get(base + "?year=" + year.name()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get(base + "/" + id + "/history").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.length()").value(4));
    }

    @Test
    void refusesBadInputNamingTheFieldAndWritesNothing() throws Exception {
        create(coordinator, body("", day(10), "3", "[]")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("title"));
        create(coordinator, body("x".repeat(201), day(10), "3", "[]")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("title"));
        create(coordinator, body("Kort", day(10), "0", "[]")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("hours"));
        create(coordinator, body("Kort", day(10), "\"drie\"", "[]")).andExpect(status().isBadRequest());
        create(coordinator, body("Kort", "1890-01-01", "3", "[]")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("startDate"));
        create(coordinator, body("Kort", "niet-een-datum", "3", "[]")).andExpect(status().isBadRequest());
        create(coordinator, body("Kort", day(10), "3", "[\"9.9\"]")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("competences"));
        create(coordinator, "{\"title\":\"<script>alert(1)</script>\",\"startDate\":\"" + day(10) + "\",\"endDate\":\"" + day(5)
            + "\",\"hours\":2,\"materials\":\"javascript:alert(1)\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[?(@.field=='endDate')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field=='materials')]").exists());
        create(coordinator, "{\"title\":").andExpect(status().isBadRequest());
        String json = create(coordinator, body("Goed", day(10), "2", "[]")).andExpect(status().isCreated()).andReturn().getResponse()
            .getContentAsString();
        int id = JsonPath.read(json, "$.id");
        var pupil = fixtures.pupil(school, "Lien", "Peeters", null);
        var outsider = fixtures.user(fixtures.school(), Role.STAFF);
        mvc.perform(put(base + "/" + id + "/participants").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"participants\":[{\"person\":" + pupil.id()
                    + ",\"status\":\"PLANNED\"},{\"person\":" + outsider.id() + ",\"status\":\"PLANNED\"}]}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        mvc.perform(put(base + "/" + id + "/participants").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":0,\"participants\":[{\"person\":1,\"status\":\"MAYBE\"}]}"))
            .andExpect(status().isBadRequest());
        mvc.perform(get(base + "?year=" + year.name()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].participants").isEmpty());
    }

    @Test
    void theFormShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String page = "/schools/" + school.code() + "/learning/trainings";
        java.util.function.Function<String, String> send = form -> {
            try {
                return mvc.perform(post(page).session(session).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(form))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        org.assertj.core.api.Assertions.assertThat(send.apply("title=&startDate=" + day(10) + "&hours=2"
                + "&provider=%3Cscript%3Ealert(1)%3C/script%3E"))
            .contains("id=\"title-error\"", "aria-describedby=\"title-error\"", "&lt;script&gt;alert(1)&lt;/script&gt;")
            .doesNotContain("<script>alert(1)</script>");
        org.assertj.core.api.Assertions.assertThat(send.apply("title=Kort&startDate=" + day(10) + "&hours=abc"))
            .contains("id=\"hours-error\"", "value=\"Kort\"");
        org.assertj.core.api.Assertions.assertThat(send.apply("title=Kort&startDate=" + day(10) + "&endDate=" + day(2)
                + "&hours=2&materials=javascript:alert(1)"))
            .contains("id=\"endDate-error\"", "id=\"materials-error\"");
        mvc.perform(get(base + "?year=" + year.name()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void trainingPlanSetsWeakCompetencesOfFiveOrMoreAgainstTrainings() throws Exception {
        String self = "/api/v1/schools/" + school.code() + "/learning/self-assessment?year=" + year.name();
        for (int i = 0; i < 5; i++) {
            var t = fixtures.user(school, Role.STAFF);
            mvc.perform(put(self).with(httpBasic(t.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{\"2.1\":{\"level\":\"A1\"},\"3.1\":{\"level\":\"C1\"},\"5.1\":{\"level\":\"A2\"}}}")).andExpect(status().isOk());
        }
        create(coordinator, body("Digitale bronnen kiezen", day(60), "2", "[\"2.1\"]")).andExpect(status().isCreated());
        mvc.perform(get(base + "/plan?year=" + year.name()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.shown").value(true))
            .andExpect(jsonPath("$.rows[?(@.code=='2.1')].weak").value(hasItem(true)))
            .andExpect(jsonPath("$.rows[?(@.code=='2.1')].trainings").value(hasItem(1)))
            .andExpect(jsonPath("$.rows[?(@.code=='3.1')].weak").value(hasItem(false)))
            .andExpect(jsonPath("$.gaps.length()").value(1)).andExpect(jsonPath("$.gaps[0].code").value("5.1"));
    }

    @Test
    void trainingsKeepToTheirSchool() throws Exception {
        String json = create(coordinator, body("Eigen", day(20), "1.5", "[]")).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(json, "$.id");
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged(base + "/" + id)
            .read(base + "?year=" + year.name()).read(base + "/" + id).read(base + "/" + id + "/history")
            .admin(HttpMethod.GET, base + "/hours?year=" + year.name(), null)
            .admin(HttpMethod.GET, base + "/plan?year=" + year.name(), null)
            .admin(HttpMethod.POST, base, body("Nieuw", day(30), "1", "[]"))
            .admin(HttpMethod.PATCH, base + "/" + id, "{\"title\":\"Anders\",\"version\":0}")
            .admin(HttpMethod.PUT, base + "/" + id + "/participants", "{\"version\":1,\"participants\":[]}")
            .verify();
        String page = "/schools/" + school.code() + "/learning/trainings";
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .read(page + "?year=" + year.name()).read(page + "/" + id)
            .admin(HttpMethod.GET, "/schools/" + school.code() + "/learning/training-plan?year=" + year.name(), null)
            .admin(HttpMethod.POST, page, "title=Via+het+scherm&startDate=" + day(31) + "&hours=2")
            .admin(HttpMethod.POST, page + "/" + id + "/participants", "version=2")
            .verify();
    }
}
