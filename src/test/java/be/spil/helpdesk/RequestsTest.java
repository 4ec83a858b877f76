package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class RequestsTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String coordinator;
    String director;
    PersonView teacher;
    String api;
    String tag;
    long softwareType;
    long purchaseType;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        director = fixtures.user(school, Role.DIRECTOR).email();
        teacher = fixtures.user(school, Role.STAFF);
        api = "/api/v1/schools/" + school.code();
        tag = json(post(api + "/assets"), "{\"category\":\"DESKTOP\",\"manufacturer\":\"HP\",\"model\":\"ProDesk\"}", coordinator)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"tag\":\"([^\"]+)\".*", "$1");
        softwareType = jdbc.sql("select id from ticket_request_type where code = 'software-install'").query(Long.class).single();
        purchaseType = jdbc.sql("select id from ticket_request_type where code = 'purchase'").query(Long.class).single();
    }

    ResultActions json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, String body, String user)
        throws Exception {
        return mvc.perform(b.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long ask(long type, String values, String user) throws Exception {
        String body = json(post(api + "/requests"), "{\"type\":" + type + ",\"values\":" + values + "}", user)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    @Test
    void anApprovedSoftwareRequestRecordsTheSoftwareOnTheAsset() throws Exception {
        long n = ask(softwareType, "{\"asset\":\"" + tag.toLowerCase() + "\",\"software\":\"GeoGebra Classic\",\"reason\":\"Wiskundeles\"}",
            teacher.email());
        mvc.perform(get(api + "/tickets/" + n + "/request").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.approval").value("PENDING"))
            .andExpect(jsonPath("$.answers[0].value").value(tag))
            .andExpect(jsonPath("$.canDecide").value(false));
        mvc.perform(get(api + "/tickets/" + n).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.assetTag").value(tag)).andExpect(jsonPath("$.status").value("NEW"));
        // the teacher and the director (a software request is the coordinator's) may not decide
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"APPROVE\"}", teacher.email()).andExpect(status().isForbidden());
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"APPROVE\"}", director).andExpect(status().isForbidden());
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"MAYBE\"}", coordinator).andExpect(status().isBadRequest());
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"APPROVE\",\"reason\":\"Akkoord, licentie is gratis\"}", coordinator)
            .andExpect(status().isOk()).andExpect(jsonPath("$.approval").value("APPROVED"));
        mvc.perform(get(api + "/assets/" + tag + "/software").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$[0].title").value("GeoGebra Classic"));
        mvc.perform(get(api + "/tickets/" + n).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.status").value("RESOLVED"))
            .andExpect(jsonPath("$.comments[0].body", containsString("goedgekeurd")));
        // decided once only
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"REFUSE\",\"reason\":\"toch niet\"}", coordinator)
            .andExpect(status().isConflict());
    }

    @Test
    void theDirectorRefusesAPurchaseWithAReason() throws Exception {
        long n = ask(purchaseType, "{\"item\":\"3D-printer\",\"quantity\":\"1\",\"price\":\"1299,50\",\"reason\":\"STEM\"}",
            teacher.email());
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"REFUSE\"}", director).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"REFUSE\",\"reason\":\"Geen budget dit jaar\"}", coordinator)
            .andExpect(status().isForbidden());
        json(post(api + "/tickets/" + n + "/approval"), "{\"decision\":\"REFUSE\",\"reason\":\"Geen budget dit jaar\"}", director)
            .andExpect(status().isOk()).andExpect(jsonPath("$.approval").value("REFUSED"))
            .andExpect(jsonPath("$.reason").value("Geen budget dit jaar"));
        mvc.perform(get(api + "/tickets/" + n).with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.status").value("RESOLVED"))
            .andExpect(jsonPath("$.description", containsString("Geschatte prijs (EUR): 1299.50")))
            .andExpect(jsonPath("$.comments[0].body", containsString("Geen budget dit jaar")));
    }

    @Test
    void badRequestsAreClearErrorsAndWriteNothing() throws Exception {
        long before = jdbc.sql("select count(*) from ticket where school_id = :s").param("s", school.id()).query(Long.class).single();
        String path = api + "/requests";
        json(post(path), "{\"type\":" + purchaseType + ",\"values\":{}}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("values.item"));
        json(post(path), "{\"type\":" + purchaseType + ",\"values\":{\"item\":\"x\",\"quantity\":\"veel\",\"reason\":\"r\"}}", teacher.email())
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("values.quantity"));
        json(post(path), "{\"type\":" + purchaseType + ",\"values\":{\"item\":\"" + "x".repeat(1001) + "\",\"quantity\":\"1\",\"reason\":\"r\"}}",
            teacher.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("values.item"));
        json(post(path), "{\"type\":" + purchaseType + ",\"values\":{\"item\":\"x\",\"quantity\":\"1\",\"reason\":\"r\",\"hack\":\"1\"}}",
            teacher.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("values.hack"));
        json(post(path), "{\"type\":" + softwareType + ",\"values\":{\"asset\":\"NOPE-1\",\"software\":\"x\",\"reason\":\"r\"}}",
            teacher.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("values.asset"));
        long newAccount = jdbc.sql("select id from ticket_request_type where code = 'new-account'").query(Long.class).single();
        json(post(path), "{\"type\":" + newAccount + ",\"values\":{\"person\":\"An\",\"accountKind\":\"Robot\",\"startDate\":\"morgen\"}}",
            teacher.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("values.accountKind"))
            .andExpect(jsonPath("$.errors[1].field").value("values.startDate"));
        json(post(path), "{\"type\":999999,\"values\":{}}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("type"));
        json(post(path), "{\"type\":\"software\"}", teacher.email()).andExpect(status().isBadRequest());
        json(post(path), "{}", teacher.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        // another school's own request type
        var other = fixtures.school();
        String otherCoordinator = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String otherType = json(post("/api/v1/schools/" + other.code() + "/request-types"),
            "{\"name\":\"Elders\",\"approver\":\"DIRECTOR\",\"fields\":[{\"label\":\"Wat\",\"kind\":\"TEXT\",\"required\":true}]}",
            otherCoordinator).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
            .replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
        json(post(path), "{\"type\":" + otherType + ",\"values\":{\"f1\":\"x\"}}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("type"));
        // text is kept as written
        long n = ask(purchaseType, "{\"item\":\"<script>alert(1)</script>\",\"quantity\":\"2\",\"reason\":\"r\"}", teacher.email());
        mvc.perform(get(api + "/tickets/" + n + "/request").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.answers[0].value").value("<script>alert(1)</script>"));
        assertThat(jdbc.sql("select count(*) from ticket where school_id = :s").param("s", school.id()).query(Long.class).single())
            .isEqualTo(before + 1);
    }

    @Test
    void aSchoolMakesItsOwnRequestTypeWithItsFields() throws Exception {
        String path = api + "/request-types";
        json(post(path), "{\"name\":\"\",\"approver\":\"DIRECTOR\",\"fields\":[]}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        json(post(path), "{\"name\":\"Lokaal\",\"approver\":\"BOSS\",\"fields\":[]}", coordinator).andExpect(status().isBadRequest());
        json(post(path), "{\"name\":\"Lokaal\",\"approver\":\"DIRECTOR\",\"fields\":[{\"label\":\"Welk\",\"kind\":\"CHOICE\",\"choices\":\"A\"}]}",
            coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fields[0].choices"));
        json(post(path), "{\"name\":\"Lokaal\",\"approver\":\"DIRECTOR\",\"fields\":[{\"label\":\"W\",\"kind\":\"TEXT\"}]}", teacher.email())
            .andExpect(status().isForbidden());
        String body = json(post(path), "{\"name\":\"Lokaal reserveren voor examens\",\"approver\":\"DIRECTOR\",\"fields\":["
                + "{\"label\":\"Welk lokaal\",\"kind\":\"CHOICE\",\"required\":true,\"choices\":\"A.1; A.2 ;B.1\"},"
                + "{\"label\":\"Hoeveel pc's\",\"kind\":\"NUMBER\"},{\"label\":\"Wanneer\",\"kind\":\"DATE\",\"required\":true}]}", coordinator)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.fields[0].choices[1]").value("A.2"))
            .andExpect(jsonPath("$.fields[2].name").value("f3"))
            .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        json(post(path), "{\"name\":\"lokaal reserveren voor examens\",\"approver\":\"DIRECTOR\",\"fields\":[{\"label\":\"W\",\"kind\":\"TEXT\"}]}",
            coordinator).andExpect(status().isConflict());
        long n = ask(id, "{\"f1\":\"a.2\",\"f3\":\"2026-06-15\"}", teacher.email());
        mvc.perform(get(api + "/tickets/" + n + "/request").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.answers[0].value").value("A.2")).andExpect(jsonPath("$.answers[1].value").value("2026-06-15"));
        // the group's types are the central admin's to archive
        json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path + "/" + softwareType),
            "{\"archived\":true,\"version\":0}", coordinator).andExpect(status().isForbidden());
        json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path + "/" + id),
            "{\"archived\":true,\"version\":5}", coordinator).andExpect(status().isConflict());
        json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(path + "/" + id),
            "{\"archived\":true,\"version\":0}", coordinator).andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        json(post(api + "/requests"), "{\"type\":" + id + ",\"values\":{\"f1\":\"A.1\",\"f3\":\"2026-06-15\"}}", teacher.email())
            .andExpect(status().isBadRequest());
    }

    @Test
    void everyEndpointKeepsToItsSchool() throws Exception {
        long n = ask(purchaseType, "{\"item\":\"Beamer\",\"quantity\":\"1\",\"reason\":\"kapot\"}", teacher.email());
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        TenancyCheck.api(mvc).outsider(outsider).manager(director).staff(teacher.email())
            .unchanged(api + "/tickets/" + n + "/request")
            .read(api + "/request-types")
            .read(api + "/tickets/" + n + "/request")
            .admin(HttpMethod.POST, api + "/request-types", "{\"name\":\"Nieuw " + Fixtures.unique() + "\",\"approver\":\"DIRECTOR\","
                + "\"fields\":[{\"label\":\"Wat\",\"kind\":\"TEXT\"}]}")
            .admin(HttpMethod.POST, api + "/tickets/" + n + "/approval", "{\"decision\":\"APPROVE\",\"reason\":\"ok\"}")
            .verify();
        long m = ask(purchaseType, "{\"item\":\"Scherm\",\"quantity\":\"1\",\"reason\":\"kapot\"}", teacher.email());
        String base = "/schools/" + school.code();
        TenancyCheck.ui(mvc).outsider(outsider).manager(director).staff(teacher.email())
            .read(base + "/requests/new")
            .read(base + "/requests/new?type=" + purchaseType)
            .admin(HttpMethod.GET, base + "/request-types", null)
            .admin(HttpMethod.POST, base + "/request-types", "name=Ander+" + Fixtures.unique() + "&approver=DIRECTOR&fieldLabel=Wat&fieldKind=TEXT&fieldRequired=true&fieldChoices=")
            .admin(HttpMethod.POST, base + "/tickets/" + m + "/approval", "decision=approve&reason=ok")
            .verify();
        mvc.perform(post(api + "/requests").with(httpBasic(outsider, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":" + purchaseType + ",\"values\":{}}")).andExpect(status().isNotFound());
    }

    @Test
    void theRequestPagesWork() throws Exception {
        MockHttpSession session = TenancyCheck.signIn(mvc, teacher.email());
        String base = "/schools/" + school.code();
        String choose = mvc.perform(get(base + "/requests/new").session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        assertThat(choose).contains("Toestemming om software te installeren op een pc die niet op de server staat", "Aankoopaanvraag");
        String form = mvc.perform(get(base + "/requests/new?type=" + purchaseType).session(session)).andReturn().getResponse()
            .getContentAsString();
        assertThat(form).contains("name=\"v_item\"", "name=\"v_quantity\"", "inputmode=\"decimal\"", "for=\"v_item\"");
        String error = mvc.perform(post(base + "/requests").session(session).with(csrf()).param("type", String.valueOf(purchaseType))
                .param("v_item", "<script>alert(1)</script>").param("v_quantity", "veel").param("v_reason", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("Geef een getal.", "aria-describedby=\"v_quantity-error\"", "Waarom is verplicht.",
            "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
        String location = mvc.perform(post(base + "/requests").session(session).with(csrf()).param("type", String.valueOf(purchaseType))
                .param("v_item", "Koptelefoons").param("v_quantity", "25").param("v_reason", "Luistertoetsen"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"requestPanel\"", "Wacht op goedkeuring", "Koptelefoons").doesNotContain("id=\"approvalForm\"");
        var directorSession = TenancyCheck.signIn(mvc, director);
        assertThat(mvc.perform(get(location).session(directorSession)).andReturn().getResponse().getContentAsString())
            .contains("id=\"approvalForm\"");
        mvc.perform(post(location + "/approval").session(directorSession).with(csrf()).param("decision", "refuse").param("reason", ""))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/approval").session(directorSession).with(csrf()).param("decision", "approve").param("reason", "Ok"))
            .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(location).session(session)).andReturn().getResponse().getContentAsString())
            .contains("Goedgekeurd", "In behandeling");
        String types = mvc.perform(get(base + "/request-types").session(directorSession)).andExpect(status().isOk()).andReturn()
            .getResponse().getContentAsString();
        assertThat(types).contains("Aankoopaanvraag", "name=\"fieldLabel\"");
        String bad = mvc.perform(post(base + "/request-types").session(directorSession).with(csrf()).param("name", "")
                .param("approver", "DIRECTOR").param("fieldLabel", "Wat").param("fieldKind", "SECRET").param("fieldRequired", "true")
                .param("fieldChoices", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Onbekende waarde: SECRET.");
    }
}
