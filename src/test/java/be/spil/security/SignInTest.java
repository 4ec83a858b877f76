package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.SignInAccounts;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpilIntegrationTest
class SignInTest {
    private static final AtomicInteger IP = new AtomicInteger(10);
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SignInAccounts accounts;

    SchoolView school;
    String ip;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        ip = "192.0.2." + IP.incrementAndGet();
    }

    private RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private MvcResult signIn(String email, String password) throws Exception {
        return mvc.perform(post("/login").param("email", email).param("password", password).with(csrf()).with(from(ip))).andReturn();
    }

    private String loginPage(MvcResult failed) throws Exception {
        return mvc.perform(get("/login").session((MockHttpSession) failed.getRequest().getSession()))
            .andReturn().getResponse().getContentAsString();
    }

    @Test
    void signsInWithEmailAndPasswordAndOut() throws Exception {
        var user = fixtures.user(school, Role.STAFF);
        var ok = signIn(user.email().toUpperCase(), Fixtures.PASSWORD);
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/");
        var session = (MockHttpSession) ok.getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aWrongPasswordSaysSoWithoutTellingWhichPart() throws Exception {
        var user = fixtures.user(school, Role.STAFF);
        var failed = signIn(user.email(), "wrong-password-123");
        assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(loginPage(failed)).contains("Het e-mailadres of het wachtwoord klopt niet.").contains(user.email());
        var unknown = signIn("nobody-" + Fixtures.unique() + "@test.spil.be", "wrong-password-123");
        assertThat(loginPage(unknown)).contains("Het e-mailadres of het wachtwoord klopt niet.");
    }

    @Test
    void fiveFailedAttemptsLockTheAccountForFifteenMinutes() throws Exception {
        var user = fixtures.user(school, Role.STAFF);
        for (int i = 0; i < 4; i++) {
            signIn(user.email(), "wrong-password-" + i);
        }
        var fifth = signIn(user.email(), "wrong-password-5");
        assertThat(loginPage(fifth)).contains("Te veel mislukte pogingen. Aanmelden kan weer vanaf");
        var right = signIn(user.email(), Fixtures.PASSWORD);
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(loginPage(right)).contains("Te veel mislukte pogingen");
        mvc.perform(get("/api/v1/me").with(httpBasic(user.email(), Fixtures.PASSWORD)))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Too many failed sign-ins")));
        // another person is not affected
        var other = fixtures.user(school, Role.STAFF);
        ip = "198.51.100." + IP.incrementAndGet();
        assertThat(signIn(other.email(), Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void manyFailuresFromOneAddressBlockThatAddress() throws Exception {
        var user = fixtures.user(school, Role.STAFF);
        for (int i = 0; i < 20; i++) {
            signIn("guess-" + i + "-" + Fixtures.unique() + "@test.spil.be", "wrong-password-123");
        }
        var blocked = signIn(user.email(), Fixtures.PASSWORD);
        assertThat(loginPage(blocked)).contains("Te veel mislukte pogingen");
        ip = "203.0.113." + IP.incrementAndGet();
        assertThat(signIn(user.email(), Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        var user = fixtures.user(school, Role.ICT_COORDINATOR);
        accounts.setPassword(user.id(), "Temporary-Pass-4821", true);
        var ok = signIn(user.email(), "Temporary-Pass-4821");
        var session = (MockHttpSession) ok.getRequest().getSession();
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/profile/password"));
        mvc.perform(get("/schools/" + school.code() + "/people").session(session)).andExpect(redirectedUrl("/profile/password"));
        mvc.perform(get("/api/v1/me").with(httpBasic(user.email(), "Temporary-Pass-4821")))
            .andExpect(status().isForbidden()).andExpect(jsonPath("$.reason").value("password-change-required"));
        String page = mvc.perform(post("/profile/password").session(session).with(csrf())
                .param("current", "Temporary-Pass-4821").param("next", "wachtwoord2026!").param("repeat", "wachtwoord2026!"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Dit wachtwoord is te gewoon");
        page = mvc.perform(post("/profile/password").session(session).with(csrf())
                .param("current", "nope").param("next", "Lange zin over de laptopkar").param("repeat", "Lange zin over de laptopkar"))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Het huidige wachtwoord klopt niet.");
        mvc.perform(post("/profile/password").session(session).with(csrf())
                .param("current", "Temporary-Pass-4821").param("next", "Lange zin over de laptopkar").param("repeat", "Lange zin over de laptopkar"))
            .andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic(user.email(), "Lange zin over de laptopkar"))).andExpect(status().isOk());
    }

    @Test
    void archivingAPersonEndsTheirSessionAtOnce() throws Exception {
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        var teacher = fixtures.user(school, Role.STAFF);
        var session = TenancyCheck.signIn(mvc, teacher.email());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(patch("/api/v1/schools/" + school.code() + "/people/" + teacher.id())
                .with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"archived\":true,\"version\":" + teacher.version() + "}"))
            .andExpect(status().isOk());
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?disabled"));
        assertThat(signIn(teacher.email(), Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void aNewRoleCountsOnTheNextRequest() throws Exception {
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        var teacher = fixtures.user(school, Role.STAFF);
        var session = TenancyCheck.signIn(mvc, teacher.email());
        mvc.perform(get("/schools/" + school.code() + "/people/new").session(session)).andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/schools/" + school.code() + "/people/" + teacher.id())
                .with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"ICT_COORDINATOR\"],\"version\":" + teacher.version() + "}"))
            .andExpect(status().isOk());
        mvc.perform(get("/schools/" + school.code() + "/people/new").session(session)).andExpect(status().isOk());
    }

    @Test
    void personalApiTokensAreShownOnceAndCanBeRevoked() throws Exception {
        var user = fixtures.user(school, Role.STAFF);
        var session = TenancyCheck.signIn(mvc, user.email());
        var made = mvc.perform(post("/profile/tokens").param("name", "rapportscript").session(session).with(csrf()))
            .andExpect(redirectedUrl("/profile")).andReturn();
        String token = (String) made.getFlashMap().get("newToken");
        assertThat(token).startsWith("spil_").hasSizeGreaterThan(40);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.email").value(user.email()))
            .andExpect(jsonPath("$.roles[0].school").value(school.code()))
            .andExpect(jsonPath("$.roles[0].role").value("STAFF"));
        String shown = mvc.perform(get("/profile").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains(token);
        String profile = mvc.perform(get("/profile").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("rapportscript").doesNotContain(token);
        long id = Long.parseLong(profile.replaceAll("(?s).*/profile/tokens/(\\d+)/revoke.*", "$1"));
        mvc.perform(post("/profile/tokens/" + id + "/revoke").session(session).with(csrf())).andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer spil_made-up")).andExpect(status().isUnauthorized());
        // another person cannot revoke my token, and an empty name is refused
        var other = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        mvc.perform(post("/profile/tokens/" + id + "/revoke").session(other).with(csrf())).andExpect(status().isNotFound());
        var empty = mvc.perform(post("/profile/tokens").param("name", " ").session(session).with(csrf())).andReturn();
        assertThat(empty.getFlashMap().get("tokenError")).isEqualTo("token.name.required");
    }

    @Test
    void theApiAnswers401WithAChallengeWithoutCredentials() throws Exception {
        mvc.perform(get("/api/v1/me"))
            .andExpect(status().isUnauthorized())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                .string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=\"Spil\"")));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.roles[0].role").value("CENTRAL_ADMIN"))
            .andExpect(jsonPath("$.roles[0].school").doesNotExist());
    }
}
