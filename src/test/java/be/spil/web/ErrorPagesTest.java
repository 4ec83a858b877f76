package be.spil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class ErrorPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    @Test
    void errorPagesSpeakTheUsersLanguage() throws Exception {
        var school = fixtures.school();
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        String notFound = mvc.perform(get("/schools/no-such-school").session(session).accept(MediaType.TEXT_HTML))
            .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(notFound).contains("Niet gevonden").contains("lang=\"nl\"");
        String english = mvc.perform(get("/schools/no-such-school").param("lang", "en").session(session).accept(MediaType.TEXT_HTML))
            .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Not found");
        String forbidden = mvc.perform(get("/schools/new").session(session).accept(MediaType.TEXT_HTML))
            .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(forbidden).contains("Geen toegang");
        String badId = mvc.perform(get("/schools/" + school.code() + "/people/abc").session(session).accept(MediaType.TEXT_HTML))
            .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badId).contains("Ongeldige aanvraag");
    }
}
