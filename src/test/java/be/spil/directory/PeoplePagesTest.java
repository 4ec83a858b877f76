package be.spil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class PeoplePagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    SchoolView school;
    MockHttpSession session;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.ICT_COORDINATOR).email());
        fixtures.group(school, "4A", 4);
        fixtures.pupil(school, "Lena", "Wouters", "4A");
        fixtures.pupil(school, "Arne", "Maes", null);
    }

    @Test
    void theListIsAFullPageAndItsResultsAFragmentForHtmx() throws Exception {
        String page = mvc.perform(get("/schools/" + school.code() + "/people").param("q", "wout").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").contains("Wouters, Lena").doesNotContain("Maes, Arne").contains("id=\"results\"");
        String fragment = mvc.perform(get("/schools/" + school.code() + "/people").param("q", "4a").header("HX-Request", "true").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"results\"").contains("Wouters, Lena").doesNotContain("Maes, Arne");
    }

    @Test
    void theListSpeaksEnglishWhenAsked() throws Exception {
        String page = mvc.perform(get("/schools/" + school.code() + "/people").param("lang", "en").session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("lang=\"en\"").contains("Search by name, email or class");
        Cookie remembered = mvc.perform(get("/").param("lang", "en").session(session)).andReturn().getResponse().getCookie("spil-lang");
        assertThat(remembered).isNotNull();
        String next = mvc.perform(get("/schools/" + school.code() + "/people").cookie(remembered).session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(next).contains("lang=\"en\"");
    }

    @Test
    void formErrorsStandNextToTheirFieldAndNothingIsSaved() throws Exception {
        String page = mvc.perform(post("/schools/" + school.code() + "/people").session(session).with(csrf())
                .param("firstName", "").param("lastName", "Peeters").param("kind", "PUPIL").param("roles", "STAFF"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"firstName-error\"").contains("aria-invalid=\"true\"");
        page = mvc.perform(post("/schools/" + school.code() + "/people").session(session).with(csrf())
                .param("firstName", "Jan").param("lastName", "Peeters").param("kind", "PUPIL").param("roles", "STAFF"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Een leerling heeft geen rollen.");
        String list = mvc.perform(get("/schools/" + school.code() + "/people").param("q", "peeters").session(session))
            .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Niets gevonden");
    }

    @Test
    void aConflictingEditShowsWhoChangedItAndTheNewerValues() throws Exception {
        var person = fixtures.pupil(school, "Mila", "Jacobs", "4A");
        var otherSession = TenancyCheck.signIn(mvc, fixtures.user(school, Role.DIRECTOR).email());
        String path = "/schools/" + school.code() + "/people/" + person.id();
        mvc.perform(post(path).session(otherSession).with(csrf()).param("firstName", "Mila").param("lastName", "Jacobs-Smet")
                .param("kind", "PUPIL").param("group", "4A").param("version", String.valueOf(person.version())))
            .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post(path).session(session).with(csrf()).param("firstName", "Milla").param("lastName", "Jacobs")
                .param("kind", "PUPIL").param("group", "4A").param("version", String.valueOf(person.version())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"conflict\"").contains("Iemand anders heeft dit intussen gewijzigd").contains("Jacobs-Smet")
            .contains("value=\"Milla\"");
        String shown = mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("Jacobs-Smet").contains("Geschiedenis");
    }
}
