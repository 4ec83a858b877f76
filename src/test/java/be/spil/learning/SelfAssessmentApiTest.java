package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class SelfAssessmentApiTest {
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
        base = "/api/v1/schools/" + school.code() + "/learning/self-assessment";
    }

    private ResultActions save(PersonView who, String answers) throws Exception {
        return mvc.perform(put(base + "?year=" + year.name()).with(httpBasic(who.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":" + answers + "}"));
    }

    private ResultActions read(PersonView who, String path) throws Exception {
        return mvc.perform(get(path + (path.contains("?") ? "&" : "?") + "year=" + year.name()).with(httpBasic(who.email(), Fixtures.PASSWORD)));
    }

    @Test
    void eachTeacherSeesOnlyTheirOwnAnswersAndTheTeamOnlyMeansOfFive() throws Exception {
        var teachers = new java.util.ArrayList<PersonView>();
        String[] levels = {"A1", "A2", "B1", "B2", "A2"};
        for (int i = 0; i < 4; i++) {
            var t = fixtures.user(school, Role.STAFF);
            teachers.add(t);
            save(t, "{\"1.1\":{\"level\":\"" + levels[i] + "\",\"goal\":\"C1\"},\"6.5\":{\"level\":\"A1\"}}").andExpect(status().isOk())
                .andExpect(jsonPath("$.answers['1.1'].level").value(levels[i]));
        }
        read(teachers.get(1), base).andExpect(jsonPath("$.answers['1.1'].level").value("A2"))
            .andExpect(jsonPath("$.answers.length()").value(2)).andExpect(jsonPath("$.levels[5]").value("C2"));
        // four people: nothing but the count
        read(coordinator, base + "/team").andExpect(status().isOk()).andExpect(jsonPath("$.respondents").value(4))
            .andExpect(jsonPath("$.shown").value(false))
            .andExpect(jsonPath("$.competences[0].mean").doesNotExist())
            .andExpect(jsonPath("$.competences[0].perLevel").isEmpty());
        var fifth = fixtures.user(school, Role.STAFF);
        save(fifth, "{\"1.1\":{\"level\":\"A2\"}}").andExpect(status().isOk());
        // five people: means of 1.1 (1+2+3+4+2)/5 = 2.4 and of area 1; 6.5 has only four answers and stays hidden
        read(coordinator, base + "/team").andExpect(jsonPath("$.shown").value(true)).andExpect(jsonPath("$.respondents").value(5))
            .andExpect(jsonPath("$.competences[?(@.code=='1.1')].mean").value(hasItem(2.4)))
            .andExpect(jsonPath("$.competences[?(@.code=='1.1')].suggestTraining").value(hasItem(true)))
            .andExpect(jsonPath("$.competences[?(@.code=='1.1')].perLevel.A2").value(hasItem(2)))
            .andExpect(jsonPath("$.competences[?(@.code=='6.5')].shown").value(hasItem(false)))
            .andExpect(jsonPath("$.competences[?(@.code=='6.5')].mean").value(hasItem((Object) null)))
            .andExpect(jsonPath("$.areas[?(@.code=='1')].mean").value(hasItem(2.4)))
            .andExpect(jsonPath("$.areaMeansByYear['" + year.name() + "']['1']").value(2.4));
        // the coordinator's own page shows their own (empty) answers, never another's
        read(coordinator, base).andExpect(jsonPath("$.answers").isEmpty());
        read(teachers.get(0), base + "/team").andExpect(status().isForbidden());
        var director = fixtures.user(school, Role.DIRECTOR);
        read(director, base + "/team").andExpect(status().isOk());
    }

    @Test
    void refusesUnknownCompetencesLevelsAndGoalsBelowTheLevelAndKeepsTheOldAnswers() throws Exception {
        var t = fixtures.user(school, Role.STAFF);
        save(t, "{\"2.1\":{\"level\":\"B1\"}}").andExpect(status().isOk());
        save(t, "{\"9.9\":{\"level\":\"B1\"}}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("answers[9.9]"));
        save(t, "{\"2.1\":{\"level\":\"Z9\"}}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("answers[2.1].level"));
        save(t, "{\"2.1\":{\"level\":\"B2\",\"goal\":\"A1\"}}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("answers[2.1].goal"));
        save(t, "{\"2.1\":{\"level\":\"<script>\"}}").andExpect(status().isBadRequest());
        save(t, "[1,2").andExpect(status().isBadRequest());
        mvc.perform(get(base + "?year=1900-1901").with(httpBasic(t.email(), Fixtures.PASSWORD))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("year"));
        read(t, base).andExpect(jsonPath("$.answers['2.1'].level").value("B1")).andExpect(jsonPath("$.answers.length()").value(1));
    }

    @Test
    void selfAssessmentKeepsToItsSchool() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .read(base + "?year=" + year.name())
            .admin(org.springframework.http.HttpMethod.GET, base + "/team?year=" + year.name(), null)
            .verify();
        mvc.perform(put(base + "?year=" + year.name()).with(httpBasic(outsider.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{\"1.1\":{\"level\":\"B1\"}}}")).andExpect(status().isNotFound());
        mvc.perform(put(base + "?year=" + year.name()).contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{}}"))
            .andExpect(status().isUnauthorized());
        assertThat(read(staff, base).andReturn().getResponse().getContentAsString()).contains("\"answers\":{}");
    }
}
