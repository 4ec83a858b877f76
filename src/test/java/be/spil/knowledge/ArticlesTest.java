package be.spil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class ArticlesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    SchoolView school;
    String coordinator;
    String teacher;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF).email();
        base = "/api/v1/schools/" + school.code() + "/articles";
    }

    ResultActions postJson(String json, String user) throws Exception {
        return mvc.perform(post(base).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    long id(ResultActions r) throws Exception {
        return Long.parseLong(r.andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void theTeamWritesAndEverybodyReadsWhatIsMeantForThem() throws Exception {
        long forTeachers = id(postJson("{\"title\":\"Wachtwoord Smartschool vergeten\",\"body\":\"Ga naar **Profiel**.\","
            + "\"format\":\"MARKDOWN\",\"audience\":\"TEACHERS\"}", coordinator).andExpect(status().isCreated())
            .andExpect(jsonPath("$.group").value(false)).andExpect(jsonPath("$.version").value(0)));
        long forTeam = id(postJson("{\"title\":\"Wachtwoord resetten in de console\",\"body\":\"Stap 1\",\"format\":\"TEXT\","
            + "\"audience\":\"ICT_TEAM\"}", coordinator).andExpect(status().isCreated()));
        getJson("?q=wachtwoord", coordinator).andExpect(jsonPath("$.total").value(2));
        getJson("?q=wachtwoord", teacher).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(forTeachers));
        getJson("/" + forTeam, teacher).andExpect(status().isNotFound());
        getJson("/" + forTeachers, teacher).andExpect(status().isOk());
        getJson("/suggestions?subject=wachtwoord%20kwijt", teacher).andExpect(jsonPath("$", hasSize(1)));
        getJson("/suggestions?subject=" + "wachtwoord".repeat(100), coordinator).andExpect(status().isOk());
        getJson("/suggestions?subject=wachtwoord%20console", coordinator).andExpect(jsonPath("$[0].id").value(forTeam));
        postJson("{\"title\":\"x\",\"body\":\"y\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}", teacher).andExpect(status().isForbidden());
        // group articles: central admins only; every school sees them
        postJson("{\"title\":\"Groep\",\"body\":\"y\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\",\"group\":true}", coordinator)
            .andExpect(status().isForbidden());
        String title = "Printen via de cloud " + Fixtures.unique();
        postJson("{\"title\":\"" + title + "\",\"body\":\"y\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\",\"group\":true}",
            "admin@test.spil.be").andExpect(status().isCreated()).andExpect(jsonPath("$.group").value(true));
        var other = fixtures.school();
        String elsewhere = fixtures.user(other, Role.STAFF).email();
        mvc.perform(get("/api/v1/schools/" + other.code() + "/articles").param("q", title).with(httpBasic(elsewhere, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/schools/" + other.code() + "/articles").param("q", "wachtwoord").with(httpBasic(elsewhere, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void changesNeedTheVersionAndArchivingHidesFromReaders() throws Exception {
        long id = id(postJson("{\"title\":\"Beamer\",\"body\":\"HDMI\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}", coordinator));
        mvc.perform(patch(base + "/" + id).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Beamer en digibord\",\"version\":0}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.body").value("HDMI"));
        mvc.perform(patch(base + "/" + id).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Oud\",\"version\":0}"))
            .andExpect(status().isConflict());
        mvc.perform(patch(base + "/" + id).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"archived\":true,\"version\":1}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        getJson("/" + id, teacher).andExpect(status().isNotFound());
        getJson("?q=beamer", coordinator).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badInputIsAClearErrorAndWritesNothing() throws Exception {
        postJson("{\"title\":\"\",\"body\":\"y\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("title"));
        postJson("{\"title\":\"" + "x".repeat(201) + "\",\"body\":\"y\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}", coordinator)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        postJson("{\"title\":\"t\",\"body\":\"\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        postJson("{\"title\":\"t\",\"body\":\"b\",\"format\":\"HTML\",\"audience\":\"TEACHERS\"}", coordinator).andExpect(status().isBadRequest());
        postJson("{\"title\":\"t\",\"body\":\"b\",\"format\":\"TEXT\"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("audience"));
        getJson("", coordinator).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theArticlePageRendersMarkdownWithoutRawHtml() throws Exception {
        long id = id(postJson("{\"title\":\"<script>alert(1)</script>\",\"body\":\"**vet** <script>alert(2)</script> <img src=x onerror=alert(3)>"
            + " [x](javascript:alert(4))\",\"format\":\"MARKDOWN\",\"audience\":\"TEACHERS\"}", coordinator).andExpect(status().isCreated()));
        var session = TenancyCheck.signIn(mvc, teacher);
        String page = mvc.perform(get("/schools/" + school.code() + "/knowledge/" + id).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<strong>vet</strong>", "&lt;script&gt;alert(2)&lt;/script&gt;", "&lt;img src=x")
            .doesNotContain("<script>alert", "<img src=x", "javascript:alert(4)");
        String list = mvc.perform(get("/schools/" + school.code() + "/knowledge").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("&lt;script&gt;alert(1)").doesNotContain("<script>alert(1)");
    }

    @Test
    void theTeamWritesAnArticleInTheForm() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        String form = mvc.perform(get("/schools/" + school.code() + "/knowledge/new").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"title\"", "name=\"body\"", "name=\"format\"", "name=\"audience\"").doesNotContain("id=\"group\"");
        String error = mvc.perform(post("/schools/" + school.code() + "/knowledge").session(session).with(csrf())
                .param("title", "").param("body", "x").param("format", "TEXT").param("audience", "TEACHERS"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("id=\"title-error\"");
        String location = mvc.perform(post("/schools/" + school.code() + "/knowledge").session(session).with(csrf())
                .param("title", "Scannen naar e-mail").param("body", "Kies **Scan**").param("format", "MARKDOWN").param("audience", "TEACHERS"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Scannen naar e-mail", "<strong>Scan</strong>", "Het artikel is bewaard.");
        String edit = mvc.perform(get(location + "/edit").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).contains("name=\"version\"", "id=\"archived\"");
        String conflict = mvc.perform(post(location).session(session).with(csrf()).param("title", "Ander").param("body", "x")
                .param("format", "TEXT").param("audience", "TEACHERS").param("version", "7"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("id=\"conflict\"");
    }

    @Test
    void everyEndpointKeepsToItsSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        long id = id(postJson("{\"title\":\"Tenancy\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}", coordinator));
        TenancyCheck.api(mvc)
            .outsider(outsider).staff(teacher).manager(coordinator)
            .unchanged(base + "/" + id)
            .read(base)
            .read(base + "/" + id)
            .read(base + "/suggestions?subject=tenancy")
            .admin(HttpMethod.POST, base, "{\"title\":\"T2\",\"body\":\"b\",\"format\":\"TEXT\",\"audience\":\"TEACHERS\"}")
            .admin(HttpMethod.PATCH, base + "/" + id, "{\"title\":\"Tenancy 2\",\"version\":0}")
            .verify();
        String ui = "/schools/" + school.code() + "/knowledge";
        TenancyCheck.ui(mvc)
            .outsider(outsider).staff(teacher).manager(coordinator)
            .read(ui)
            .read(ui + "/" + id)
            .read(ui + "/suggestions?subject=tenancy")
            .admin(HttpMethod.GET, ui + "/new", null)
            .admin(HttpMethod.GET, ui + "/" + id + "/edit", null)
            .admin(HttpMethod.POST, ui + "/" + id, "title=Tenancy+3&body=b&format=TEXT&audience=TEACHERS&version=1")
            .verify();
    }
}
