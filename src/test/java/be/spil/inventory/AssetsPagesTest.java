package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class AssetsPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Rooms rooms;

    SchoolView school;
    String coordinator;
    MockHttpSession session;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        session = TenancyCheck.signIn(mvc, coordinator);
        base = "/schools/" + school.code() + "/assets";
    }

    private AssetView asset(String manufacturer, String model, String serial) {
        return assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, manufacturer, model, null, serial, null, null, null,
            null, null, null, null, null, null, null, null, null), Fixtures.ADMIN);
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void listFiltersLiveAndKeepsTheFiltersInTheUrl() throws Exception {
        var dell = asset("Dell", "Latitude 5440", "DL-1");
        asset("HP", "ProBook 450", "HP-1");
        String page = html(base);
        assertThat(page).contains("Inventaris", dell.tag(), "Dell Latitude 5440", "HP ProBook 450", "hx-get", "hx-push-url");
        String fragment = mvc.perform(get(base).param("q", "latitude").header("HX-Request", "true").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"results\"", "Dell Latitude 5440").doesNotContain("HP ProBook");
        assertThat(html(base + "?category=LAPTOP&sort=model,desc&model=" + dell.modelId())).contains("Dell Latitude", "Filter wissen").doesNotContain("ProBook 450<");
        assertThat(html(base + "?lang=en")).contains("Inventory", "Asset tag");
    }

    @Test
    void createsChangesAndShowsAnAssetWithItsHistories() throws Exception {
        long b = rooms.createBuilding(school.id(), new BuildingForm("Hoofdgebouw", null, null), Fixtures.ADMIN).id();
        long room = rooms.createRoom(school.id(), new RoomForm(b, "B.12", RoomType.COMPUTER_ROOM, 0, 24, null), Fixtures.ADMIN).id();
        fixtures.pupil(school, "Noor", "Claes", null);
        assertThat(html(base + "/new")).contains("Nieuw toestel", "Inventarisnummer");
        var created = mvc.perform(post(base).session(session).with(csrf()).param("category", "TABLET").param("manufacturer", "Apple")
                .param("model", "iPad 10").param("serial", "IPAD-1").param("status", "IN_STOCK").param("roomId", String.valueOf(room))
                .param("purchaseDate", "2026-09-01").param("price", "399.00"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "asset.created")).andReturn();
        String path = created.getResponse().getRedirectedUrl();
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        var asset = assets.get(school.id(), id, Fixtures.ADMIN);
        assertThat(asset.room()).isEqualTo("Hoofdgebouw B.12");
        // bad input stays on the form with the error next to the field
        String bad = mvc.perform(post(base).session(session).with(csrf()).param("category", "TABLET").param("serial", "IPAD-1")
                .param("price", "-3"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("price-error", "aria-invalid=\"true\"");
        String badMac = mvc.perform(post(base).session(session).with(csrf()).param("category", "TABLET").param("macAddresses", "zz"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badMac).contains("macAddresses-error", "Geen geldig MAC-adres: zz");
        String dup = mvc.perform(post(base).session(session).with(csrf()).param("category", "TABLET").param("serial", "IPAD-1"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dup).contains("serial-error", asset.tag());
        // status with reason, then assignment by name
        mvc.perform(post(base + "/" + id + "/status").session(session).with(csrf()).param("status", "IN_USE").param("reason", "")
                .param("version", "0"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        mvc.perform(post(base + "/" + id + "/status").session(session).with(csrf()).param("status", "IN_USE").param("reason", "Uitgedeeld")
                .param("version", "0"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "asset.statusChanged"));
        mvc.perform(post(base + "/" + id + "/assign").session(session).with(csrf()).param("type", "PERSON").param("person", "noor claes")
                .param("version", "1"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "asset.assigned"));
        mvc.perform(post(base + "/" + id + "/assign").session(session).with(csrf()).param("type", "PERSON").param("person", "niemand")
                .param("version", "2"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        String shown = html(base + "/" + id);
        assertThat(shown).contains("Noor Claes", "Uitgedeeld", "In gebruik", "Statusgeschiedenis", "Wie had dit toestel wanneer",
            "Geschiedenis", "Hoofdgebouw B.12", "399.00", "Geregistreerd");
        // a stale edit shows who changed it, keeping what the user typed
        String conflict = mvc.perform(post(base + "/" + id).session(session).with(csrf()).param("category", "TABLET")
                .param("manufacturer", "Apple").param("model", "iPad 10").param("tag", asset.tag()).param("notes", "mijn notitie")
                .param("version", "0"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("id=\"conflict\"", "mijn notitie");
        mvc.perform(post(base + "/" + id).session(session).with(csrf()).param("category", "TABLET").param("manufacturer", "Apple")
                .param("model", "iPad 10").param("tag", asset.tag()).param("serial", "IPAD-1").param("notes", "nieuwe notitie")
                .param("version", "2"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "saved"));
        assertThat(assets.get(school.id(), id, Fixtures.ADMIN).notes()).isEqualTo("nieuwe notitie");
        assertThat(assets.get(school.id(), id, Fixtures.ADMIN).room()).isNull();
    }

    @Test
    void pagesKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var asset = asset("Acer", "C733", "AC-1");
        String api = "/api/v1/schools/" + school.code() + "/assets/" + asset.tag() + "/history";
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(api)
            .read(base).read(base + "/" + asset.id())
            .admin(HttpMethod.GET, base + "/new", null)
            .admin(HttpMethod.POST, base, "category=TABLET")
            .admin(HttpMethod.POST, base + "/" + asset.id() + "/status", "status=IN_USE&reason=uit&version=0")
            .admin(HttpMethod.POST, base + "/" + asset.id() + "/assign", "type=&version=1")
            .admin(HttpMethod.POST, base + "/" + asset.id(), "category=LAPTOP&notes=x&version=1")
            .verify();
    }
}
