package be.spil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
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
class OrganisationsTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    SchoolView school;
    String coordinator;
    String name;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        name = "IT-Partner " + Fixtures.unique();
    }

    private ResultActions create(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/organisations").with(httpBasic(user, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void coordinatorsKeepOrganisationsWithContacts() throws Exception {
        String body = create(coordinator, "{\"name\":\"" + name + "\",\"kind\":\"FIRM\",\"enterpriseNumber\":\"0123.456.789\","
                + "\"website\":\"https://itpartner.example\",\"contacts\":[{\"name\":\"Bram Goossens\",\"function\":\"technicus\","
                + "\"email\":\"bram@itpartner.example\",\"phone\":\"+32 9 123 45 67\"}]}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.contacts[0].name").value("Bram Goossens"))
            .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        var staff = fixtures.user(school, Role.STAFF).email();
        mvc.perform(get("/api/v1/organisations").param("q", "goossens").with(httpBasic(staff, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].contacts").value(1));
        create(staff, "{\"name\":\"X " + Fixtures.unique() + "\",\"kind\":\"FIRM\"}").andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/organisations/" + id).with(httpBasic(staff, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"1\",\"version\":0}")).andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/organisations/" + id).with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"contacts\":[],\"version\":0}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.contacts").isEmpty());
        mvc.perform(get("/api/v1/organisations/" + id + "/history").with(httpBasic(staff, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$[0].changes[0].field").value("contacts"));
        mvc.perform(get("/api/v1/organisations/999999999").with(httpBasic(staff, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesBadOrganisations() throws Exception {
        create(coordinator, "{\"name\":\"" + name + "\",\"kind\":\"SUPPLIER\"}").andExpect(status().isCreated());
        create(coordinator, "{\"name\":\"" + name.toUpperCase() + "\",\"kind\":\"SUPPLIER\"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        create(coordinator, "{\"name\":\"A" + name + "\",\"kind\":\"BANK\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("kind"));
        create(coordinator, "{\"name\":\"B" + name + "\",\"kind\":\"FIRM\",\"website\":\"javascript:alert(1)\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("website"));
        create(coordinator, "{\"name\":\"C" + name + "\",\"kind\":\"FIRM\",\"contacts\":[{\"name\":\"\",\"email\":\"x@y.be\"}]}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contacts[0].name"));
        create(coordinator, "{\"name\":\"D" + name + "\",\"kind\":\"FIRM\",\"enterpriseNumber\":\"abc\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseNumber"));
        mvc.perform(get("/api/v1/organisations").param("q", name.substring(11)).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void theFormKeepsContactsAndShowsErrorsByTheirField() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        var created = mvc.perform(post("/organisations").session(session).with(csrf()).param("name", name).param("kind", "SUPPLIER")
                .param("contacts[0].name", "Eva Mertens").param("contacts[0].email", "eva@lev.example")
                .param("contacts[1].name", "").param("contacts[1].email", ""))
            .andExpect(status().is3xxRedirection()).andReturn();
        String page = mvc.perform(get(created.getResponse().getRedirectedUrl()).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Eva Mertens\"").contains("Aangemaakt");
        String bad = mvc.perform(post("/organisations").session(session).with(csrf()).param("name", "Z" + name).param("kind", "SUPPLIER")
                .param("contacts[0].name", "Jo").param("contacts[0].email", "not-mail"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("is-invalid").contains("value=\"not-mail\"");
        var teacher = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        mvc.perform(get("/organisations/new").session(teacher)).andExpect(status().isForbidden());
        mvc.perform(get("/organisations").session(teacher)).andExpect(status().isOk());
    }
}
