package be.spil.helpdesk;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class TicketBulkAssignTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    ResultActions json(String path, String body, String user) throws Exception {
        return mvc.perform(post(path).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long report(String api, String user) throws Exception {
        String body = json(api, "{\"subject\":\"Probleem\"}", user).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    @Test
    void theTeamAssignsSeveralTicketsAtOnceAllOrNothing() throws Exception {
        SchoolView school = fixtures.school();
        String coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        PersonView technician = fixtures.user(school, Role.TECHNICIAN);
        PersonView teacher = fixtures.user(school, Role.STAFF);
        String api = "/api/v1/schools/" + school.code() + "/tickets";
        long a = report(api, teacher.email());
        long b = report(api, teacher.email());
        long c = report(api, teacher.email());
        String path = api + "/bulk-assign";
        json(path, "{\"numbers\":[" + a + "," + b + ",999],\"assigneeId\":" + technician.id() + "}", coordinator)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("There is no ticket #999 in this school."));
        json(path, "{\"numbers\":[" + a + "],\"assigneeId\":" + teacher.id() + "}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        json(path, "{\"numbers\":[],\"assigneeId\":" + technician.id() + "}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("numbers"));
        json(path, "{\"numbers\":[\"x\"]}", coordinator).andExpect(status().isBadRequest());
        json(path, "{\"numbers\":[" + a + "],\"assigneeId\":" + technician.id() + "}", teacher.email()).andExpect(status().isForbidden());
        mvc.perform(get(api + "?assignee=none").with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(jsonPath("$.total").value(3));
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        TenancyCheck.api(mvc).outsider(outsider).manager(coordinator).staff(teacher.email())
            .unchanged(api + "?assignee=none")
            .admin(HttpMethod.POST, path, "{\"numbers\":[" + a + "," + b + "],\"assigneeId\":" + technician.id() + "}")
            .verify();
        mvc.perform(get(api + "?assignee=" + technician.id()).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items[0].status").value("ASSIGNED"));
        // from the queue page
        var session = TenancyCheck.signIn(mvc, coordinator);
        String queue = mvc.perform(get("/schools/" + school.code() + "/tickets").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("id=\"bulkForm\"", "form=\"bulkForm\"", "aria-label=\"Selecteer melding #" + c + "\"");
        var flash = mvc.perform(post("/schools/" + school.code() + "/tickets/bulk-assign").session(session).with(csrf())
                .param("number", String.valueOf(c)).param("assigneeId", String.valueOf(technician.id())))
            .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(mvc.perform(get("/schools/" + school.code() + "/tickets").session(session).flashAttrs(flash)).andReturn()
            .getResponse().getContentAsString()).contains("1 melding toegewezen.");
        mvc.perform(get(api + "?assignee=none").with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(jsonPath("$.total").value(0));
        TenancyCheck.ui(mvc).outsider(outsider).manager(coordinator)
            .admin(HttpMethod.POST, "/schools/" + school.code() + "/tickets/bulk-assign", "number=" + a + "&assigneeId=0")
            .verify();
    }
}
