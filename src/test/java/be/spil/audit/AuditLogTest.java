package be.spil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class AuditLogTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    @Test
    void centralAdminsFilterTheGlobalLog() throws Exception {
        var school = fixtures.school();
        fixtures.group(school, "2B", 2);
        mvc.perform(get("/api/v1/audit").param("type", "group").param("size", "5").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[*].entityType", everyItem(is("group"))))
            .andExpect(jsonPath("$.items[0].summary").value("2B"))
            .andExpect(jsonPath("$.size").value(5));
        mvc.perform(get("/api/v1/audit").param("from", "not-a-date").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        var session = TenancyCheck.signIn(mvc, "admin@test.spil.be");
        String html = mvc.perform(get("/audit").param("type", "group").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("2B").contains("Klas");
    }

    @Test
    void othersMayNotReadTheGlobalLog() throws Exception {
        var school = fixtures.school();
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        mvc.perform(get("/api/v1/audit").with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").session(TenancyCheck.signIn(mvc, coordinator))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit")).andExpect(status().isUnauthorized());
    }
}
