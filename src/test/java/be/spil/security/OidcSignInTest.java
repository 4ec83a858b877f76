package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.directory.People;
import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with OpenID Connect against a real provider (mock-oauth2-server) over real HTTP: the browser's
 * redirects from Spil to the provider and back are followed by an HTTP client with a cookie jar. Two providers
 * are configured: "leerid" (people identified by ov_account_uuid, often no email) and "entra" (by sub).
 */
@SpilIntegrationTest
class OidcSignInTest {
    static final String CLIENT = "spil-client";
    static MockOAuth2Server provider;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        provider = new MockOAuth2Server();
        provider.start();
        for (var id : List.of("leerid", "entra")) {
            String prefix = "spring.security.oauth2.client.registration." + id + ".";
            registry.add(prefix + "client-id", () -> CLIENT);
            registry.add(prefix + "client-secret", () -> "not-a-real-secret");
            registry.add(prefix + "client-name", () -> id.equals("leerid") ? "LeerID" : "Microsoft");
            registry.add(prefix + "scope", () -> "openid");
            registry.add("spring.security.oauth2.client.provider." + id + ".issuer-uri", () -> provider.issuerUrl(id).toString());
        }
        registry.add("spil.oidc.leerid.id-claim", () -> "ov_account_uuid");
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired People people;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    SchoolView school;
    HttpClient browser;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    /** The provider will sign in a person with these claims at the next token request of this issuer. */
    private void providerSays(String issuer, String subject, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", List.of(CLIENT), claims, 3600));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** Clicks the provider's button on the sign-in page and follows every redirect, through the provider and back. */
    private HttpResponse<String> signInWith(String registration) throws Exception {
        return get("/oauth2/authorization/" + registration);
    }

    private String externalId(long personId) {
        return jdbc.sql("select external_id from person where id = :id").param("id", personId).query(String.class).optional().orElse(null);
    }

    private void assertSignedInAs(HttpResponse<String> landing, PersonView person) throws Exception {
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.uri().getPath()).isEqualTo("/");
        var profile = get("/profile");
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.uri().getPath()).isEqualTo("/profile");
        assertThat(profile.body()).contains(person.email());
    }

    private void assertRefused(HttpResponse<String> landing, String message) throws Exception {
        assertThat(landing.uri().getPath()).isEqualTo("/login");
        assertThat(landing.uri().getQuery()).isEqualTo("error");
        assertThat(landing.body()).contains(message);
        assertThat(get("/profile").uri().getPath()).as("nothing signed in").isEqualTo("/login");
    }

    @Test
    void theSignInPageShowsAButtonPerProvider() throws Exception {
        var page = get("/login");
        assertThat(page.body()).contains("href=\"/oauth2/authorization/leerid\"", "Aanmelden met LeerID",
            "href=\"/oauth2/authorization/entra\"", "Aanmelden met Microsoft");
    }

    @Test
    void matchesAKnownPersonByVerifiedEmailAndRemembersTheirId() throws Exception {
        var person = fixtures.user(school, Role.STAFF);
        String uuid = UUID.randomUUID().toString();
        providerSays("leerid", "sub-" + uuid, Map.of("email", person.email().toUpperCase(), "email_verified", true,
            "ov_account_uuid", uuid));
        assertSignedInAs(signInWith("leerid"), person);
        assertThat(externalId(person.id())).isEqualTo(uuid);
    }

    @Test
    void matchesByTheStoredOvAccountUuidWhenTheProviderGivesNoEmail() throws Exception {
        var person = fixtures.user(school, Role.ICT_COORDINATOR);
        String uuid = UUID.randomUUID().toString();
        people.linkExternalId(person.id(), uuid);
        providerSays("leerid", "some-pairwise-subject", Map.of("ov_account_uuid", uuid, "name", "Someone"));
        assertSignedInAs(signInWith("leerid"), person);
    }

    @Test
    void matchesByTheSubjectWhenNoOtherClaimIsConfigured() throws Exception {
        var person = fixtures.user(school, Role.STAFF);
        String sub = "entra-" + UUID.randomUUID();
        providerSays("entra", sub, Map.of("email", person.email()));
        assertSignedInAs(signInWith("entra"), person);
        assertThat(externalId(person.id())).isEqualTo(sub);
        // the next time, only the subject is needed
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.ALWAYS).build();
        providerSays("entra", sub, Map.of());
        assertSignedInAs(signInWith("entra"), person);
    }

    @Test
    void refusesAnUnknownPersonAndCreatesNoAccount() throws Exception {
        String email = "stranger-" + Fixtures.unique() + "@elsewhere.be";
        String uuid = UUID.randomUUID().toString();
        providerSays("leerid", "x", Map.of("email", email, "email_verified", true, "ov_account_uuid", uuid));
        assertRefused(signInWith("leerid"), "Met dit account kent Spil u niet");
        assertThat(people.identityByEmail(email)).isEmpty();
        assertThat(people.identityByExternalId(uuid)).isEmpty();
    }

    @Test
    void doesNotMatchAnEmailTheProviderSaysIsNotVerified() throws Exception {
        var person = fixtures.user(school, Role.STAFF);
        String uuid = UUID.randomUUID().toString();
        providerSays("leerid", "y", Map.of("email", person.email(), "email_verified", false, "ov_account_uuid", uuid));
        assertRefused(signInWith("leerid"), "Met dit account kent Spil u niet");
        assertThat(externalId(person.id())).isNull();
    }

    @Test
    void refusesAnArchivedPerson() throws Exception {
        var person = fixtures.user(school, Role.STAFF);
        people.setArchived(school.id(), person.id(), true, Fixtures.ADMIN);
        providerSays("leerid", "z", Map.of("email", person.email(), "email_verified", true));
        assertRefused(signInWith("leerid"), "Dit account is uitgeschakeld");
    }

    @Test
    void asksNoSecondFactorAfterTheProviderAndTheSessionEndsWhenThePersonIsArchived() throws Exception {
        var person = fixtures.user(school, Role.STAFF);
        String secret = accounts.totpEnrolment(person.id()).orElseThrow();
        accounts.confirmTotp(person.id(), Totp.code(secret, Totp.step(clock.instant())));
        providerSays("entra", "w-" + UUID.randomUUID(), Map.of("email", person.email(), "email_verified", true));
        assertSignedInAs(signInWith("entra"), person);
        people.setArchived(school.id(), person.id(), true, Fixtures.ADMIN);
        var after = get("/profile");
        assertThat(after.uri().getPath()).isEqualTo("/login");
        assertThat(after.uri().getQuery()).isEqualTo("disabled");
    }
}
