package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetForm;
import be.spil.inventory.Assets;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The team corrects the device and the room a ticket is about, on the page and over the API; wrong ones change nothing. */
@SpilIntegrationTest
class TicketPlaceTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Tickets tickets;
    @Autowired Rooms rooms;
    @Autowired Assets assets;

    SchoolView school;
    String coordinator;
    String laptop;
    String beamer;
    long refter;
    long library;
    long number;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        laptop = asset(school, "Latitude 3440");
        beamer = asset(school, "EB-535W");
        refter = room(school, "Refter");
        library = room(school, "Bib");
        number = tickets.report(school.id(), new ReportForm("Geen beeld", "", laptop, refter, null, null, null), Fixtures.ADMIN).number();
    }

    String asset(SchoolView in, String model) {
        return assets.create(in.id(), new AssetForm(AssetCategory.LAPTOP, "Merk", model, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null), Fixtures.ADMIN).tag();
    }

    long room(SchoolView in, String name) {
        long b = rooms.createBuilding(in.id(), new BuildingForm("Gebouw " + Fixtures.unique(), null, null), Fixtures.ADMIN).id();
        return rooms.createRoom(in.id(), new RoomForm(b, name, RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN).id();
    }

    ResultActions patchJson(String json) throws Exception {
        return mvc.perform(patch("/api/v1/schools/" + school.code() + "/tickets/" + number).with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    TicketView ticket() {
        return tickets.get(school.id(), number, Fixtures.ADMIN);
    }

    @Test
    void theTeamCorrectsDeviceAndRoomOverTheApi() throws Exception {
        patchJson("{\"version\":0,\"assetTag\":\"" + beamer.toLowerCase() + "\",\"roomId\":" + library + "}").andExpect(status().isOk())
            .andExpect(jsonPath("$.assetTag").value(beamer)).andExpect(jsonPath("$.roomId").value(library))
            .andExpect(jsonPath("$.room").value(org.hamcrest.Matchers.endsWith("Bib")));
        assertThat(tickets.history(school.id(), number, Fixtures.ADMIN).get(0).changes())
            .anyMatch(c -> c.field().equals("tag") && beamer.equals(c.to()));

        var other = fixtures.school();
        String elsewhere = asset(other, "Ander");
        long otherRoom = room(other, "Elders");
        patchJson("{\"version\":1,\"assetTag\":\"" + elsewhere + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assetTag"));
        patchJson("{\"version\":1,\"roomId\":" + otherRoom + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("roomId"));
        patchJson("{\"version\":1,\"assetTag\":\"" + "X".repeat(41) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assetTag"));
        patchJson("{\"version\":0,\"roomId\":" + refter + "}").andExpect(status().isConflict());
        assertThat(ticket().assetTag()).isEqualTo(beamer);
        assertThat(ticket().roomId()).isEqualTo(library);
        assertThat(ticket().version()).isEqualTo(1);

        // a room archived since stays on the ticket through other changes; clearing both is allowed
        rooms.setRoomArchived(school.id(), library, true, Fixtures.ADMIN);
        patchJson("{\"version\":1,\"roomId\":" + library + ",\"status\":\"IN_PROGRESS\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.roomId").value(library));
        patchJson("{\"version\":2,\"assetTag\":\"\",\"roomId\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.assetTag").doesNotExist()).andExpect(jsonPath("$.roomId").doesNotExist());
    }

    @Test
    void theTicketPageOffersDeviceAndRoom() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        String base = "/schools/" + school.code() + "/tickets/" + number;
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"assetTag\"", "value=\"" + laptop + "\"", "id=\"roomId\"");
        String bad = mvc.perform(post(base).session(session).with(csrf()).param("version", "0").param("status", "NEW")
                .param("impact", "MEDIUM").param("urgency", "MEDIUM").param("assetTag", "BESTAAT-NIET").param("roomId", String.valueOf(refter)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"assetTag-error\"", "BESTAAT-NIET");
        assertThat(ticket().assetTag()).isEqualTo(laptop);
        mvc.perform(post(base).session(session).with(csrf()).param("version", "0").param("status", "NEW")
                .param("impact", "MEDIUM").param("urgency", "MEDIUM").param("assetTag", beamer).param("roomId", String.valueOf(library)))
            .andExpect(redirectedUrl(base));
        assertThat(ticket().assetTag()).isEqualTo(beamer);
        assertThat(ticket().roomId()).isEqualTo(library);
    }
}
