package be.spil;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Spil as a newcomer starts it: the embedded H2 default in an empty data directory, no admin configured. It comes
 * up healthy, writes a one-time admin password to an owner-only file, forces a new password at first sign-in, and
 * keeps its data when started again on the same directory. Shutdown is graceful.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2StartUpSmokeTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String NEW_PASSWORD = "Mijn-Eigen-Sterk-Wachtwoord-42";

    @TempDir Path dataDir;

    @Test
    void startsOnH2WithAOneTimeAdminPasswordAndKeepsItsDataAcrossARestart(CapturedOutput output) throws Exception {
        String initial;
        try (var app = start()) {
            var web = new Web(port(app));
            assertThat(web.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(app.getBean(ScheduledTaskHolder.class).getScheduledTasks()).as("the timed jobs run")
                .map(task -> task.getTask().toString())
                .anyMatch(job -> job.endsWith("TicketDigest.scheduled")).anyMatch(job -> job.endsWith("AutoClose.scheduled"))
                .anyMatch(job -> job.contains("InboundMailbox.")).anyMatch(job -> job.contains("LateReminders."))
                .anyMatch(job -> job.contains("SubmissionRetention."));

            Path file = dataDir.resolve("initial-admin-password");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            initial = Files.readString(file).trim();
            assertThat(initial).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getAll()).contains("admin@localhost").contains(initial);

            var signIn = web.form("/login", "/login", Map.of("email", "admin@localhost", "password", initial));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            var home = web.get("/");
            assertThat(home.statusCode()).as("must change the password first").isEqualTo(302);
            assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/profile/password");
            assertThat(web.get("/schools").headers().firstValue("Location").orElseThrow()).endsWith("/profile/password");

            var changed = web.form("/profile/password", "/profile/password",
                Map.of("current", initial, "next", NEW_PASSWORD, "repeat", NEW_PASSWORD));
            assertThat(changed.statusCode()).isEqualTo(302);
            assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/profile");
            assertThat(web.get("/").statusCode()).isEqualTo(200);

            var created = web.api("POST", "/api/v1/schools", NEW_PASSWORD,
                "{\"code\":\"smoke\",\"name\":\"Rooktest\",\"level\":\"BASIS\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        assertThat(output.getAll()).as("graceful shutdown").contains("Commencing graceful shutdown")
            .contains("Graceful shutdown complete");
        assertThat(dataDir.resolve("spil.mv.db")).exists();

        try (var app = start()) {
            var web = new Web(port(app));
            assertThat(web.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            var schools = web.api("GET", "/api/v1/schools", NEW_PASSWORD, null);
            assertThat(schools.statusCode()).isEqualTo(200);
            assertThat(schools.body()).contains("\"code\":\"smoke\"").contains("Rooktest");
            assertThat(web.api("GET", "/api/v1/me", initial, null).statusCode()).as("the one-time password is gone").isEqualTo(401);
            var signIn = web.form("/login", "/login", Map.of("email", "admin@localhost", "password", NEW_PASSWORD));
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            assertThat(web.get("/").statusCode()).as("no second forced change").isEqualTo(200);
        }
    }

    /**
     * Every module's main pages on H2 with the demo data, as a newcomer first sees Spil: each answers 200 and nothing
     * fails underneath (H2 refuses some words PostgreSQL takes, such as {@code year}, {@code value}, {@code unknown}).
     */
    @Test
    void theDemoOnH2ShowsEveryModulesPagesWithoutErrors(CapturedOutput output) throws Exception {
        try (var app = start("--spring.profiles.active=demo", "--spil.demo.password=" + NEW_PASSWORD)) {
            var web = new Web(port(app));
            var coordinator = Pattern.compile("de-linde\\s+ICT_COORDINATOR\\s+.+?\\s(\\S+@\\S+)").matcher(output.getAll());
            assertThat(coordinator.find()).as("the demo accounts are in the log").isTrue();
            var signIn = web.form("/login", "/login", Map.of("email", coordinator.group(1), "password", NEW_PASSWORD));
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            String school = "/schools/de-linde";
            for (String page : new String[] {"/", school + "/people", school + "/assets", school + "/software", school + "/software/compliance",
                    school + "/agents", school + "/pools", school + "/pools/figures", school + "/pupil-devices", school + "/tickets", "/tickets", school + "/tickets/new", school + "/helpdesk/figures", school + "/helpdesk/settings",
                    school + "/requests/new", school + "/request-types",
                    school + "/knowledge", school + "/team", school + "/team/division", school + "/team/coverage", school + "/learning",
                    school + "/learning/trainings", school + "/learning/training-plan", school + "/learning/line.pdf",
                    school + "/learning/analysis.pdf",
                    school + "/policy", school + "/policy/board", school + "/policy/budget", school + "/policy/versions",
                    school + "/policy/rules", school + "/policy/surveys", school + "/policy/plan.pdf", school + "/policy/plan.docx",
                    school + "/knowledge?q=printers", "/kb/de-linde", "/kb/de-linde?q=wifi"}) {
                assertThat(web.get(page).statusCode()).as(page).isEqualTo(200);
            }
            var agents = web.get(school + "/agents").body();
            var computer = Pattern.compile("href=\"(/schools/de-linde/assets/[^\"]+/computer)\"").matcher(agents);
            var computerPages = new StringBuilder();
            while (computer.find()) {
                var page = web.get(computer.group(1));
                assertThat(page.statusCode()).as(computer.group(1)).isEqualTo(200);
                computerPages.append(page.body());
            }
            assertThat(computerPages).as("the demo's computers report through agents, their pages on H2").contains("Windows 11")
                .contains("Fedora");
            assertThat(web.get(school + "/agent-keys").statusCode()).isEqualTo(200);
            assertThat(web.get(school + "/software").body()).as("agents' software in the catalog").contains("Mozilla Firefox");
            // the asset list's short and long search terms and its sorts, and asset pages with other modules' sections
            for (String list : new String[] {"/assets?q=hp", "/assets?q=latitude", "/assets?q=a&sort=model,asc",
                    "/assets?sort=room,desc&page=1"}) {
                assertThat(web.get(school + list).statusCode()).as(list).isEqualTo(200);
            }
            var assetLinks = Pattern.compile("/schools/de-linde/assets/(\\d+)\"").matcher(web.get(school + "/assets?sort=category,asc").body());
            for (int i = 0; i < 5 && assetLinks.find(); i++) {
                assertThat(web.get(school + "/assets/" + assetLinks.group(1)).statusCode()).isEqualTo(200);
            }
            assertThat(web.get(school + "/policy").body()).as("the plan reads the inventory on H2")
                .doesNotContain("bevat nog geen toestellen").doesNotContain("nog geen ICT-team");
        }
        assertThat(output.getAll()).as("nothing failed underneath").doesNotContain(" ERROR ").doesNotContain("not available");
    }

    private ConfigurableApplicationContext start(String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of(
            "--server.port=0",
            "--spil.data-dir=" + dataDir.toAbsolutePath(),
            "--spil.admin.email=",
            "--spil.admin.password=",
            "--spring.main.banner-mode=off"));
        args.addAll(java.util.List.of(more));
        return new SpringApplicationBuilder(SpilApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A browser-like client: keeps the session cookie, does not follow redirects, sends the form's CSRF token. */
    private static final class Web {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

        Web(int port) {
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String page, String action, Map<String, String> fields) throws Exception {
            var matcher = CSRF.matcher(get(page).body());
            assertThat(matcher.find()).as("CSRF token on " + page).isTrue();
            var all = new LinkedHashMap<>(fields);
            all.put("_csrf", matcher.group(1));
            String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> api(String method, String path, String password, String json) throws Exception {
            String basic = Base64.getEncoder().encodeToString(("admin@localhost:" + password).getBytes(StandardCharsets.UTF_8));
            var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
