package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolLevel;
import be.spil.school.SchoolView;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Imports of the onderwijsdoelen service's export, the official API called by the server, and adopting the new version. */
@SpilIntegrationTest
class OnderwijsdoelenTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Frameworks frameworks;
    @Autowired LearningLines lines;
    @Autowired Onderwijsdoelen onderwijsdoelen;

    private static String code() {
        return "vl-test-" + Long.toString(System.nanoTime(), 36);
    }

    /** An export in the shape the reader documents: goals under "onderwijsdoelen", grouped by key competence. */
    private static String export(String version, String... goals) {
        var sb = new StringBuilder("{\"titel\":\"Digitale competentie en mediawijsheid\",\"versie\":\"" + version + "\",\"onderwijsdoelen\":[");
        for (int i = 0; i < goals.length; i++) {
            String[] g = goals[i].split("\\|");
            sb.append(i == 0 ? "" : ",").append("{\"doelcode\":\"").append(g[0]).append("\",\"doelzin\":\"").append(g[1])
                .append("\",\"graad\":\"").append(g[2]).append("\",\"sleutelcompetentie\":{\"code\":\"04\",\"titel\":\"Digitale competentie\"}}");
        }
        return sb.append("]}").toString();
    }

    private PersonView admin() {
        return fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
    }

    @Test
    void anExportBecomesANewVersionAndTheLineAdoptsItWithAPreview() throws Exception {
        String code = code();
        var r1 = onderwijsdoelen.importExport(export("2019", "04.01|Digitale toestellen gebruiken|1e graad",
            "04.02|Informatie opzoeken|1e graad", "04.03|Communiceren|1e graad").getBytes(StandardCharsets.UTF_8),
            new Onderwijsdoelen.Target(code, "", "", ""), false, Locale.ENGLISH, Fixtures.ADMIN);
        assertThat(r1.errors()).isEmpty();
        var v1 = frameworks.byId(r1.id());
        assertThat(v1.version()).isEqualTo("2019");
        assertThat(v1.name()).isEqualTo("Digitale competentie en mediawijsheid");
        assertThat(v1.levels()).containsExactly("1e graad");
        assertThat(v1.leaves()).extracting(FrameworkView.CompetenceView::code).containsExactly("04.01", "04.02", "04.03");
        assertThat(v1.competences().get(0).area()).isTrue();
        var r2 = onderwijsdoelen.importExport(export("2025", "04.01|Digitale toestellen doelgericht gebruiken|1e graad",
            "04.02|Informatie opzoeken|1e graad", "04.04|Veilig online|2e graad").getBytes(StandardCharsets.UTF_8),
            new Onderwijsdoelen.Target(code, "", "", ""), false, Locale.ENGLISH, Fixtures.ADMIN);
        long v2 = r2.id();

        var school = fixtures.school(SchoolLevel.SECUNDAIR);
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        lines.setUp(school.id(), v1.id(), List.of("Nederlands"), null, Fixtures.ADMIN);
        for (String c : new String[] {"04.01", "04.03", "04.03"}) {
            lines.createActivity(school.id(), new ActivityForm(c, Grade.S1, "Nederlands", "Les " + c, null, Step.INTRODUCE, null, null, null),
                Fixtures.ADMIN);
        }
        String base = "/api/v1/schools/" + school.code() + "/learning-line/adopt";
        mvc.perform(get(base + "?framework=" + v2).with(httpBasic(coordinator.email(), Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$.kept").value(1)).andExpect(jsonPath("$.renamed[0].code").value("04.01"))
            .andExpect(jsonPath("$.renamed[0].activities").value(1)).andExpect(jsonPath("$.removed[0].code").value("04.03"))
            .andExpect(jsonPath("$.removed[0].activities").value(2)).andExpect(jsonPath("$.added[0].code").value("04.04"));
        // the line page offers the other version, the preview page shows the change
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        assertThat(mvc.perform(get("/schools/" + school.code() + "/learning").session(session)).andReturn().getResponse()
            .getContentAsString()).contains("otherVersions", "framework=" + v2);
        assertThat(mvc.perform(get("/schools/" + school.code() + "/learning/adopt?framework=" + v2).session(session)).andReturn()
            .getResponse().getContentAsString()).contains("04.03", "map-04.03", "Veilig online");
        int version = lines.requireLine(school.id(), Fixtures.ADMIN).version();
        // bad mappings are refused and change nothing
        adopt(coordinator, base, "{\"framework\":" + v2 + ",\"version\":" + version + ",\"mapping\":{\"04.03\":\"99.99\"}}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mapping[04.03]"));
        adopt(coordinator, base, "{\"framework\":" + v2 + ",\"version\":" + version + ",\"mapping\":{\"04.01\":\"04.04\"}}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mapping[04.01]"));
        adopt(coordinator, base, "{\"framework\":" + v1.id() + ",\"version\":" + version + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("framework"));
        adopt(coordinator, base, "{\"framework\":" + v2 + ",\"version\":" + (version + 5) + ",\"mapping\":{\"04.03\":\"04.04\"}}")
            .andExpect(status().isConflict());
        assertThat(lines.requireLine(school.id(), Fixtures.ADMIN).frameworkId()).isEqualTo(v1.id());
        adopt(coordinator, base, "{\"framework\":" + v2 + ",\"version\":" + version + ",\"mapping\":{\"04.03\":\"04.04\"}}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.moved").value(2)).andExpect(jsonPath("$.flagged").value(0));
        assertThat(lines.requireLine(school.id(), Fixtures.ADMIN).frameworkId()).isEqualTo(v2);
        assertThat(lines.activities(school.id(), null, null, Fixtures.ADMIN)).extracting(ActivityView::competence)
            .containsExactlyInAnyOrder("04.01", "04.04", "04.04");
    }

    private org.springframework.test.web.servlet.ResultActions adopt(PersonView who, String path, String json) throws Exception {
        return mvc.perform(post(path).with(httpBasic(who.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void badExportsAreRefusedPerRowAndWriteNothing() {
        String code = code();
        var r = onderwijsdoelen.importExport(export("1", "04.01|A|1e graad", "04.01|B|1e graad", "|C|1e graad")
            .getBytes(StandardCharsets.UTF_8), new Onderwijsdoelen.Target(code, "", "", ""), false, Locale.ENGLISH, Fixtures.ADMIN);
        assertThat(r.errors()).extracting(ImportResult.Error::row).contains(2, 3);
        assertThat(frameworks.list(Fixtures.ADMIN, null)).noneMatch(f -> f.code().equals(code));
        assertThatThrownBy(() -> onderwijsdoelen.importExport("{\"x\":1}".getBytes(StandardCharsets.UTF_8),
            new Onderwijsdoelen.Target(code, "1", "n", ""), false, Locale.ENGLISH, Fixtures.ADMIN))
            .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> onderwijsdoelen.importExport("{\"onderwijsdoelen\":[".getBytes(StandardCharsets.UTF_8),
            new Onderwijsdoelen.Target(code, "1", "n", ""), false, Locale.ENGLISH, Fixtures.ADMIN))
            .isInstanceOf(FieldErrorsException.class);
        // a CSV export with the service's column names is read too
        var csv = onderwijsdoelen.importExport("Doelcode;Doelzin;Graad\n04.01;Toestellen gebruiken;1e graad\n".getBytes(StandardCharsets.UTF_8),
            new Onderwijsdoelen.Target(code, "2025", "Sleutelcompetentie 4", ""), true, Locale.ENGLISH, Fixtures.ADMIN);
        assertThat(csv.errors()).isEmpty();
        assertThat(csv.created()).isEqualTo(1);
    }

    @Test
    void theServerCallsTheOfficialApiWithItsKeyAndImportsTheAnswer() throws Exception {
        var seenKey = new AtomicReference<String>();
        var seenQuery = new AtomicReference<String>();
        String code = code();
        byte[] body = ("[{\"code\":\"4.1\",\"omschrijving\":{\"nl\":\"De leerlingen gebruiken digitale toestellen\"},\"graad\":\"1\","
            + "\"bouwsteen\":\"SC4\"},{\"code\":\"4.2\",\"omschrijving\":\"De leerlingen zoeken informatie\",\"graad\":\"1\","
            + "\"bouwsteen\":\"SC4\"}]").getBytes(StandardCharsets.UTF_8);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/onderwijsdoelen/v1/onderwijsdoelen", exchange -> {
            seenKey.set(exchange.getRequestHeaders().getFirst("apikey"));
            seenQuery.set(exchange.getRequestURI().getQuery());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken/onderwijsdoelen", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            var api = new Onderwijsdoelen(frameworks, url + "/onderwijsdoelen/v1/", "onderwijsdoelen", "geheim-123", "apikey", 5);
            var result = api.fetch("sleutelcompetentie=4&graad=1", new Onderwijsdoelen.Target(code, "2025", "SC4", ""), false,
                Locale.ENGLISH, Fixtures.ADMIN);
            assertThat(result.errors()).isEmpty();
            assertThat(seenKey.get()).isEqualTo("geheim-123");
            assertThat(seenQuery.get()).isEqualTo("sleutelcompetentie=4&graad=1&paginanr=1&rijen_per_pagina=500");
            var f = frameworks.byId(result.id());
            assertThat(f.leaves()).extracting(FrameworkView.CompetenceView::name)
                .containsExactly("De leerlingen gebruiken digitale toestellen", "De leerlingen zoeken informatie");
            var refused = new Onderwijsdoelen(frameworks, url + "/broken", "/onderwijsdoelen", "fout", "apikey", 5);
            assertThatThrownBy(() -> refused.fetch("", new Onderwijsdoelen.Target(code, "2026", "SC4", ""), false, Locale.ENGLISH,
                Fixtures.ADMIN)).isInstanceOf(FieldErrorsException.class);
            assertThatThrownBy(() -> api.fetch("a=<script>", new Onderwijsdoelen.Target(code, "2027", "SC4", ""), false, Locale.ENGLISH,
                Fixtures.ADMIN)).isInstanceOf(FieldErrorsException.class);
        } finally {
            server.stop(0);
        }
        var unreachable = new Onderwijsdoelen(frameworks, "http://127.0.0.1:1", "/onderwijsdoel", "k", "apikey", 2);
        assertThatThrownBy(() -> unreachable.fetch("", new Onderwijsdoelen.Target(code, "2028", "SC4", ""), false, Locale.ENGLISH,
            Fixtures.ADMIN)).isInstanceOf(FieldErrorsException.class);
        // only central admins may have the server fetch
        var coordinator = admin();
        mvc.perform(post("/api/v1/frameworks/onderwijsdoelen/fetch?code=" + code + "&version=9").with(httpBasic(coordinator.email(),
            Fixtures.PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void onlyCentralAdminsImportAndAdoptingKeepsToTheSchool() throws Exception {
        var school = fixtures.school();
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        mvc.perform(post("/api/v1/frameworks/import/onderwijsdoelen?code=" + code()).with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(export("1", "04.01|A|1e graad"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/frameworks/import/onderwijsdoelen").contentType(MediaType.APPLICATION_JSON).content("[]"))
            .andExpect(status().isUnauthorized());
        long digcomp = frameworks.shipped("digcomp").orElseThrow();
        lines.setUp(school.id(), digcomp, List.of("Taal"), null, Fixtures.ADMIN);
        String code = code();
        var other = onderwijsdoelen.importExport(export("1", "04.01|A|1e graad").getBytes(StandardCharsets.UTF_8),
            new Onderwijsdoelen.Target(code, "", "", ""), false, Locale.ENGLISH, Fixtures.ADMIN).id();
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        String base = "/api/v1/schools/" + school.code() + "/learning-line";
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email()).unchanged(base)
            .read(base + "/adopt?framework=" + other)
            .admin(HttpMethod.POST, base + "/adopt", "{\"framework\":" + other + ",\"version\":0}")
            .verify();
        assertThat(lines.requireLine(school.id(), Fixtures.ADMIN).frameworkId()).isEqualTo(other);
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .admin(HttpMethod.GET, "/schools/" + school.code() + "/learning/adopt?framework=" + digcomp, null)
            .admin(HttpMethod.POST, "/schools/" + school.code() + "/learning/adopt", "framework=" + digcomp + "&version=1")
            .verify();
        assertThat(lines.requireLine(school.id(), Fixtures.ADMIN).frameworkId()).isEqualTo(digcomp);
    }
}
