package be.spil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Operating Spil: health open to all, the other actuator endpoints only for central admins or the metrics token,
 * a log line per state-changing request that says who did what and nothing personal, graceful shutdown.
 */
@SpilIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Environment environment;
    @Value("${spil.security.actuator-token}") String actuatorToken;

    SchoolView school;
    String coordinator;
    String staff;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        staff = fixtures.user(school, Role.STAFF).email();
    }

    @Test
    void healthIsOpenToEverybodyAndSaysOnlyUp() throws Exception {
        mvc.perform(get("/actuator/health"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("UP"))
            .andExpect(jsonPath("$.components").doesNotExist())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().json("{\"status\":\"UP\"}",
                org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void prometheusAndMetricsAreForCentralAdminsAndTheMetricsTokenOnly() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).with(httpBasic(staff, Fixtures.PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isForbidden());
            mvc.perform(get(path).header("Authorization", "Bearer wrong-" + actuatorToken)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD))).andExpect(status().isOk());
            mvc.perform(get(path).header("Authorization", "Bearer " + actuatorToken)).andExpect(status().isOk());
        }
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + actuatorToken))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("http_server_requests_seconds")));
    }

    @Test
    void theMetricsTokenOpensNothingButTheActuator() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + actuatorToken)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/schools").header("Authorization", "Bearer " + actuatorToken)).andExpect(status().isUnauthorized());
    }

    @Test
    void aStateChangingRequestIsLoggedWithWhoWhatAndStatusButNoPersonalData(CapturedOutput output) throws Exception {
        String secret = "Zeer-Geheim-Wachtwoord-77";
        mvc.perform(post("/api/v1/schools/" + school.code() + "/people").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"Fien\",\"lastName\":\"Leerlingsnaam\",\"email\":\"fien.leerling@test.spil.be\","
                    + "\"kind\":\"STAFF\",\"roles\":[\"STAFF\"],\"password\":\"" + secret + "\"}"))
            .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/schools/" + school.code() + "/people").param("q", "Leerlingsnaam")
                .with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk());

        String line = logLine(output, "method=POST path=/api/v1/schools/{code}/people status=201");
        assertThat(line).contains("user=" + coordinator).containsPattern("ms=\\d+");
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain("Leerlingsnaam").doesNotContain("fien.leerling")
            .doesNotContain(Fixtures.PASSWORD);
        assertThat(output.getAll()).as("reads are not logged").doesNotContain("method=GET");
    }

    @Test
    void refusedChangesAreLoggedToo(CapturedOutput output) throws Exception {
        mvc.perform(post("/api/v1/schools/" + school.code() + "/groups").with(httpBasic(staff, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"9Z\",\"grade\":6}"))
            .andExpect(status().isForbidden());
        assertThat(logLine(output, "method=POST path=/api/v1/schools/{code}/groups status=403")).contains("user=" + staff);

        mvc.perform(post("/api/v1/schools/" + school.code() + "/groups?token=abc").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"9Z\",\"grade\":6}"))
            .andExpect(status().isUnauthorized());
        assertThat(logLine(output, "method=POST path=/api/v1/schools/" + school.code() + "/groups status=401"))
            .contains("user=-").doesNotContain("token=abc");
    }

    @Test
    void formSignInAndFormPostsNameTheUserButNotThePassword(CapturedOutput output) throws Exception {
        mvc.perform(post("/login").param("email", coordinator).param("password", Fixtures.PASSWORD).with(csrf()))
            .andExpect(status().is3xxRedirection());
        assertThat(logLine(output, "method=POST path=/login status=302")).contains("user=" + coordinator);
        var session = TenancyCheck.signIn(mvc, coordinator);
        mvc.perform(post("/schools/" + school.code() + "/groups").session(session).with(csrf()).param("name", "3C").param("grade", "3"))
            .andExpect(status().is3xxRedirection());
        assertThat(logLine(output, "method=POST path=/schools/{code}/groups status=302")).contains("user=" + coordinator);
        assertThat(output.getAll()).doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void shutdownIsGraceful() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("20s");
    }

    private static String logLine(CapturedOutput output, String start) {
        return output.getAll().lines().filter(l -> l.contains(start)).reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no log line with " + start));
    }
}
