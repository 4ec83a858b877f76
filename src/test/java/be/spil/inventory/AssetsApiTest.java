package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.OrganisationForm;
import be.spil.directory.OrganisationKind;
import be.spil.directory.Organisations;
import be.spil.school.BuildingForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
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
class AssetsApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Rooms rooms;
    @Autowired Organisations organisations;

    SchoolView school;
    String coordinator;
    String base;
    String prefix;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        base = "/api/v1/schools/" + school.code() + "/assets";
        prefix = AssetTags.prefix(school.code());
    }

    private ResultActions postJson(String json) throws Exception {
        return postJson(json, coordinator);
    }

    private ResultActions postJson(String json, String user) throws Exception {
        return mvc.perform(post(base).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions patchJson(String tag, String json) throws Exception {
        return mvc.perform(patch(base + "/" + tag).with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions getJson(String path) throws Exception {
        return getJson(path, coordinator);
    }

    private ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    private long room(SchoolView s, String name) {
        long b = rooms.createBuilding(s.id(), new BuildingForm("Gebouw " + name, null, null), Fixtures.ADMIN).id();
        return rooms.createRoom(s.id(), new RoomForm(b, name, RoomType.COMPUTER_ROOM, 0, 24, null), Fixtures.ADMIN).id();
    }

    private static String tag(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"tag\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void registersAssetsWithNumberedTagsAndASharedModel() throws Exception {
        long room = room(school, "B.12");
        String modelName = "Latitude " + Fixtures.unique();
        long supplier = organisations.create(new OrganisationForm("Leverancier " + Fixtures.unique(), OrganisationKind.SUPPLIER,
            null, null, null, null, null, null, null, null), Fixtures.ADMIN).id();
        String first = tag(postJson("""
            {"category":"LAPTOP","manufacturer":"Dell","model":"%s","serial":"5CG1234","roomId":%d,"supplierId":%d,
             "orderReference":"PO-77","purchaseDate":"2026-09-01","price":"649.99","warrantyEnd":"2029-09-01",
             "hostname":"lt-0001","macAddresses":"aa-bb-cc-dd-ee-ff","ipAddress":"10.0.0.12","notes":"Leerkrachtenlaptop"}
            """.formatted(modelName, room, supplier))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/" + prefix + "-")))
            .andExpect(jsonPath("$.tag").value(matchesPattern(prefix + "-\\d{6}")))
            .andExpect(jsonPath("$.status").value("IN_STOCK"))
            .andExpect(jsonPath("$.manufacturer").value("Dell"))
            .andExpect(jsonPath("$.model").value(modelName))
            .andExpect(jsonPath("$.room").value("Gebouw B.12 B.12"))
            .andExpect(jsonPath("$.price").value("649.99"))
            .andExpect(jsonPath("$.purchaseDate").value("2026-09-01"))
            .andExpect(jsonPath("$.macAddresses[0]").value("AA:BB:CC:DD:EE:FF"))
            .andExpect(jsonPath("$.supplierId").value(supplier))
            .andExpect(jsonPath("$.version").value(0)));
        String second = tag(postJson("{\"category\":\"LAPTOP\",\"manufacturer\":\" dell \",\"model\":\"" + modelName.toUpperCase() + "\",\"serial\":\"Default string\"}")
            .andExpect(status().isCreated()).andExpect(jsonPath("$.serial").doesNotExist())
            .andExpect(jsonPath("$.manufacturer").value("Dell")));
        assertThat(Long.parseLong(second.substring(prefix.length() + 1))).isEqualTo(Long.parseLong(first.substring(prefix.length() + 1)) + 1);
        // a third with another junk serial: no duplicate, because junk counts as none
        postJson("{\"category\":\"DESKTOP\",\"serial\":\"To be filled by O.E.M.\",\"tag\":\"eigen-1\",\"status\":\"ORDERED\"}")
            .andExpect(status().isCreated()).andExpect(jsonPath("$.tag").value("EIGEN-1")).andExpect(jsonPath("$.status").value("ORDERED"));
        getJson("/" + first).andExpect(status().isOk()).andExpect(jsonPath("$.serial").value("5CG1234"));
        getJson("/" + first.toLowerCase()).andExpect(status().isOk());
        String models = mvc.perform(get("/api/v1/models?q=" + modelName.toLowerCase()).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(models).contains("\"manufacturer\":\"Dell\"", "\"name\":\"" + modelName + "\"");
        mvc.perform(get("/api/v1/models?category=LAPTOP&q=" + modelName).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].assets").value(2));
        mvc.perform(get("/api/v1/models?category=PLANT").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/models")).andExpect(status().isUnauthorized());
    }

    @Test
    void listsSearchesFiltersSortsAndPages() throws Exception {
        long room = room(school, "C.01");
        var pupil = fixtures.pupil(school, "Noor", "Claes", null);
        postJson("{\"category\":\"LAPTOP\",\"manufacturer\":\"HP\",\"model\":\"ProBook 450\",\"serial\":\"SN-A\",\"warrantyEnd\":\"2000-01-01\"}")
            .andExpect(status().isCreated());
        String tablet = tag(postJson("{\"category\":\"TABLET\",\"manufacturer\":\"Apple\",\"model\":\"iPad 10\",\"hostname\":\"ipad-noor\","
            + "\"roomId\":" + room + ",\"warrantyEnd\":\"2099-01-01\",\"assignedTo\":{\"type\":\"PERSON\",\"id\":" + pupil.id() + "}}")
            .andExpect(status().isCreated()).andExpect(jsonPath("$.assignedTo.name").value("Noor Claes")));
        postJson("{\"category\":\"PROJECTOR\",\"manufacturer\":\"Epson\",\"model\":\"EB-W49\",\"roomId\":" + room + "}")
            .andExpect(status().isCreated());
        getJson("").andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.items", hasSize(3)));
        getJson("?q=noor").andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].tag").value(tablet));
        getJson("?q=IPAD").andExpect(jsonPath("$.total").value(1));
        getJson("?q=sn-a").andExpect(jsonPath("$.total").value(1));
        getJson("?q=" + tablet).andExpect(jsonPath("$.total").value(1));
        getJson("?q=probook").andExpect(jsonPath("$.items[0].category").value("LAPTOP"));
        getJson("?q=100%").andExpect(jsonPath("$.total").value(0));
        getJson("?category=PROJECTOR").andExpect(jsonPath("$.total").value(1));
        getJson("?room=" + room).andExpect(jsonPath("$.total").value(2));
        getJson("?room=" + room + "&category=TABLET").andExpect(jsonPath("$.total").value(1));
        getJson("?person=" + pupil.id()).andExpect(jsonPath("$.total").value(1));
        getJson("?status=IN_STOCK").andExpect(jsonPath("$.total").value(3));
        getJson("?status=IN_USE").andExpect(jsonPath("$.total").value(0));
        getJson("?warrantyDays=36500").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("warrantyDays"));
        getJson("?warrantyDays=3650").andExpect(jsonPath("$.total").value(0));
        getJson("?sort=model,desc").andExpect(jsonPath("$.items[0].manufacturer").value("HP"));
        getJson("?sort=model,asc").andExpect(jsonPath("$.items[0].manufacturer").value("Apple"));
        getJson("?sort=price").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        getJson("?size=2&page=1").andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.total").value(3))
            .andExpect(jsonPath("$.page").value(1));
        getJson("?size=501").andExpect(status().isBadRequest());
        getJson("?status=BROKEN").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        getJson("?room=abc").andExpect(status().isBadRequest());
        getJson("", fixtures.user(school, Role.STAFF).email()).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void changesStatusWithReasonAssignsAndKeepsTheHistory() throws Exception {
        long room = room(school, "D.01");
        var teacher = fixtures.user(school, Role.STAFF);
        long group = fixtures.group(school, "5A", 5);
        String tag = tag(postJson("{\"category\":\"CHROMEBOOK\",\"manufacturer\":\"Acer\",\"model\":\"C733\"}").andExpect(status().isCreated()));
        patchJson(tag, "{\"status\":\"IN_USE\",\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("reason"));
        patchJson(tag, "{\"status\":\"DISPOSED\",\"reason\":\"weg\",\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("status"));
        patchJson(tag, "{\"status\":\"IN_USE\",\"reason\":\"Uitgedeeld\",\"assignedTo\":{\"type\":\"PERSON\",\"id\":" + teacher.id() + "},"
            + "\"roomId\":" + room + ",\"version\":0}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_USE"))
            .andExpect(jsonPath("$.assignedTo.type").value("PERSON"));
        int v = version(tag);
        patchJson(tag, "{\"assignedTo\":{\"type\":\"GROUP\",\"id\":" + group + "},\"version\":" + v + "}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.assignedTo.name").value("5A"));
        patchJson(tag, "{\"status\":\"IN_REPAIR\",\"reason\":\"Scherm gebarsten\",\"version\":" + version(tag) + "}").andExpect(status().isOk());
        patchJson(tag, "{\"unassign\":true,\"status\":\"RETIRED\",\"reason\":\"Niet meer te herstellen\",\"version\":" + version(tag) + "}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.assignedTo").doesNotExist()).andExpect(jsonPath("$.status").value("RETIRED"));
        patchJson(tag, "{\"assignedTo\":{\"type\":\"ROOM\",\"id\":" + room + "},\"version\":" + version(tag) + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assignee"));
        getJson("/" + tag + "/history").andExpect(status().isOk())
            .andExpect(jsonPath("$.status[0].from").value("IN_REPAIR")).andExpect(jsonPath("$.status[0].to").value("RETIRED"))
            .andExpect(jsonPath("$.status[0].reason").value("Niet meer te herstellen"))
            .andExpect(jsonPath("$.status[1].to").value("IN_REPAIR"))
            .andExpect(jsonPath("$.status[2].to").value("IN_USE"))
            .andExpect(jsonPath("$.status[3].to").value("IN_STOCK"))
            .andExpect(jsonPath("$.assignments", hasSize(2)))
            .andExpect(jsonPath("$.assignments[0].name").value("5A"))
            .andExpect(jsonPath("$.assignments[0].until").exists())
            .andExpect(jsonPath("$.assignments[1].type").value("PERSON"))
            .andExpect(jsonPath("$.assignments[1].until").exists())
            .andExpect(jsonPath("$.audit[0].actor").value(containsString(coordinator)))
            .andExpect(jsonPath("$.audit[?(@.action == 'CREATED')]").exists());
        // retired, not deleted: still found
        getJson("?status=RETIRED").andExpect(jsonPath("$.total").value(1));
    }

    private int version(String tag) throws Exception {
        String json = getJson("/" + tag).andReturn().getResponse().getContentAsString();
        return Integer.parseInt(json.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
    }

    @Test
    void duplicateTagsAndSerialsAreRefusedNamingTheExistingAsset() throws Exception {
        String existing = tag(postJson("{\"category\":\"LAPTOP\",\"manufacturer\":\"Lenovo\",\"model\":\"T14\",\"serial\":\"PF-1\"}")
            .andExpect(status().isCreated()));
        postJson("{\"category\":\"LAPTOP\",\"serial\":\" PF-1 \"}").andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("serial"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString(existing)))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("Lenovo T14")));
        postJson("{\"category\":\"LAPTOP\",\"tag\":\"" + existing.toLowerCase() + "\"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("tag"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString(existing)));
        String other = tag(postJson("{\"category\":\"LAPTOP\",\"serial\":\"PF-2\"}").andExpect(status().isCreated()));
        patchJson(other, "{\"serial\":\"PF-1\",\"version\":0}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].message").value(containsString(existing)));
        patchJson(other, "{\"tag\":\"" + existing + "\",\"version\":0}").andExpect(status().isConflict());
        // the same serial in another school is fine
        var otherSchool = fixtures.school();
        var otherCoordinator = fixtures.user(otherSchool, Role.ICT_COORDINATOR).email();
        mvc.perform(post("/api/v1/schools/" + otherSchool.code() + "/assets").with(httpBasic(otherCoordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"LAPTOP\",\"serial\":\"PF-1\"}")).andExpect(status().isCreated());
        getJson("").andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void badInputGetsAProblemThatNamesTheFieldAndStoresNothing() throws Exception {
        var otherSchool = fixtures.school();
        long foreignRoom = room(otherSchool, "X.1");
        var foreignPerson = fixtures.user(otherSchool, Role.STAFF);
        String[][] cases = {
            {"{}", "category"},
            {"{\"category\":\"\"}", "category"},
            {"{\"category\":\"PLANT\"}", "category"},
            {"{\"category\":42}", "category"},
            {"{\"category\":\"LAPTOP\",\"serial\":\"" + "s".repeat(101) + "\"}", "serial"},
            {"{\"category\":\"LAPTOP\",\"notes\":\"" + "n".repeat(4001) + "\"}", "notes"},
            {"{\"category\":\"LAPTOP\",\"tag\":\"bad tag!\"}", "tag"},
            {"{\"category\":\"LAPTOP\",\"price\":\"-1\"}", "price"},
            {"{\"category\":\"LAPTOP\",\"price\":\"12.345\"}", "price"},
            {"{\"category\":\"LAPTOP\",\"price\":\"veel\"}", "price"},
            {"{\"category\":\"LAPTOP\",\"purchaseDate\":\"31/12/2026\"}", "purchaseDate"},
            {"{\"category\":\"LAPTOP\",\"purchaseDate\":\"2026-02-30\"}", "purchaseDate"},
            {"{\"category\":\"LAPTOP\",\"purchaseDate\":\"2026-09-01\",\"warrantyEnd\":\"2026-01-01\"}", "warrantyEnd"},
            {"{\"category\":\"LAPTOP\",\"status\":\"BROKEN\"}", "status"},
            {"{\"category\":\"LAPTOP\",\"roomId\":" + foreignRoom + "}", "roomId"},
            {"{\"category\":\"LAPTOP\",\"roomId\":\"abc\"}", "roomId"},
            {"{\"category\":\"LAPTOP\",\"supplierId\":999999999}", "supplierId"},
            {"{\"category\":\"LAPTOP\",\"manufacturer\":\"Dell\"}", "model"},
            {"{\"category\":\"LAPTOP\",\"model\":\"T14\"}", "manufacturer"},
            {"{\"category\":\"LAPTOP\",\"hostname\":\"bad host\"}", "hostname"},
            {"{\"category\":\"LAPTOP\",\"macAddresses\":\"aa:bb:cc\"}", "macAddresses"},
            {"{\"category\":\"LAPTOP\",\"ipAddress\":\"300.1.1.1\"}", "ipAddress"},
            {"{\"category\":\"LAPTOP\",\"assignedTo\":{\"type\":\"PERSON\",\"id\":" + foreignPerson.id() + "}}", "assigneeId"},
            {"{\"category\":\"LAPTOP\",\"assignedTo\":{\"type\":\"CAR\",\"id\":1}}", "assignedTo.type"},
        };
        for (String[] c : cases) {
            postJson(c[0]).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(containsString(c[1])));
        }
        postJson("{\"category\":").andExpect(status().isBadRequest());
        getJson("").andExpect(jsonPath("$.total").value(0));
        String tag = tag(postJson("{\"category\":\"LAPTOP\"}").andExpect(status().isCreated()));
        patchJson(tag, "{\"notes\":\"x\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        patchJson(tag, "{\"roomId\":" + foreignRoom + ",\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("roomId"));
        patchJson(tag, "{\"price\":-5,\"version\":0}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("price"));
        patchJson(tag, "{\"status\":\"GONE\",\"version\":0}").andExpect(status().isBadRequest());
        patchJson(tag, "{\"assignedTo\":{\"type\":\"ROOM\",\"id\":" + foreignRoom + "},\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        patchJson("NOPE-1", "{\"notes\":\"x\",\"version\":0}").andExpect(status().isNotFound());
        getJson("/NOPE-1").andExpect(status().isNotFound());
        getJson("/NOPE-1/history").andExpect(status().isNotFound());
        getJson("/" + tag).andExpect(jsonPath("$.version").value(0)).andExpect(jsonPath("$.notes").doesNotExist());
        // another school's asset is not found through this school
        var otherCoordinator = fixtures.user(otherSchool, Role.ICT_COORDINATOR).email();
        String foreignTag = tag(mvc.perform(post("/api/v1/schools/" + otherSchool.code() + "/assets")
            .with(httpBasic(otherCoordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"category\":\"LAPTOP\",\"tag\":\"ZZZ-1\"}")));
        getJson("/" + foreignTag).andExpect(status().isNotFound());
    }

    @Test
    void aStaleVersionIsRefusedWithWhoChangedItAndTheNewerValues() throws Exception {
        String tag = tag(postJson("{\"category\":\"LAPTOP\",\"hostname\":\"pc-1\"}").andExpect(status().isCreated()));
        patchJson(tag, "{\"hostname\":\"pc-2\",\"version\":0}").andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        patchJson(tag, "{\"notes\":\"oud\",\"version\":0}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.changedBy", containsString(coordinator)))
            .andExpect(jsonPath("$.currentVersion").value(1))
            .andExpect(jsonPath("$.current.hostname").value("pc-2"));
        getJson("/" + tag).andExpect(jsonPath("$.notes").doesNotExist());
    }

    @Test
    void scriptIsStoredAsTextAndRenderedInert() throws Exception {
        String tag = tag(postJson("{\"category\":\"OTHER\",\"manufacturer\":\"<script>alert(1)</script>\",\"model\":\"x\","
            + "\"notes\":\"<script>alert(2)</script>\"}").andExpect(status().isCreated()));
        String json = getJson("/" + tag).andReturn().getResponse().getContentAsString();
        assertThat(json).contains("<script>alert(2)</script>");
        long id = Long.parseLong(json.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        var session = TenancyCheck.signIn(mvc, coordinator);
        for (String page : new String[] {"/schools/" + school.code() + "/assets", "/schools/" + school.code() + "/assets/" + id}) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void assetEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        String tag = tag(postJson("{\"category\":\"LAPTOP\",\"serial\":\"TEN-1\"}").andExpect(status().isCreated()));
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/" + tag + "/history")
            .read(base).read(base + "?q=ten").read(base + "/" + tag).read(base + "/" + tag + "/history")
            .admin(HttpMethod.POST, base, "{\"category\":\"TABLET\"}")
            .admin(HttpMethod.PATCH, base + "/" + tag, "{\"notes\":\"n\",\"version\":0}")
            .verify();
        // a technician of the school manages assets too
        postJson("{\"category\":\"PRINTER\"}", fixtures.user(school, Role.TECHNICIAN).email()).andExpect(status().isCreated());
    }
}
