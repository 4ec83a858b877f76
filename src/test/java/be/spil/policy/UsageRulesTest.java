package be.spil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpilIntegrationTest
class UsageRulesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    SchoolView school;
    PersonView coordinator;
    PersonView director;
    PersonView teacher;
    String staffRules;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        director = fixtures.user(school, Role.DIRECTOR);
        teacher = fixtures.user(school, Role.STAFF);
        staffRules = "/api/v1/schools/" + school.code() + "/usage-rules/STAFF";
    }

    private ResultActions as(PersonView who, MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(who.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void anApprovedVersionIsAcceptedByStaffAndANewVersionAsksAgain() throws Exception {
        as(coordinator, put(staffRules + "/draft"), "{\"body\":\"1. Wachtwoorden deel je niet.\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.number").isEmpty()).andExpect(jsonPath("$.version").value(0));
        as(coordinator, post(staffRules + "/approvals"), "{\"version\":0}").andExpect(status().isForbidden());
        as(director, post(staffRules + "/approvals"), "{\"version\":3}").andExpect(status().isConflict());
        as(director, post(staffRules + "/approvals"), "{\"version\":0}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.number").value(1));
        as(teacher, get(staffRules), "").andExpect(jsonPath("$.mustAccept").value(true))
            .andExpect(jsonPath("$.current.body").value("1. Wachtwoorden deel je niet.")).andExpect(jsonPath("$.draft").isEmpty());
        as(teacher, post(staffRules + "/acceptances"), "").andExpect(status().isNoContent());
        as(teacher, post(staffRules + "/acceptances"), "").andExpect(status().isNoContent());
        as(teacher, get(staffRules), "").andExpect(jsonPath("$.mustAccept").value(false));
        // a new version: everybody accepts again; version 1 is kept as it was
        as(coordinator, put(staffRules + "/draft"), "{\"body\":\"1. Wachtwoorden deel je niet.\\n2. Vergrendel je scherm.\"}")
            .andExpect(status().isOk());
        as(director, post(staffRules + "/approvals"), "{\"version\":0}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.number").value(2));
        as(teacher, get(staffRules), "").andExpect(jsonPath("$.mustAccept").value(true))
            .andExpect(jsonPath("$.approved.length()").value(2))
            .andExpect(jsonPath("$.approved[1].body").value("1. Wachtwoorden deel je niet."));
        // the home page asks the teacher to accept
        var session = TenancyCheck.signIn(mvc, teacher.email());
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString())
            .contains("Er is een nieuwe versie van de gebruiksregels");
        mvc.perform(post("/schools/" + school.code() + "/policy/rules/accept").session(session).with(csrf()))
            .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/schools/" + school.code() + "/policy/rules").session(session)).andReturn().getResponse()
            .getContentAsString()).contains("Je hebt deze versie aanvaard.").contains("Vergrendel je scherm.");
    }

    @Test
    void badDraftsAreRefusedAndPaperFormsAreRecordedPerClass() throws Exception {
        as(coordinator, put(staffRules + "/draft"), "{\"body\":\" \"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        as(coordinator, put(staffRules + "/draft"), "{\"body\":\"" + "x".repeat(20001) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        as(coordinator, put("/api/v1/schools/" + school.code() + "/usage-rules/PARENTS/draft"), "{\"body\":\"x\"}")
            .andExpect(status().isBadRequest());
        as(teacher, put(staffRules + "/draft"), "{\"body\":\"x\"}").andExpect(status().isForbidden());
        as(director, post(staffRules + "/approvals"), "{\"version\":0}").andExpect(status().isBadRequest());
        as(teacher, post(staffRules + "/acceptances"), "").andExpect(status().isBadRequest());
        // pupils' rules: forms per class
        long group = fixtures.group(school, "3B", 3);
        String pupilRules = "/api/v1/schools/" + school.code() + "/usage-rules/PUPILS";
        as(coordinator, put(pupilRules + "/draft"), "{\"body\":\"Zorg goed voor de laptop.\"}").andExpect(status().isOk());
        as(director, post(pupilRules + "/approvals"), "{\"version\":0}").andExpect(status().isCreated());
        as(coordinator, put(pupilRules + "/classes/" + group), "{\"receivedOn\":\"2999-01-01\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        as(coordinator, put(pupilRules + "/classes/" + group), "{\"receivedOn\":\"2020-09-10\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.group=='3B')].receivedOn").value("2020-09-10"));
        var other = fixtures.school();
        long otherGroup = fixtures.group(other, "1A", 1);
        as(coordinator, put(pupilRules + "/classes/" + otherGroup), "{\"receivedOn\":\"2020-09-10\"}").andExpect(status().isNotFound());
        as(coordinator, post(pupilRules + "/acceptances"), "").andExpect(status().isBadRequest());
    }

    @Test
    void anotherSchoolNeverSeesOrChangesTheRules() throws Exception {
        as(coordinator, put(staffRules + "/draft"), "{\"body\":\"Regels\"}").andExpect(status().isOk());
        var other = fixtures.school();
        TenancyCheck.api(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(teacher.email())
            .manager(coordinator.email())
            .unchanged(staffRules)
            .read(staffRules)
            .admin(HttpMethod.PUT, staffRules + "/draft", "{\"body\":\"Andere regels\",\"version\":0}")
            .verify();
        TenancyCheck.ui(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(teacher.email())
            .manager(coordinator.email())
            .read("/schools/" + school.code() + "/policy/rules").read("/schools/" + school.code() + "/policy/rules?audience=PUPILS")
            .verify();
    }
}
