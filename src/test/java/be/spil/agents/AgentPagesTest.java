package be.spil.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class AgentPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aManagerMakesAKeyThatIsShownOnceWithTheAgentsCommandLines() throws Exception {
        var school = fixtures.school();
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.DIRECTOR).email());
        String page = "/schools/" + school.code() + "/agent-keys";
        var made = mvc.perform(post(page).param("name", "Lokaal 12").session(session).with(csrf())).andReturn();
        assertThat(made.getResponse().getRedirectedUrl()).isEqualTo(page);
        String key = (String) made.getFlashMap().get("newKey");
        assertThat(key).startsWith(AgentKeys.PREFIX);
        String shown = mvc.perform(get(page).session(session)).andReturn().getResponse()
            .getContentAsString();
        assertThat(shown).contains(key).contains("Lokaal 12").contains("--user " + school.code())
            .contains(Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
        String later = mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(later).doesNotContain(key).contains(key.substring(0, 16));

        mvc.perform(post(page).param("name", " ").session(session).with(csrf())).andReturn();
        String withError = mvc.perform(get(page).session(session)).andReturn().getResponse()
            .getContentAsString();
        assertThat(withError).contains("aria-describedby=\"keyName-error\"").contains("id=\"keyName-error\"");
    }

    @Test
    void theHomePageCountsReportingAgents(@Autowired AgentKeys keys) throws Exception {
        var school = fixtures.school();
        String key = AgentTestClient.key(keys, school);
        AgentTestClient.send(mvc, "/agent", school, key, AgentTestClient.zlib(AgentTestClient.inventory("pc-home", "H" + Fixtures.unique(),
            "pc-home", "", "aa:bb:cc:dd:ee:09", 1024)), "application/x-compress");
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        String home = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("1 toestellen melden zich via een agent.").contains("/schools/" + school.code() + "/agents");
    }
}
