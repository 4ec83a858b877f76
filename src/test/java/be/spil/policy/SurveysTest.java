package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpilIntegrationTest
class SurveysTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Surveys surveys;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    PersonView coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        base = "/api/v1/schools/" + school.code() + "/surveys";
    }

    private ResultActions as(String email, MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(email, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private Surveys.Survey openTemplateSurvey() throws Exception {
        var survey = surveys.create(school.id(), "ICT-noden 2026", UsageRules.Audience.STAFF, true, java.util.Locale.forLanguageTag("nl"),
            Fixtures.ADMIN);
        return surveys.setStatus(school.id(), survey.id(), Surveys.Status.OPEN, survey.version(), Fixtures.ADMIN);
    }

    private String answers(Surveys.Survey survey, int score, String choice, String wish) {
        var json = new StringBuilder("{");
        for (var q : survey.questions()) {
            String value = switch (q.kind()) {
                case LIKERT -> String.valueOf(score);
                case CHOICE -> choice;
                case OPEN -> wish;
            };
            json.append(json.length() > 1 ? "," : "").append('"').append(q.id()).append("\":\"").append(value).append('"');
        }
        return json.append('}').toString();
    }

    @Test
    void staffAnswerOnceAnonymouslyAndResultsAppearFromFiveResponses() throws Exception {
        var survey = openTemplateSurvey();
        assertThat(survey.questions()).hasSize(16);
        assertThat(survey.questions().get(14).choices()).contains("Laptop", "Digitaal bord");
        for (int i = 1; i <= 4; i++) {
            as(fixtures.user(school, Role.STAFF).email(), post(base + "/" + survey.id() + "/responses"),
                answers(survey, i, "Laptop", "Meer tijd " + i)).andExpect(status().isCreated());
        }
        as(coordinator.email(), get(base + "/" + survey.id() + "/results"), "").andExpect(status().isOk())
            .andExpect(jsonPath("$.responses").value(4)).andExpect(jsonPath("$.shown").value(false))
            .andExpect(jsonPath("$.results").isEmpty());
        var fifth = fixtures.user(school, Role.STAFF).email();
        as(fifth, post(base + "/" + survey.id() + "/responses"), answers(survey, 5, "Tablet", "")).andExpect(status().isCreated());
        as(fifth, post(base + "/" + survey.id() + "/responses"), answers(survey, 5, "Tablet", "")).andExpect(status().isConflict());
        as(coordinator.email(), get(base + "/" + survey.id() + "/results"), "")
            .andExpect(jsonPath("$.shown").value(true))
            .andExpect(jsonPath("$.results[0].average").value(3.0))
            .andExpect(jsonPath("$.results[0].counts['5']").value(1))
            .andExpect(jsonPath("$.results[14].counts.Laptop").value(4))
            .andExpect(jsonPath("$.results[15].answers.length()").value(4))
            .andExpect(jsonPath("$.results[15].answers[0]").value("Meer tijd 1"));
        // no link from an answer to a person is stored: responses hold only the survey and the day
        assertThat(jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'policy_survey_response'")
            .query(String.class).list()).containsExactlyInAnyOrder("id", "survey_id", "submitted_on");
    }

    @Test
    void badAnswersAndBadSurveysAreRefused() throws Exception {
        var survey = openTemplateSurvey();
        var teacher = fixtures.user(school, Role.STAFF).email();
        long first = survey.questions().get(0).id();
        as(teacher, post(base + "/" + survey.id() + "/responses"), answers(survey, 6, "Laptop", "")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("q" + first));
        as(teacher, post(base + "/" + survey.id() + "/responses"), answers(survey, 3, "Typemachine", "")).andExpect(status().isBadRequest());
        as(teacher, post(base + "/" + survey.id() + "/responses"), "{\"" + first + "\":\"3\"}").andExpect(status().isBadRequest());
        as(teacher, post(base + "/" + survey.id() + "/responses"), "{\"abc\":\"3\"}").andExpect(status().isBadRequest());
        assertThat(surveys.get(school.id(), survey.id(), Fixtures.ADMIN).responses()).isZero();
        as(coordinator.email(), post(base), "{\"title\":\"\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("title"));
        var created = as(coordinator.email(), post(base), "{\"title\":\"Leerlingen <script>\",\"audience\":\"PUPILS\"}")
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long draft = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        as(coordinator.email(), post(base + "/" + draft + "/status"), "{\"status\":\"OPEN\",\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("status"));
        as(coordinator.email(), post(base + "/" + draft + "/questions"), "{\"kind\":\"CHOICE\",\"question\":\"Welk?\",\"choices\":\"Enkel\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("choices"));
        as(coordinator.email(), post(base + "/" + draft + "/questions"), "{\"kind\":\"OPEN\",\"question\":\"Wat mis je?\"}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.questions.length()").value(1));
        // a draft is not visible to staff, and cannot be answered
        as(teacher, get(base + "/" + draft), "").andExpect(status().isNotFound());
        as(teacher, get(base), "").andExpect(jsonPath("$[?(@.id==" + draft + ")]").isEmpty());
    }

    @Test
    void thePagesTakeAnswersAndShowNothingBelowFive() throws Exception {
        var survey = openTemplateSurvey();
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        String page = "/schools/" + school.code() + "/policy/surveys/" + survey.id();
        String html = mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("answerForm").contains("Resultaten verschijnen vanaf 5 antwoorden (nu 0)");
        var form = post(page + "/answers").session(session).with(csrf());
        for (var q : survey.questions()) {
            form.param("q" + q.id(), q.kind() == Surveys.Kind.LIKERT ? "4" : q.kind() == Surveys.Kind.CHOICE ? "Tablet" : "Meer laptops");
        }
        mvc.perform(form).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString())
            .contains("Je hebt deze bevraging al beantwoord.").doesNotContain("answerForm");
    }

    @Test
    void anotherSchoolNeverSeesTheSurveys() throws Exception {
        var survey = openTemplateSurvey();
        var other = fixtures.school();
        TenancyCheck.api(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(fixtures.user(school, Role.STAFF).email())
            .manager(coordinator.email())
            .unchanged(base + "/" + survey.id())
            .read(base).read(base + "/" + survey.id()).read(base + "/" + survey.id() + "/results")
            .admin(HttpMethod.POST, base, "{\"title\":\"Nieuw\"}")
            .verify();
        TenancyCheck.ui(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(fixtures.user(school, Role.STAFF).email())
            .manager(coordinator.email())
            .read("/schools/" + school.code() + "/policy/surveys").read("/schools/" + school.code() + "/policy/surveys/" + survey.id())
            .verify();
    }
}
