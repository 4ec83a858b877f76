package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.BuildingForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The report form: a device is picked from one's own and the room's devices, typed, or reached by its QR label. */
@SpilIntegrationTest
class ReportDevicesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Rooms rooms;

    String asset(SchoolView school, String coordinator, String json) throws Exception {
        return mvc.perform(post("/api/v1/schools/" + school.code() + "/assets").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
            .replaceAll("(?s).*\"tag\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void theFormOffersTheReportersDevicesAndThoseOfTheChosenRoom() throws Exception {
        SchoolView school = fixtures.school();
        String coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        PersonView teacher = fixtures.user(school, Role.STAFF);
        long b = rooms.createBuilding(school.id(), new BuildingForm("Hoofdgebouw", null, null), Fixtures.ADMIN).id();
        long room = rooms.createRoom(school.id(), new RoomForm(b, "B.12", RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN).id();
        String laptop = asset(school, coordinator, "{\"category\":\"LAPTOP\",\"status\":\"IN_USE\",\"manufacturer\":\"Dell\",\"model\":\"Latitude <b>3540</b>\","
            + "\"assignedTo\":{\"type\":\"PERSON\",\"id\":" + teacher.id() + "}}");
        String projector = asset(school, coordinator, "{\"category\":\"PROJECTOR\",\"manufacturer\":\"Epson\",\"model\":\"EB-W49\",\"roomId\":" + room + "}");
        String elsewhere = asset(school, coordinator, "{\"category\":\"PRINTER\",\"manufacturer\":\"HP\",\"model\":\"LaserJet\"}");
        MockHttpSession session = TenancyCheck.signIn(mvc, teacher.email());
        String web = "/schools/" + school.code() + "/tickets/new";

        String form = mvc.perform(get(web).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("list=\"assetChoices\"", "hx-get=\"" + web + "/devices\"", "hx-trigger=\"load, change from:#roomId\"",
            "scan de QR-code", "hx-get=\"/schools/" + school.code() + "/knowledge/suggestions\"", "capture=\"environment\"");

        String own = mvc.perform(get(web + "/devices").session(session).header("HX-Request", "true")).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(own).contains("<datalist id=\"assetChoices\">", "value=\"" + laptop + "\"", "Dell Latitude &lt;b&gt;3540&lt;/b&gt;")
            .doesNotContain(projector, elsewhere, "<b>3540");
        String withRoom = mvc.perform(get(web + "/devices").param("roomId", String.valueOf(room)).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(withRoom).contains("value=\"" + laptop + "\"", "value=\"" + projector + "\"", "B.12").doesNotContain(elsewhere);
        // a room id that is not a number, or of another school, offers nothing more
        var other = fixtures.school();
        long b2 = rooms.createBuilding(other.id(), new BuildingForm("Elders", null, null), Fixtures.ADMIN).id();
        long foreignRoom = rooms.createRoom(other.id(), new RoomForm(b2, "X.01", RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN).id();
        for (String bad : new String[] {"abc", String.valueOf(foreignRoom), ""}) {
            assertThat(mvc.perform(get(web + "/devices").param("roomId", bad).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(projector);
        }
        // the QR label's address opens the device for the teacher, with its "report a problem" link that fills in the form
        String page = mvc.perform(get("/schools/" + school.code() + "/assets/by-tag/" + projector).session(session))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String device = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(device).contains("id=\"reportForAsset\"", web + "?asset=" + projector);
        assertThat(mvc.perform(get(web).param("asset", projector).session(session)).andReturn().getResponse().getContentAsString())
            .contains("value=\"" + projector + "\"");

        TenancyCheck.ui(mvc).outsider(fixtures.user(other, Role.ICT_COORDINATOR).email()).manager(coordinator).staff(teacher.email())
            .read(web + "/devices").verify();
    }
}
