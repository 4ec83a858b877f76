package be.spil.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class RoomsApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Rooms rooms;

    SchoolView school;
    String coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        base = "/api/v1/schools/" + school.code();
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return postJson(path, json, coordinator);
    }

    private ResultActions postJson(String path, String json, String user) throws Exception {
        return mvc.perform(post(base + path)
            .with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions patchJson(String path, String json) throws Exception {
        return mvc.perform(patch(base + path).with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    private long building(String name) {
        return rooms.createBuilding(school.id(), new BuildingForm(name, null, null), Fixtures.ADMIN).id();
    }

    private RoomView room(long building, String name) {
        return rooms.createRoom(school.id(), new RoomForm(building, name, RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN);
    }

    private static long id(ResultActions result) throws Exception {
        return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    }

    @Test
    void createsBuildingsAndRoomsAndListsThemByBuildingAndName() throws Exception {
        long main = id(postJson("/buildings", "{\"name\":\"Hoofdgebouw\",\"address\":\"Kerkstraat 1\"}")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/buildings/")))
            .andExpect(jsonPath("$.name").value("Hoofdgebouw"))
            .andExpect(jsonPath("$.address").value("Kerkstraat 1")));
        long annex = id(postJson("/buildings", "{\"name\":\"Annex\"}").andExpect(status().isCreated()));
        postJson("/rooms", "{\"buildingId\":" + main + ",\"name\":\"B.12\",\"type\":\"COMPUTER_ROOM\",\"floor\":1,\"capacity\":28}")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/rooms/")))
            .andExpect(jsonPath("$.building").value("Hoofdgebouw"))
            .andExpect(jsonPath("$.type").value("COMPUTER_ROOM"))
            .andExpect(jsonPath("$.floor").value(1))
            .andExpect(jsonPath("$.capacity").value(28))
            .andExpect(jsonPath("$.version").value(0));
        postJson("/rooms", "{\"buildingId\":" + main + ",\"name\":\"A.01\",\"type\":\"CLASSROOM\"}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.floor").doesNotExist());
        postJson("/rooms", "{\"buildingId\":" + annex + ",\"name\":\"A.01\",\"type\":\"STORAGE\"}").andExpect(status().isCreated());
        var staff = fixtures.user(school, Role.STAFF).email();
        getJson("/rooms", staff).andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(3))
            .andExpect(jsonPath("$.items[0].building").value("Annex"))
            .andExpect(jsonPath("$.items[1].name").value("A.01"))
            .andExpect(jsonPath("$.items[2].name").value("B.12"));
        getJson("/rooms?type=COMPUTER_ROOM", staff).andExpect(jsonPath("$.total").value(1));
        getJson("/rooms?building=" + annex, staff).andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].type").value("STORAGE"));
        getJson("/buildings", fixtures.user(school, Role.TECHNICIAN).email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.items[0].name").value("Annex")).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void aDirectorManagesTheRoomsOfTheirSchool() throws Exception {
        var director = fixtures.user(school, Role.DIRECTOR).email();
        postJson("/buildings", "{\"name\":\"Directie\"}", director).andExpect(status().isCreated());
        postJson("/buildings", "{\"name\":\"Staff\"}", fixtures.user(school, Role.STAFF).email()).andExpect(status().isForbidden());
        postJson("/buildings", "{\"name\":\"Tech\"}", fixtures.user(school, Role.TECHNICIAN).email()).andExpect(status().isForbidden());
    }

    @Test
    void changesARoomAndKeepsItsHistory() throws Exception {
        long main = building("Hoofdgebouw");
        long annex = building("Annex");
        var room = room(main, "A.01");
        patchJson("/rooms/" + room.id(), "{\"name\":\"A.02\",\"capacity\":30,\"version\":0}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("A.02")).andExpect(jsonPath("$.capacity").value(30))
            .andExpect(jsonPath("$.type").value("CLASSROOM")).andExpect(jsonPath("$.version").value(1));
        patchJson("/rooms/" + room.id(), "{\"buildingId\":" + annex + ",\"type\":\"OFFICE\",\"version\":1}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.building").value("Annex"));
        patchJson("/rooms/" + room.id(), "{\"archived\":true,\"version\":2}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        getJson("/rooms", coordinator).andExpect(jsonPath("$.total").value(0));
        getJson("/rooms?archived=true", coordinator).andExpect(jsonPath("$.total").value(1));
        getJson("/rooms/" + room.id() + "/history", coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$[0].action").value("ARCHIVED"))
            .andExpect(jsonPath("$[1].action").value("UPDATED"))
            .andExpect(jsonPath("$[1].changes[0].field").value("building"))
            .andExpect(jsonPath("$[1].changes[0].from").value("Hoofdgebouw"))
            .andExpect(jsonPath("$[1].changes[0].to").value("Annex"))
            .andExpect(jsonPath("$[1].changes[1].field").value("roomType"))
            .andExpect(jsonPath("$[2].changes[0].field").value("name"))
            .andExpect(jsonPath("$[2].changes[0].from").value("A.01"))
            .andExpect(jsonPath("$[2].changes[1].field").value("capacity"))
            .andExpect(jsonPath("$[3].action").value("CREATED"))
            .andExpect(jsonPath("$[3].actor").value("system"))
            .andExpect(jsonPath("$[0].actor").value(containsString(coordinator)));
        // the history also shows on the room's page
        var session = TenancyCheck.signIn(mvc, coordinator);
        String html = mvc.perform(get("/schools/" + school.code() + "/rooms/" + room.id()).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Hoofdgebouw", "Annex", "Soort lokaal", "Bureau", "Gearchiveerd");
    }

    @Test
    void aStaleVersionIsRefusedWithWhoChangedItAndTheNewerValues() throws Exception {
        var room = room(building("Hoofdgebouw"), "A.01");
        patchJson("/rooms/" + room.id(), "{\"name\":\"A.01b\",\"version\":0}").andExpect(status().isOk());
        patchJson("/rooms/" + room.id(), "{\"capacity\":12,\"version\":0}")
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.changedBy", containsString(coordinator)))
            .andExpect(jsonPath("$.currentVersion").value(1))
            .andExpect(jsonPath("$.current.name").value("A.01b"))
            .andExpect(jsonPath("$.current.capacity").value("24"));
        getJson("/rooms/" + room.id(), coordinator).andExpect(jsonPath("$.capacity").value(24));
    }

    @Test
    void duplicatesAreConflicts() throws Exception {
        long main = building("Hoofdgebouw");
        room(main, "A.01");
        postJson("/buildings", "{\"name\":\" Hoofdgebouw \"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("name"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString("Hoofdgebouw")));
        postJson("/rooms", "{\"buildingId\":" + main + ",\"name\":\"A.01\",\"type\":\"CLASSROOM\"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        var other = room(main, "A.02");
        patchJson("/rooms/" + other.id(), "{\"name\":\"A.01\",\"version\":0}").andExpect(status().isConflict());
        getJson("/rooms", coordinator).andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void badInputGetsAProblemThatNamesTheFieldAndStoresNothing() throws Exception {
        long main = building("Hoofdgebouw");
        var otherSchool = fixtures.school();
        long foreign = rooms.createBuilding(otherSchool.id(), new BuildingForm("Elders", null, null), Fixtures.ADMIN).id();
        postJson("/buildings", "{\"name\":\"\"}").andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/buildings", "{\"name\":\"" + "x".repeat(101) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/buildings", "{\"name\":\"B\",\"address\":\"" + "x".repeat(201) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("address"));
        postJson("/buildings", "{\"name\":").andExpect(status().isBadRequest());
        String room = "{\"buildingId\":" + main + ",\"name\":\"R\",\"type\":\"CLASSROOM\"";
        postJson("/rooms", room.replace("\"R\"", "\"\"") + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/rooms", room.replace("\"R\"", "\"" + "r".repeat(101) + "\"") + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/rooms", room.replace("CLASSROOM", "GYM") + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("type"))
            .andExpect(jsonPath("$.detail", containsString("CLASSROOM, COMPUTER_ROOM, OFFICE, STORAGE, OTHER")));
        postJson("/rooms", room + ",\"capacity\":\"many\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        postJson("/rooms", room + ",\"capacity\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        postJson("/rooms", room + ",\"floor\":99}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("floor"));
        postJson("/rooms", "{\"name\":\"R\",\"type\":\"CLASSROOM\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("buildingId"));
        postJson("/rooms", "{\"buildingId\":" + foreign + ",\"name\":\"R\",\"type\":\"CLASSROOM\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("buildingId"));
        postJson("/rooms", "{\"buildingId\":999999999,\"name\":\"R\",\"type\":\"CLASSROOM\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("buildingId"));
        var existing = room(main, "A.01");
        patchJson("/rooms/" + existing.id(), "{\"name\":\"B\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        patchJson("/rooms/" + existing.id(), "{\"buildingId\":" + foreign + ",\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("buildingId"));
        getJson("/rooms?type=GYM", coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        getJson("/rooms/abc", coordinator).andExpect(status().isBadRequest());
        getJson("/rooms", coordinator).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].name").value("A.01"));
        getJson("/buildings", coordinator).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aBuildingWithActiveRoomsCannotBeArchived() throws Exception {
        long main = building("Hoofdgebouw");
        var room = room(main, "A.01");
        patchJson("/buildings/" + main, "{\"archived\":true,\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("archived"));
        patchJson("/rooms/" + room.id(), "{\"archived\":true,\"version\":0}").andExpect(status().isOk());
        patchJson("/buildings/" + main, "{\"archived\":true,\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.archived").value(true));
        postJson("/rooms", "{\"buildingId\":" + main + ",\"name\":\"A.09\",\"type\":\"CLASSROOM\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("buildingId"));
        patchJson("/rooms/" + room.id(), "{\"archived\":false,\"version\":1}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("archived"));
    }

    @Test
    void scriptInNamesIsStoredAsTextAndRenderedInert() throws Exception {
        long b = id(postJson("/buildings", "{\"name\":\"<script>alert('b')</script>\"}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.name").value("<script>alert('b')</script>")));
        long r = id(postJson("/rooms", "{\"buildingId\":" + b + ",\"name\":\"<script>alert(1)</script>\",\"type\":\"OTHER\"}")
            .andExpect(status().isCreated()));
        var session = TenancyCheck.signIn(mvc, coordinator);
        for (String page : new String[] {"/schools/" + school.code() + "/rooms", "/schools/" + school.code() + "/rooms/" + r}) {
            String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void roomEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        long main = building("Hoofdgebouw");
        var room = room(main, "A.01");
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/rooms?archived=true")
            .read(base + "/buildings").read(base + "/buildings/" + main).read(base + "/rooms").read(base + "/rooms/" + room.id())
            .read(base + "/rooms/" + room.id() + "/history")
            .admin(HttpMethod.POST, base + "/buildings", "{\"name\":\"Nieuw\"}")
            .admin(HttpMethod.PATCH, base + "/buildings/" + main, "{\"address\":\"Dorp 2\",\"version\":0}")
            .admin(HttpMethod.POST, base + "/rooms", "{\"buildingId\":" + main + ",\"name\":\"N.1\",\"type\":\"OFFICE\"}")
            .admin(HttpMethod.PATCH, base + "/rooms/" + room.id(), "{\"capacity\":3,\"version\":0}")
            .verify();
        // another school's room through one's own school code: 404 as well
        mvc.perform(get("/api/v1/schools/" + other.code() + "/rooms/" + room.id()).with(httpBasic(outsider.email(), Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/schools/" + other.code() + "/rooms/" + room.id()).with(httpBasic(outsider.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"capacity\":3,\"version\":1}"))
            .andExpect(status().isNotFound());
    }

    @Test
    void roomPagesKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        long main = building("Hoofdgebouw");
        var room = room(main, "A.01");
        String page = "/schools/" + school.code();
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/rooms?archived=true")
            .read(page + "/rooms").read(page + "/rooms/" + room.id()).read(page + "/rooms?type=CLASSROOM&building=" + main)
            .read(page + "/buildings/" + main)
            .admin(HttpMethod.POST, page + "/buildings", "name=Nieuw")
            .admin(HttpMethod.POST, page + "/rooms", "buildingId=" + main + "&name=N.1&type=OFFICE")
            .admin(HttpMethod.POST, page + "/rooms/" + room.id(), "buildingId=" + main + "&name=A.01&type=OFFICE&capacity=20&version=0")
            .admin(HttpMethod.POST, page + "/rooms/" + room.id() + "/archive", "archived=true")
            .admin(HttpMethod.POST, page + "/buildings/" + main + "/archive", "archived=false")
            .admin(HttpMethod.POST, page + "/buildings/" + main, "name=Hoofdgebouw&address=Dorp+1&version=0")
            .verify();
    }

    @Test
    void theRoomFormShowsErrorsNextToTheFieldsAndAConflictWithTheNewerValues() throws Exception {
        long main = building("Hoofdgebouw");
        var room = room(main, "A.01");
        var session = TenancyCheck.signIn(mvc, coordinator);
        String page = "/schools/" + school.code() + "/rooms";
        String html = mvc.perform(post(page).session(session).with(csrf()).param("buildingId", String.valueOf(main))
                .param("name", "").param("type", "CLASSROOM"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"name-error\"", "aria-describedby=\"name-error\"");
        html = mvc.perform(post(page).session(session).with(csrf()).param("buildingId", String.valueOf(main))
                .param("name", "A.05").param("type", "CLASSROOM").param("capacity", "abc"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"capacity-error\"", "Geef een geheel getal.");
        html = mvc.perform(post(page).session(session).with(csrf()).param("buildingId", String.valueOf(main))
                .param("name", "A.01").param("type", "CLASSROOM"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Er is al een lokaal A.01 in gebouw Hoofdgebouw.");
        mvc.perform(post(page + "/" + room.id()).session(session).with(csrf()).param("buildingId", String.valueOf(main))
                .param("name", "A.01").param("type", "OFFICE").param("version", "0"))
            .andExpect(status().is3xxRedirection());
        html = mvc.perform(post(page + "/" + room.id()).session(session).with(csrf()).param("buildingId", String.valueOf(main))
                .param("name", "A.01").param("type", "STORAGE").param("version", "0"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"conflict\"", "OFFICE", "value=\"1\"");
        // htmx asks only for the room table
        html = mvc.perform(get(page).param("type", "OFFICE").header("HX-Request", "true").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"roomTable\"", "A.01").doesNotContain("<html");
    }
}
