package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.spil.audit.AuditTrail;
import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The second factor end to end: enrolment, the two-step sign-in, lockout, switching it off, and the group's requirement. */
@SpilIntegrationTest
class TwoStepSignInTest {
    private static final AtomicInteger IP = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired GroupSettings settings;
    @Autowired AuditTrail audit;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    SchoolView school;
    PersonView user;
    /** Each test signs in from its own address, so the per-address throttle of one test never blocks another. */
    String ip;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        user = fixtures.user(school, Role.ICT_COORDINATOR);
        ip = "10.30." + IP.get() / 250 + "." + IP.getAndIncrement() % 250;
    }

    @AfterEach
    void requirementOff() {
        jdbc.sql("delete from group_setting where setting_key = :k").param("k", GroupSettings.REQUIRE_MFA).update();
    }

    private MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b) {
        return b.with(r -> {
            r.setRemoteAddr(ip);
            return r;
        });
    }

    private MvcResult signIn(String email, String password) throws Exception {
        return mvc.perform(from(post("/login")).param("email", email).param("password", password).with(csrf())).andReturn();
    }

    private long step() {
        return Totp.step(clock.instant());
    }

    private String secretOf(long personId) {
        return jdbc.sql("select totp_secret from account where person_id = :p").param("p", personId).query(String.class).single();
    }

    /** Switches TOTP on for the person with the code of the previous step, so the codes of now and the next step stay unused. */
    private String enable(long personId) {
        String secret = accounts.totpEnrolment(personId).orElseThrow();
        accounts.confirmTotp(personId, Totp.code(secret, step() - 1));
        return secret;
    }

    private MvcResult code(MockHttpSession session, String code) throws Exception {
        return mvc.perform(from(post("/login/code")).session(session).param("code", code).with(csrf())).andReturn();
    }

    @Test
    void enrolsWithTheSecretAndAQrCodeThenAFirstCodeSwitchesItOn() throws Exception {
        var session = (MockHttpSession) signIn(user.email(), Fixtures.PASSWORD).getRequest().getSession();
        String page = mvc.perform(get("/profile/totp").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg", "QR-code om Spil toe te voegen", "<path fill=\"#000\" d=\"M", "id=\"totpSecret\"");
        var m = Pattern.compile("id=\"totpSecret\"[^>]*>([A-Z2-7 ]+)<").matcher(page);
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        assertThat(secret).isEqualTo(secretOf(user.id()));
        // the same secret while enrolling is not confirmed, so a reload does not invalidate a scanned QR code
        assertThat(mvc.perform(get("/profile/totp").session(session)).andReturn().getResponse().getContentAsString())
            .contains(Totp.grouped(secret));

        for (String wrong : new String[] {"", "12345", "abcdef", "<script>alert(1)</script>", "1".repeat(300),
                Totp.code(secret, step() - 3)}) {
            var r = mvc.perform(post("/profile/totp").session(session).param("code", wrong).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).as(wrong).isEqualTo(200);
            assertThat(r.getResponse().getContentAsString()).contains("aria-invalid=\"true\"", "code-error");
            assertThat(accounts.totpEnabled(user.id())).isFalse();
        }
        var ok = mvc.perform(post("/profile/totp").session(session).param("code", Totp.code(secret, step())).with(csrf())).andReturn();
        assertThat(ok.getResponse().getRedirectedUrl()).isEqualTo("/profile");
        assertThat(accounts.totpEnabled(user.id())).isTrue();
        assertThat(mvc.perform(get("/profile").session(session)).andReturn().getResponse().getContentAsString())
            .contains("Tweestapsverificatie staat aan");
        assertThat(audit.history("person", user.id())).anyMatch(e -> "second factor (TOTP) enabled".equals(e.summary()));
    }

    @Test
    void aRightPasswordOnlyOpensTheCodePageAndTheRightCodeSignsIn() throws Exception {
        String secret = enable(user.id());
        var first = signIn(user.email(), Fixtures.PASSWORD);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
        var session = (MockHttpSession) first.getRequest().getSession();

        for (String path : new String[] {"/", "/profile", "/schools", "/schools/" + school.code() + "/people", "/admin/settings"}) {
            var r = mvc.perform(get(path).session(session)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).as(path).isEqualTo("/login/code");
        }
        var htmx = mvc.perform(get("/profile").session(session).header("HX-Request", "true")).andReturn().getResponse();
        assertThat(htmx.getHeader("HX-Redirect")).isEqualTo("/login/code");
        assertThat(mvc.perform(get("/login/code").session(session)).andReturn().getResponse().getContentAsString())
            .contains("autocomplete=\"one-time-code\"");

        var wrong = code(session, Totp.code(secret, step() + 5));
        assertThat(wrong.getResponse().getStatus()).isEqualTo(200);
        assertThat(wrong.getResponse().getContentAsString()).contains("code-error");
        assertThat(mvc.perform(get("/profile").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login/code");

        String now = Totp.code(secret, step());
        var right = code(session, now);
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
        var profile = mvc.perform(get("/profile").session(session)).andReturn().getResponse();
        assertThat(profile.getStatus()).isEqualTo(200);
        assertThat(profile.getContentAsString()).contains(user.email());
        // a signed-in person on the code page goes home
        assertThat(mvc.perform(get("/login/code").session(session)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");

        // the same code does not work a second time
        var again = (MockHttpSession) signIn(user.email(), Fixtures.PASSWORD).getRequest().getSession();
        assertThat(code(again, now).getResponse().getContentAsString()).contains("code-error");
        assertThat(code(again, Totp.code(secret, step() + 1)).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void theCodePageContinuesToThePageFirstAskedFor() throws Exception {
        String secret = enable(user.id());
        var start = mvc.perform(get("/profile").accept(MediaType.TEXT_HTML)).andReturn();
        var session = (MockHttpSession) start.getRequest().getSession();
        var password = mvc.perform(from(post("/login")).session(session).param("email", user.email())
            .param("password", Fixtures.PASSWORD).with(csrf())).andReturn();
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
        assertThat(code(session, Totp.code(secret, step())).getResponse().getRedirectedUrl()).contains("/profile");
    }

    @Test
    void wrongCodesCountTowardsTheSameLockoutAsWrongPasswords() throws Exception {
        String secret = enable(user.id());
        signIn(user.email(), "wrong-password-1");
        signIn(user.email(), "wrong-password-2");
        var session = (MockHttpSession) signIn(user.email(), Fixtures.PASSWORD).getRequest().getSession();
        // a right password does not reset the count while the code is still to come
        code(session, "000000".equals(Totp.code(secret, step())) ? "111111" : "000000");
        var session2 = (MockHttpSession) signIn(user.email(), Fixtures.PASSWORD).getRequest().getSession();
        code(session2, "999999".equals(Totp.code(secret, step())) ? "888888" : "999999");
        var locked = code(session2, "123456".equals(Totp.code(secret, step())) ? "654321" : "123456");
        assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        var page = mvc.perform(get("/login").session((MockHttpSession) locked.getRequest().getSession()))
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Te veel mislukte pogingen");
        // locked: even the right password and the right code do not sign in now
        var after = signIn(user.email(), Fixtures.PASSWORD);
        assertThat(after.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(get("/profile").accept(MediaType.TEXT_HTML).session((MockHttpSession) after.getRequest().getSession()))
            .andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void switchingOffNeedsACurrentCodeAndThePassword() throws Exception {
        String secret = enable(user.id());
        var session = (MockHttpSession) signIn(user.email(), Fixtures.PASSWORD).getRequest().getSession();
        code(session, Totp.code(secret, step()));
        var noPassword = mvc.perform(post("/profile/totp/disable").session(session).param("code", Totp.code(secret, step() + 1))
            .param("password", "not-my-password").with(csrf())).andReturn();
        assertThat(noPassword.getResponse().getContentAsString()).contains("password-error");
        var noCode = mvc.perform(post("/profile/totp/disable").session(session).param("code", "12")
            .param("password", Fixtures.PASSWORD).with(csrf())).andReturn();
        assertThat(noCode.getResponse().getContentAsString()).contains("code-error");
        assertThat(accounts.totpEnabled(user.id())).isTrue();
        var off = mvc.perform(post("/profile/totp/disable").session(session).param("code", Totp.code(secret, step() + 1))
            .param("password", Fixtures.PASSWORD).with(csrf())).andReturn();
        assertThat(off.getResponse().getRedirectedUrl()).isEqualTo("/profile");
        assertThat(accounts.totpEnabled(user.id())).isFalse();
        assertThat(signIn(user.email(), Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void httpBasicIsRefusedForAnAccountWithASecondFactorButApiTokensWork() throws Exception {
        String token = tokens.create(user.id(), "script").token();
        enable(user.id());
        var basic = mvc.perform(get("/api/v1/me").with(httpBasic(user.email(), Fixtures.PASSWORD))).andReturn().getResponse();
        assertThat(basic.getStatus()).isEqualTo(403);
        assertThat(basic.getContentType()).startsWith("application/problem+json");
        assertThat(basic.getContentAsString()).contains("second factor", "API token");
        var wrong = mvc.perform(get("/api/v1/me").with(httpBasic(user.email(), "wrong-password"))).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(401);
        var bearer = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(bearer.getStatus()).isEqualTo(200);
        assertThat(bearer.getContentAsString()).contains(user.email());
    }

    @Test
    void onlyCentralAdminsSeeAndChangeTheGroupSettingsAndChangesAreAudited() throws Exception {
        var staff = fixtures.user(school, Role.STAFF);
        var admin = fixtures.user(school, Role.CENTRAL_ADMIN);
        assertThat(mvc.perform(get("/admin/settings").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(post("/admin/settings").param("requireMfaForCentralAdmins", "true").with(csrf()))
            .andReturn().getResponse().getStatus()).isIn(302, 401, 403);
        for (var who : new PersonView[] {staff, user}) {
            var session = (MockHttpSession) signIn(who.email(), Fixtures.PASSWORD).getRequest().getSession();
            assertThat(mvc.perform(get("/admin/settings").session(session)).andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(mvc.perform(post("/admin/settings").session(session).param("requireMfaForCentralAdmins", "true").with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(settings.requireMfaForCentralAdmins()).isFalse();
        }
        var session = (MockHttpSession) signIn(admin.email(), Fixtures.PASSWORD).getRequest().getSession();
        assertThat(mvc.perform(get("/admin/settings").session(session)).andReturn().getResponse().getContentAsString())
            .contains("requireMfaForCentralAdmins");
        assertThat(mvc.perform(post("/admin/settings").session(session).param("requireMfaForCentralAdmins", "maybe").with(csrf()))
            .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(settings.requireMfaForCentralAdmins()).isFalse();
        var saved = mvc.perform(post("/admin/settings").session(session).param("requireMfaForCentralAdmins", "true").with(csrf())).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings");
        assertThat(settings.requireMfaForCentralAdmins()).isTrue();
        assertThat(audit.history(GroupSettings.AUDIT_TYPE, GroupSettings.REQUIRE_MFA))
            .anyMatch(e -> e.changes().stream().anyMatch(c -> c.field().equals("requireMfaForCentralAdmins")
                && c.from().equals("false") && c.to().equals("true")));
    }

    @Test
    void whenRequiredACentralAdminWithoutASecondFactorMustEnrolFirstAndBasicAuthIsRefused() throws Exception {
        var admin = fixtures.user(school, Role.CENTRAL_ADMIN);
        String token = tokens.create(admin.id(), "script").token();
        var adminSession = (MockHttpSession) signIn(admin.email(), Fixtures.PASSWORD).getRequest().getSession();
        mvc.perform(post("/admin/settings").session(adminSession).param("requireMfaForCentralAdmins", "true").with(csrf()));
        assertThat(settings.requireMfaForCentralAdmins()).isTrue();

        // the session already open is sent to enrol as well
        for (String path : new String[] {"/", "/schools", "/admin/settings", "/profile"}) {
            assertThat(mvc.perform(get(path).session(adminSession)).andReturn().getResponse().getRedirectedUrl())
                .as(path).isEqualTo("/profile/totp");
        }
        var page = mvc.perform(get("/profile/totp").session(adminSession)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("verplicht", "<svg");

        var basic = mvc.perform(get("/api/v1/me").with(httpBasic(admin.email(), Fixtures.PASSWORD))).andReturn().getResponse();
        assertThat(basic.getStatus()).isEqualTo(403);
        assertThat(basic.getContentType()).startsWith("application/problem+json");
        assertThat(basic.getContentAsString()).contains("requires central admins to use a second factor");
        assertThat(mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus())
            .isEqualTo(200);
        // people who are not central admins are not affected
        assertThat(mvc.perform(get("/api/v1/me").with(httpBasic(user.email(), Fixtures.PASSWORD))).andReturn().getResponse().getStatus())
            .isEqualTo(200);
        assertThat(signIn(user.email(), Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");

        String secret = secretOf(admin.id());
        mvc.perform(post("/profile/totp").session(adminSession).param("code", Totp.code(secret, step() - 1)).with(csrf()));
        assertThat(mvc.perform(get("/schools").session(adminSession)).andReturn().getResponse().getStatus()).isEqualTo(200);
        var next = signIn(admin.email(), Fixtures.PASSWORD);
        assertThat(next.getResponse().getRedirectedUrl()).isEqualTo("/login/code");
        code((MockHttpSession) next.getRequest().getSession(), Totp.code(secret, step()));
        assertThat(mvc.perform(get("/admin/settings").session((MockHttpSession) next.getRequest().getSession()))
            .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void aCentralAdminResetsTheSecondFactorOfSomeoneWhoLostTheirPhone() throws Exception {
        enable(user.id());
        var admin = fixtures.user(school, Role.CENTRAL_ADMIN);
        var coordinator = (MockHttpSession) signIn(fixtures.user(school, Role.ICT_COORDINATOR).email(), Fixtures.PASSWORD)
            .getRequest().getSession();
        assertThat(mvc.perform(post("/admin/settings/reset-totp").session(coordinator).param("email", user.email()).with(csrf()))
            .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(accounts.totpEnabled(user.id())).isTrue();

        var session = (MockHttpSession) signIn(admin.email(), Fixtures.PASSWORD).getRequest().getSession();
        for (String bad : new String[] {"", "nobody-" + Fixtures.unique() + "@test.spil.be", "<script>x</script>", "a".repeat(400),
                admin.email()}) {
            var r = mvc.perform(post("/admin/settings/reset-totp").session(session).param("email", bad).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).as(bad).isEqualTo(200);
            assertThat(r.getResponse().getContentAsString()).contains("resetEmail-error").doesNotContain("<script>x");
        }
        var done = mvc.perform(post("/admin/settings/reset-totp").session(session).param("email", user.email()).with(csrf())).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings");
        assertThat(accounts.totpEnabled(user.id())).isFalse();
        assertThat(audit.history("person", user.id())).anyMatch(e -> e.summary().contains("reset by a central admin"));
        assertThat(signIn(user.email(), Fixtures.PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anonymousCallersReachNoneOfTheNewPages() throws Exception {
        for (String path : new String[] {"/profile/totp", "/login/code", "/admin/settings"}) {
            var r = mvc.perform(get(path).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).as(path).endsWith("/login");
        }
        for (String path : new String[] {"/profile/totp", "/profile/totp/disable", "/login/code", "/admin/settings",
                "/admin/settings/reset-totp"}) {
            var r = mvc.perform(post(path).param("code", "123456").param("email", user.email()).with(csrf())
                .accept(MediaType.TEXT_HTML)).andReturn().getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(302);
            assertThat(r.getRedirectedUrl()).as(path).endsWith("/login");
        }
        // without the CSRF token even a signed-in person's post is refused
        var session = (MockHttpSession) signIn(user.email(), Fixtures.PASSWORD).getRequest().getSession();
        assertThat(mvc.perform(post("/profile/totp").session(session).param("code", "123456")).andReturn().getResponse().getStatus())
            .isEqualTo(403);
    }

    @Test
    void theSignInPageShowsNoProviderButtonsWhenNoneIsConfigured() throws Exception {
        String page = mvc.perform(get("/login").accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("/oauth2/authorization/").doesNotContain("id=\"providers\"");
    }
}
