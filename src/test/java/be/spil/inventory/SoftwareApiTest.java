package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class SoftwareApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    SchoolView school;
    String coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        base = "/api/v1/schools/" + school.code();
    }

    private ResultActions send(HttpMethod method, String path, String json, String user) throws Exception {
        var builder = method == HttpMethod.POST ? post(base + path) : patch(base + path);
        return mvc.perform(builder.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return send(HttpMethod.POST, path, json, coordinator);
    }

    private ResultActions patchJson(String path, String json) throws Exception {
        return send(HttpMethod.PATCH, path, json, coordinator);
    }

    private ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    private static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private long title(String name) throws Exception {
        return id(postJson("/software/titles", "{\"name\":\"" + name + "\",\"publisher\":\"Pub\",\"category\":\"OFFICE\","
            + "\"platform\":\"WINDOWS\"}").andExpect(status().isCreated()));
    }

    private String asset(String status) throws Exception {
        String json = mvc.perform(post(base + "/assets").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"LAPTOP\",\"status\":\"" + status + "\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.tag");
    }

    private void install(String tag, long title) throws Exception {
        postJson("/software/installations", "{\"asset\":\"" + tag + "\",\"titleId\":" + title + "}").andExpect(status().isCreated());
    }

    @Test
    void titlesAreCreatedChangedWithTheirVersionAndListed() throws Exception {
        long id = title("Microsoft Office 365");
        postJson("/software/titles", "{\"name\":\"microsoft OFFICE 365\",\"category\":\"OFFICE\",\"platform\":\"WINDOWS\"}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("name"))
            .andExpect(jsonPath("$.errors[0].message", containsString("Microsoft Office 365")));
        patchJson("/software/titles/" + id, "{\"publisher\":\"Microsoft\",\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.publisher").value("Microsoft")).andExpect(jsonPath("$.version").value(1));
        patchJson("/software/titles/" + id, "{\"publisher\":\"Other\",\"version\":0}").andExpect(status().isConflict());
        patchJson("/software/titles/" + id, "{\"archived\":true,\"version\":1}").andExpect(status().isOk())
            .andExpect(jsonPath("$.archived").value(true));
        getJson("/software/titles?q=office", coordinator).andExpect(jsonPath("$.total").value(0));
        getJson("/software/titles?q=office&archived=true", coordinator).andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].publisher").value("Microsoft"));
    }

    @Test
    void badTitlesAreRefusedNamingTheField() throws Exception {
        postJson("/software/titles", "{\"name\":\"\",\"category\":\"OFFICE\",\"platform\":\"WINDOWS\"}")
            .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/software/titles", "{\"name\":\"" + "x".repeat(201) + "\",\"category\":\"OFFICE\",\"platform\":\"WINDOWS\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/software/titles", "{\"name\":\"X\",\"category\":\"GAMES\",\"platform\":\"WINDOWS\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("category")));
        postJson("/software/titles", "{\"name\":\"X\",\"category\":\"OFFICE\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("platform"));
        getJson("/software/titles", coordinator).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badLicencesAreRefusedAndChangeNothing() throws Exception {
        long title = title("GeoGebra");
        var other = fixtures.school();
        var otherCoordinator = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String otherTitle = mvc.perform(post("/api/v1/schools/" + other.code() + "/software/titles")
                .with(httpBasic(otherCoordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Other\",\"category\":\"OFFICE\",\"platform\":\"WEB\"}"))
            .andReturn().getResponse().getContentAsString();
        long otherTitleId = ((Number) JsonPath.read(otherTitle, "$.id")).longValue();

        postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"PER_DEVICE\",\"seats\":-5}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("seats"));
        postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"PER_DEVICE\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("seats"));
        postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"SITE\",\"startDate\":\"2026-09-01\","
            + "\"endDate\":\"2026-08-31\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("endDate"));
        postJson("/software/licences", "{\"titleId\":" + otherTitleId + ",\"type\":\"SITE\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("titleId"));
        postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"FOREVER\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("type")));
        postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"SITE\",\"cost\":\"-1\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("cost"));
        postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"SITE\",\"licenceKey\":\"" + "k".repeat(1001) + "\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("licenceKey"));
        getJson("/software/licences", coordinator).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void onlyTheIctTeamReadsLicenceKeysAndTheHistoryNeverShowsThem() throws Exception {
        long title = title("Adobe Creative Cloud");
        long licence = id(postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"PER_USER\",\"seats\":10,"
            + "\"cost\":\"1200.50\",\"licenceKey\":\"SECRET-KEY-1234\"}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.licenceKey").value("SECRET-KEY-1234")).andExpect(jsonPath("$.cost").value("1200.50")));
        var staff = fixtures.user(school, Role.STAFF).email();
        var technician = fixtures.user(school, Role.TECHNICIAN).email();
        for (String user : new String[] {staff, technician}) {
            String json = getJson("/software/licences/" + licence, user).andExpect(status().isOk())
                .andExpect(jsonPath("$.keyStored").value(true)).andReturn().getResponse().getContentAsString();
            assertThat(json).doesNotContain("SECRET").doesNotContain("licenceKey");
            assertThat(getJson("/software/licences", user).andReturn().getResponse().getContentAsString()).doesNotContain("SECRET");
        }
        send(HttpMethod.PATCH, "/software/licences/" + licence, "{\"seats\":20,\"version\":0}", technician)
            .andExpect(status().isForbidden());
        // an absent key keeps it, a new one replaces it, an empty one clears it
        patchJson("/software/licences/" + licence, "{\"seats\":12,\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.licenceKey").value("SECRET-KEY-1234")).andExpect(jsonPath("$.seats").value(12));
        patchJson("/software/licences/" + licence, "{\"licenceKey\":\"SECRET-NEW\",\"version\":1}").andExpect(status().isOk())
            .andExpect(jsonPath("$.licenceKey").value("SECRET-NEW"));
        patchJson("/software/licences/" + licence, "{\"seats\":14,\"version\":1}").andExpect(status().isConflict());
        patchJson("/software/licences/" + licence, "{\"licenceKey\":\"\",\"version\":2}").andExpect(status().isOk())
            .andExpect(jsonPath("$.keyStored").value(false));
        var session = TenancyCheck.signIn(mvc, coordinator);
        String page = mvc.perform(get("/schools/" + school.code() + "/software/licences/" + licence).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("SECRET").contains("•••• ");
        var staffSession = TenancyCheck.signIn(mvc, staff);
        patchJson("/software/licences/" + licence, "{\"licenceKey\":\"SECRET-AGAIN\",\"version\":3}").andExpect(status().isOk());
        String staffPage = mvc.perform(get("/schools/" + school.code() + "/software/licences/" + licence).session(staffSession))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).doesNotContain("SECRET");
        String coordinatorPage = mvc.perform(get("/schools/" + school.code() + "/software/licences/" + licence).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(coordinatorPage).contains("SECRET-AGAIN");
    }

    @Test
    void installationsAreRecordedOncePerAssetAndRemovedWithoutDeleting() throws Exception {
        long title = title("VLC");
        String tag = asset("IN_USE");
        var created = postJson("/software/installations", "{\"asset\":\"" + tag + "\",\"titleId\":" + title + ",\"versionText\":\"3.0\"}")
            .andExpect(status().isCreated()).andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.source").value("MANUAL")).andExpect(jsonPath("$.assetTag").value(tag));
        long installation = id(created);
        postJson("/software/installations", "{\"asset\":\"" + tag + "\",\"titleId\":" + title + "}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].message", containsString(tag)));
        postJson("/software/installations", "{\"asset\":\"NOPE-1\",\"titleId\":" + title + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("asset"));
        postJson("/software/installations", "{\"asset\":\"" + tag + "\",\"titleId\":" + title + ",\"versionText\":\""
            + "v".repeat(101) + "\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("versionText"));
        getJson("/assets/" + tag + "/software", coordinator).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)))
            .andExpect(jsonPath("$[0].title").value("VLC")).andExpect(jsonPath("$[0].versionText").value("3.0"));
        patchJson("/software/installations/" + installation, "{\"removed\":true,\"version\":5}").andExpect(status().isConflict());
        patchJson("/software/installations/" + installation, "{\"removed\":true,\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.removed").value(true));
        getJson("/assets/" + tag + "/software", coordinator).andExpect(jsonPath("$", hasSize(0)));
        getJson("/assets/" + tag + "/history", coordinator).andExpect(jsonPath("$.audit[0].changes[0].field").value("software"));
        install(tag, title);
        getJson("/software/installations?asset=" + tag, coordinator).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void complianceCountsSeatsAgainstInstallationsAndListsExpiringLicences() throws Exception {
        long office = title("Office");
        long firefox = title("Firefox");
        long old = title("Old tool");
        LocalDate today = LocalDate.now();
        postJson("/software/licences", "{\"titleId\":" + office + ",\"type\":\"PER_DEVICE\",\"seats\":2,\"endDate\":\""
            + today.plusDays(30) + "\"}").andExpect(status().isCreated());
        postJson("/software/licences", "{\"titleId\":" + office + ",\"type\":\"PER_DEVICE\",\"seats\":50,\"endDate\":\""
            + today.minusDays(1) + "\"}").andExpect(status().isCreated());
        postJson("/software/licences", "{\"titleId\":" + firefox + ",\"type\":\"FREE\",\"seats\":1}").andExpect(status().isCreated());
        for (int i = 0; i < 3; i++) {
            String tag = asset("IN_USE");
            install(tag, office);
            install(tag, firefox);
        }
        String retired = asset("IN_STOCK");
        install(retired, office);
        install(retired, old);
        patchJson("/assets/" + retired, "{\"status\":\"RETIRED\",\"reason\":\"oud\",\"version\":0}").andExpect(status().isOk());
        getJson("/software/compliance", fixtures.user(school, Role.STAFF).email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.overUsed").value(1))
            .andExpect(jsonPath("$.titles", hasSize(2)))
            .andExpect(jsonPath("$.titles[0].title").value("Office"))
            .andExpect(jsonPath("$.titles[0].seats").value(2))
            .andExpect(jsonPath("$.titles[0].used").value(3))
            .andExpect(jsonPath("$.titles[0].overUse").value(1))
            .andExpect(jsonPath("$.titles[1].title").value("Firefox"))
            .andExpect(jsonPath("$.titles[1].unlimited").value(true))
            .andExpect(jsonPath("$.titles[1].overUse").value(0))
            .andExpect(jsonPath("$.expiring", hasSize(1)))
            .andExpect(jsonPath("$.expiring[0].title").value("Office"));
    }

    @Test
    void scriptInTextIsShownAsText() throws Exception {
        long title = title("<script>alert(1)</script>");
        var session = TenancyCheck.signIn(mvc, coordinator);
        for (String page : new String[] {"/schools/" + school.code() + "/software", "/schools/" + school.code() + "/software/titles/" + title}) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void softwareEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        long title = title("Scratch");
        String tag = asset("IN_USE");
        long licence = id(postJson("/software/licences", "{\"titleId\":" + title + ",\"type\":\"SITE\"}"));
        long installation = id(postJson("/software/installations", "{\"asset\":\"" + tag + "\",\"titleId\":" + title + "}"));
        String tag2 = asset("IN_USE");
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/software/compliance")
            .read(base + "/software/titles").read(base + "/software/titles/" + title)
            .read(base + "/software/licences").read(base + "/software/licences/" + licence)
            .read(base + "/software/installations").read(base + "/software/installations/" + installation)
            .read(base + "/software/compliance").read(base + "/assets/" + tag + "/software")
            .admin(HttpMethod.POST, base + "/software/titles", "{\"name\":\"New\",\"category\":\"OTHER\",\"platform\":\"WEB\"}")
            .admin(HttpMethod.PATCH, base + "/software/titles/" + title, "{\"publisher\":\"MIT\",\"version\":0}")
            .admin(HttpMethod.POST, base + "/software/licences", "{\"titleId\":" + title + ",\"type\":\"FREE\"}")
            .admin(HttpMethod.PATCH, base + "/software/licences/" + licence, "{\"notes\":\"n\",\"version\":0}")
            .admin(HttpMethod.POST, base + "/software/installations", "{\"asset\":\"" + tag2 + "\",\"titleId\":" + title + "}")
            .admin(HttpMethod.PATCH, base + "/software/installations/" + installation, "{\"removed\":true,\"version\":0}")
            .verify();
    }
}
