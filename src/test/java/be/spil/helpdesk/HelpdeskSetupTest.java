package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Setting the helpdesk up: a school's settings and SLA (pages and API), the group's category tree and default SLA. */
@SpilIntegrationTest
class HelpdeskSetupTest {
    static final String ADMIN = "admin@test.spil.be";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Tickets tickets;
    @Autowired HelpdeskAdmin admin;

    SchoolView school;
    String coordinator;
    String teacher;
    String outsider;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF).email();
        outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
    }

    ResultActions json(MockHttpServletRequestBuilder request, String body, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aSchoolSwitchesAutoAssignmentByApiWithVersionAndClearErrors() throws Exception {
        String path = "/api/v1/schools/" + school.code() + "/helpdesk-settings";
        mvc.perform(get(path).with(httpBasic(teacher, Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$.autoAssign").value(true)).andExpect(jsonPath("$.version").value(0));
        for (String bad : List.of("{\"autoAssign\":\"ja\",\"version\":0}", "{\"version\":0}", "{\"autoAssign\":false}", "[1]", "{")) {
            json(put(path), bad, coordinator).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        json(put(path), "{\"version\":0}", coordinator).andExpect(jsonPath("$.errors[0].field").value("autoAssign"));
        TenancyCheck.api(mvc).outsider(outsider).staff(teacher).manager(coordinator).unchanged(path)
            .read(path)
            .admin(HttpMethod.PUT, path, "{\"autoAssign\":false,\"version\":0}")
            .verify();
        mvc.perform(get(path).with(httpBasic(teacher, Fixtures.PASSWORD))).andExpect(jsonPath("$.autoAssign").value(false))
            .andExpect(jsonPath("$.version").value(1));
        json(put(path), "{\"autoAssign\":true,\"version\":0}", coordinator).andExpect(status().isConflict());
        json(put(path), "{\"autoAssign\":true,\"version\":1}", coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.autoAssign").value(true));
    }

    @Test
    void theSchoolSettingsPageSavesAndShowsErrorsNextToTheField() throws Exception {
        String page = "/schools/" + school.code() + "/helpdesk/settings";
        String sla = "/schools/" + school.code() + "/helpdesk/sla";
        TenancyCheck.ui(mvc).outsider(outsider).staff(teacher).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/tickets/sla")
            .admin(HttpMethod.GET, page, null)
            .admin(HttpMethod.POST, page, "autoAssign=true&version=0")
            .admin(HttpMethod.POST, sla, "own-LOW=true&response-LOW=100&resolve-LOW=2000")
            .verify();
        var session = TenancyCheck.signIn(mvc, coordinator);
        mvc.perform(get(page).session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("for=\"sla-response-CRITICAL\"")));
        var before = tickets.slaTargets(school.id(), Fixtures.ADMIN);
        mvc.perform(post(sla).session(session).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("own-HIGH=true&response-HIGH=veel&resolve-HIGH=600&own-LOW=true&response-LOW=900&resolve-LOW=100"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"sla-response-HIGH-error\"")))
            .andExpect(content().string(containsString("aria-describedby=\"sla-response-HIGH-error\"")))
            .andExpect(content().string(containsString("Geef een geheel aantal minuten.")));
        mvc.perform(post(sla).session(session).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("own-HIGH=true&response-HIGH=50&resolve-HIGH=600&own-LOW=true&response-LOW=900&resolve-LOW=100"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"sla-response-LOW-error\"")));
        assertThat(tickets.slaTargets(school.id(), Fixtures.ADMIN)).isEqualTo(before);
        mvc.perform(post(sla).session(session).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("own-HIGH=true&response-HIGH=50&resolve-HIGH=600&response-LOW=1&resolve-LOW=1"))
            .andExpect(status().is3xxRedirection());
        assertThat(tickets.slaTargets(school.id(), Fixtures.ADMIN)).filteredOn(SlaTarget::own).singleElement()
            .satisfies(t -> assertThat(t.responseMinutes()).isEqualTo(50));
    }

    @Test
    void centralAdminsMoveCategoriesInATwoLevelTree() throws Exception {
        var top = json(post("/api/v1/ticket-categories"), "{\"name\":\"Lokalen " + Fixtures.unique() + "\"}", ADMIN)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long topId = Long.parseLong(top.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        var child = json(post("/api/v1/ticket-categories"), "{\"name\":\"Sub " + Fixtures.unique() + "\"}", ADMIN)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long childId = Long.parseLong(child.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        String move = "/api/v1/ticket-categories/" + childId + "/move";
        json(post(move), "{\"parentId\":" + topId + ",\"position\":5,\"version\":0}", coordinator).andExpect(status().isForbidden());
        mvc.perform(post(move).contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isUnauthorized());
        json(post(move), "{\"parentId\":" + childId + ",\"version\":0}", ADMIN).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("parentId"));
        json(post(move), "{\"parentId\":999999999,\"version\":0}", ADMIN).andExpect(status().isBadRequest());
        json(post(move), "{\"position\":-1,\"version\":0}", ADMIN).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("position"));
        json(post(move), "{\"position\":\"eerst\",\"version\":0}", ADMIN).andExpect(status().isBadRequest());
        json(post(move), "{\"parentId\":" + topId + "}", ADMIN).andExpect(status().isBadRequest());
        json(post("/api/v1/ticket-categories/999999999/move"), "{\"version\":0}", ADMIN).andExpect(status().isNotFound());
        assertThat(tickets.category(childId).parentId()).isNull();
        json(post(move), "{\"parentId\":" + topId + ",\"position\":5,\"version\":0}", ADMIN).andExpect(status().isOk())
            .andExpect(jsonPath("$.parentId").value(topId)).andExpect(jsonPath("$.position").value(5));
        json(post(move), "{\"parentId\":null,\"version\":0}", ADMIN).andExpect(status().isConflict());
        // two levels only: nothing goes under a sub-category, and a category with sub-categories stays at the top
        var third = json(post("/api/v1/ticket-categories"), "{\"name\":\"Derde " + Fixtures.unique() + "\"}", ADMIN)
            .andReturn().getResponse().getContentAsString();
        long thirdId = Long.parseLong(third.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        json(post("/api/v1/ticket-categories/" + thirdId + "/move"), "{\"parentId\":" + childId + ",\"version\":0}", ADMIN)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parentId"));
        json(post("/api/v1/ticket-categories/" + topId + "/move"), "{\"parentId\":" + thirdId + ",\"version\":0}", ADMIN)
            .andExpect(status().isBadRequest());
    }

    @Test
    void theSetupPageIsForCentralAdminsAndShowsErrorsInPlace() throws Exception {
        mvc.perform(get(HelpdeskAdminController.SETUP).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        var coordinatorSession = TenancyCheck.signIn(mvc, coordinator);
        mvc.perform(get(HelpdeskAdminController.SETUP).session(coordinatorSession)).andExpect(status().isForbidden());
        mvc.perform(post("/helpdesk/categories").session(coordinatorSession).with(csrf()).param("name", "Niet toegelaten"))
            .andExpect(status().isForbidden());
        var session = TenancyCheck.signIn(mvc, ADMIN);
        int before = tickets.categories(true).size();
        mvc.perform(post("/helpdesk/categories").session(session).with(csrf()).param("name", " ")).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"add-name-error\"")));
        mvc.perform(post("/helpdesk/categories").session(session).with(csrf()).param("name", "x".repeat(101))).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"add-name-error\"")));
        mvc.perform(post("/helpdesk/categories").session(session).with(csrf()).param("name", "Ok").param("parentId", "abc"))
            .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"add-parentId-error\"")));
        assertThat(tickets.categories(true)).hasSize(before);
        String name = "<script>alert('cat')</script> " + Fixtures.unique();
        mvc.perform(post("/helpdesk/categories").session(session).with(csrf()).param("name", name)).andExpect(status().is3xxRedirection());
        var created = tickets.categories(true).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        mvc.perform(get(HelpdeskAdminController.SETUP).session(session)).andExpect(status().isOk())
            .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;cat&#39;)&lt;/script&gt;")))
            .andExpect(content().string(not(containsString("<script>alert('cat')"))));
        mvc.perform(post("/helpdesk/categories/" + created.id() + "/move").session(session).with(csrf()).param("position", "-4")
                .param("version", "0")).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"m" + created.id() + "-position-error\"")));
        mvc.perform(post("/helpdesk/categories/" + created.id()).session(session).with(csrf()).param("name", "")
                .param("version", "0")).andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"c" + created.id() + "-name-error\"")));
        mvc.perform(post("/helpdesk/categories/" + created.id()).session(session).with(csrf()).param("name", name)
                .param("archived", "true").param("version", "0")).andExpect(status().is3xxRedirection());
        assertThat(tickets.category(created.id()).archived()).isTrue();
        assertThat(tickets.categories(false)).noneMatch(c -> c.id() == created.id());
    }

    @Test
    void centralAdminsSetTheGroupsDefaultSla() throws Exception {
        var original = admin.groupTargets();
        String path = "/api/v1/ticket-sla";
        mvc.perform(get(path).with(httpBasic(teacher, Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$[0].priority").value("CRITICAL"));
        String all = "[{\"priority\":\"CRITICAL\",\"responseMinutes\":40,\"resolveMinutes\":200},"
            + "{\"priority\":\"HIGH\",\"responseMinutes\":100,\"resolveMinutes\":600},"
            + "{\"priority\":\"MEDIUM\",\"responseMinutes\":200,\"resolveMinutes\":1500},"
            + "{\"priority\":\"LOW\",\"responseMinutes\":600,\"resolveMinutes\":3000}]";
        json(put(path), all, coordinator).andExpect(status().isForbidden());
        for (String bad : List.of("[]", "[{\"priority\":\"CRITICAL\",\"responseMinutes\":40,\"resolveMinutes\":200}]",
                all.replace("40", "400"), all.replace("\"LOW\"", "\"CRITICAL\""), all.replace("3000", "100001"), "{}")) {
            json(put(path), bad, ADMIN).andExpect(status().isBadRequest());
        }
        assertThat(admin.groupTargets()).isEqualTo(original);
        try {
            json(put(path), all, ADMIN).andExpect(status().isOk()).andExpect(jsonPath("$[0].responseMinutes").value(40));
            var session = TenancyCheck.signIn(mvc, ADMIN);
            mvc.perform(post("/helpdesk/sla").session(session).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("response-CRITICAL=&resolve-CRITICAL=200&response-HIGH=100&resolve-HIGH=600&response-MEDIUM=200"
                        + "&resolve-MEDIUM=1500&response-LOW=600&resolve-LOW=3000"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"sla-response-CRITICAL-error\"")));
            assertThat(admin.groupTargets().get(0).responseMinutes()).isEqualTo(40);
        } finally {
            admin.replaceGroupTargets(original, Fixtures.ADMIN);
        }
    }
}
