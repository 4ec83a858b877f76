package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class AssetsBulkTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Rooms rooms;

    SchoolView school;
    String coordinator;
    String api;
    long room;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        api = "/api/v1/schools/" + school.code() + "/assets/bulk";
        room = room(school, "B.12");
    }

    private long room(SchoolView s, String name) {
        long b = rooms.createBuilding(s.id(), new BuildingForm("Blok " + name, null, null), Fixtures.ADMIN).id();
        return rooms.createRoom(s.id(), new RoomForm(b, name, RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN).id();
    }

    private AssetView asset(AssetStatus status) {
        return assets.create(school.id(), new AssetForm(AssetCategory.CHROMEBOOK, null, null, null, null, status, null, null, null,
            null, null, null, null, null, null, null, null), Fixtures.ADMIN);
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(api + path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content(json));
    }

    @Test
    void aSelectionMovesToARoomInOneGoWithHistory() throws Exception {
        var a = asset(AssetStatus.IN_STOCK);
        var b = asset(AssetStatus.IN_USE);
        postJson("/room", "{\"tags\":[\"" + a.tag() + "\",\"" + b.tag() + "\"],\"roomId\":" + room + "}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(2)).andExpect(jsonPath("$.unchanged").value(0));
        assertThat(assets.get(school.id(), a.id(), Fixtures.ADMIN).roomId()).isEqualTo(room);
        assertThat(assets.get(school.id(), b.id(), Fixtures.ADMIN).roomId()).isEqualTo(room);
        assertThat(assets.history(school.id(), a.id(), Fixtures.ADMIN).audit().get(0).changes())
            .anySatisfy(c -> assertThat(c.field()).isEqualTo("room"));
        postJson("/room", "{\"tags\":[\"" + a.tag() + "\"],\"roomId\":" + room + "}").andExpect(jsonPath("$.unchanged").value(1));
    }

    @Test
    void aStatusChangeThatOneAssetMayNotMakeChangesNothingAndNamesIt() throws Exception {
        var ok = asset(AssetStatus.IN_STOCK);
        var ordered = asset(AssetStatus.ORDERED);
        postJson("/status", "{\"tags\":[\"" + ok.tag() + "\",\"" + ordered.tag() + "\"],\"status\":\"IN_USE\",\"reason\":\"uitgedeeld\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"))
            .andExpect(jsonPath("$.errors[0].message", containsString(ordered.tag())));
        assertThat(assets.get(school.id(), ok.id(), Fixtures.ADMIN).status()).isEqualTo(AssetStatus.IN_STOCK);
        postJson("/status", "{\"tags\":[\"" + ok.tag() + "\"],\"status\":\"IN_USE\",\"reason\":\"\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        postJson("/status", "{\"tags\":[],\"status\":\"IN_USE\",\"reason\":\"x\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"));
        postJson("/status", "{\"tags\":[\"NOPE-999\"],\"status\":\"IN_USE\",\"reason\":\"x\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message", containsString("NOPE-999")));
        postJson("/status", "{\"tags\":[\"" + ok.tag() + "\"],\"status\":\"BROKEN\",\"reason\":\"x\"}")
            .andExpect(status().isBadRequest());
        postJson("/status", "{\"tags\":[\"" + ok.tag() + "\",\"" + ordered.tag() + "\"],\"status\":\"RETIRED\",\"reason\":\"oud\"}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.changed").value(2));
        var history = assets.history(school.id(), ordered.id(), Fixtures.ADMIN);
        assertThat(history.status().get(0).to()).isEqualTo(AssetStatus.RETIRED);
        assertThat(history.status().get(0).reason()).isEqualTo("oud");
    }

    @Test
    void anotherSchoolsTagOrRoomIsRefused() throws Exception {
        var other = fixtures.school();
        long otherRoom = room(other, "X");
        var mine = asset(AssetStatus.IN_STOCK);
        var theirs = assets.create(other.id(), new AssetForm(AssetCategory.LAPTOP, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null), Fixtures.ADMIN);
        postJson("/room", "{\"tags\":[\"" + mine.tag() + "\"],\"roomId\":" + otherRoom + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roomId"));
        postJson("/room", "{\"tags\":[\"" + theirs.tag() + "\"],\"roomId\":" + room + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"));
        assertThat(assets.get(other.id(), theirs.id(), Fixtures.ADMIN).roomId()).isNull();
    }

    @Test
    void theListPageOffersBulkActionsOnTheCheckedAssets() throws Exception {
        var a = asset(AssetStatus.IN_STOCK);
        var b = asset(AssetStatus.IN_STOCK);
        var session = TenancyCheck.signIn(mvc, coordinator);
        String base = "/schools/" + school.code() + "/assets";
        String page = mvc.perform(get(base).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"bulkMove\"", "id=\"bulkStatusButton\"", "formaction=\"" + base + "/bulk/room\"");
        mvc.perform(post(base + "/bulk/status").session(session).with(csrf()).param("tags", a.tag(), b.tag())
                .param("bulkStatus", "IN_USE").param("bulkReason", "klas 5A").param("back", "q=&status=IN_STOCK&page=0"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base + "?q=&status=IN_STOCK&page=0"))
            .andExpect(flash().attributeExists("bulkMessage"));
        assertThat(assets.get(school.id(), b.id(), Fixtures.ADMIN).status()).isEqualTo(AssetStatus.IN_USE);
        mvc.perform(post(base + "/bulk/room").session(session).with(csrf()).param("bulkRoom", String.valueOf(room))
                .param("back", "https://evil.example/"))
            .andExpect(redirectedUrl(base)).andExpect(flash().attributeExists("problem"));
        String after = mvc.perform(get(base).session(session).flashAttr("problem",
                new be.spil.shared.FieldErrorsException.FieldError("tags", "asset.bulk.none")))
            .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("Vink eerst de toestellen aan.");
    }

    @Test
    void bulkActionsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var a = asset(AssetStatus.IN_STOCK);
        String web = "/schools/" + school.code() + "/assets/bulk";
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/assets/" + a.tag() + "/history")
            .admin(HttpMethod.POST, api + "/room", "{\"tags\":[\"" + a.tag() + "\"],\"roomId\":" + room + "}")
            .admin(HttpMethod.POST, api + "/status", "{\"tags\":[\"" + a.tag() + "\"],\"status\":\"IN_USE\",\"reason\":\"r\"}")
            .verify();
        var b = asset(AssetStatus.IN_STOCK);
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/assets/" + b.tag() + "/history")
            .admin(HttpMethod.POST, web + "/room", "tags=" + b.tag() + "&bulkRoom=" + room)
            .admin(HttpMethod.POST, web + "/status", "tags=" + b.tag() + "&bulkStatus=IN_USE&bulkReason=r")
            .verify();
    }
}
