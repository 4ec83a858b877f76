package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetForm;
import be.spil.inventory.AssetView;
import be.spil.inventory.Assets;
import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** More devices on one ticket: linked and unlinked by the team, shown on the ticket and on each asset's page, kept by merges. */
@SpilIntegrationTest
class TicketAssetsTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Tickets tickets;
    @Autowired TicketMerges merges;
    @Autowired Assets assets;

    SchoolView school;
    String coordinator;
    String teacher;
    AssetView pc1;
    AssetView pc2;
    AssetView pc3;
    long number;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        var reporter = fixtures.user(school, Role.STAFF);
        teacher = reporter.email();
        pc1 = asset(school);
        pc2 = asset(school);
        pc3 = asset(school);
        number = tickets.report(school.id(), new ReportForm("Drie pc's in B.12 starten niet", "", pc1.tag(), null, null, null, null),
            new Caller(reporter.id(), teacher, reporter.name(), false, Map.of(school.id(), Set.of(Role.STAFF)))).number();
        base = "/api/v1/schools/" + school.code() + "/tickets/" + number + "/assets";
    }

    AssetView asset(SchoolView in) {
        return assets.create(in.id(), new AssetForm(AssetCategory.DESKTOP, "Merk", "Model", null, null, null, null, null, null, null, null,
            null, null, null, null, null, null), Fixtures.ADMIN);
    }

    ResultActions link(String tag, String user) throws Exception {
        return mvc.perform(post(base).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content("{\"tag\":\"" + tag + "\"}"));
    }

    @Test
    void theTeamLinksMoreDevicesAndBadOnesChangeNothing() throws Exception {
        link(pc2.tag().toLowerCase(), coordinator).andExpect(status().isCreated()).andExpect(jsonPath("$.tag").value(pc2.tag()));
        link(pc3.tag(), coordinator).andExpect(status().isCreated());
        link(pc2.tag(), coordinator).andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("tag"));
        link(pc1.tag(), coordinator).andExpect(status().isConflict());
        link("", coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tag"));
        link("BESTAAT-NIET", coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tag"));
        link("X".repeat(31), coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tag"));
        link(asset(fixtures.school()).tag(), coordinator).andExpect(status().isBadRequest());
        link(pc2.tag(), teacher).andExpect(status().isForbidden());
        mvc.perform(get(base).with(httpBasic(teacher, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)));

        mvc.perform(delete(base + "/" + pc3.tag()).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isNoContent());
        mvc.perform(delete(base + "/" + pc3.tag()).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get(base).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(jsonPath("$", hasSize(1)))
            .andExpect(jsonPath("$[0].tag").value(pc2.tag()));
        assertThat(tickets.history(school.id(), number, Fixtures.ADMIN)).anyMatch(e -> e.changes().stream()
            .anyMatch(c -> c.field().equals("linkedAsset") && pc3.tag().equals(c.from())));

        // the linked device's page lists the ticket
        var session = TenancyCheck.signIn(mvc, coordinator);
        String assetPage = mvc.perform(get("/schools/" + school.code() + "/assets/" + pc2.id()).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(assetPage).contains("Drie pc&#39;s in B.12 starten niet");
    }

    @Test
    void theTicketPageLinksAndUnlinks() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        String page = "/schools/" + school.code() + "/tickets/" + number;
        mvc.perform(post(page + "/assets").session(session).with(csrf()).param("tag", "ONBEKEND-1"))
            .andExpect(redirectedUrl(page + "#linkedAssets"));
        var flash = mvc.perform(post(page + "/assets").session(session).with(csrf()).param("tag", "ONBEKEND-1")).andReturn().getFlashMap();
        String shown = mvc.perform(get(page).session(session).flashAttrs(flash)).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("id=\"linkTag-error\"", "ONBEKEND-1");
        mvc.perform(post(page + "/assets").session(session).with(csrf()).param("tag", pc2.tag())).andExpect(redirectedUrl(page + "#linkedAssets"));
        assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString())
            .contains("id=\"linkedAssets\"", pc2.tag());
        mvc.perform(post(page + "/assets/" + pc2.tag() + "/delete").session(session).with(csrf())).andExpect(redirectedUrl(page + "#linkedAssets"));
        assertThat(tickets.get(school.id(), number, Fixtures.ADMIN)).isNotNull();
        mvc.perform(get(base).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aMergedDuplicatesDevicesStayWithTheTicket() throws Exception {
        link(pc2.tag(), coordinator).andExpect(status().isCreated());
        var duplicate = tickets.report(school.id(), new ReportForm("Pc's B.12", "", pc3.tag(), null, null, null, null), Fixtures.ADMIN);
        mvc.perform(post("/api/v1/schools/" + school.code() + "/tickets/" + duplicate.number() + "/assets")
                .with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content("{\"tag\":\"" + pc2.tag() + "\"}"))
            .andExpect(status().isCreated());
        merges.merge(school.id(), duplicate.number(), number, duplicate.version(), Fixtures.ADMIN);
        mvc.perform(get(base).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(jsonPath("$", hasSize(2)))
            .andExpect(jsonPath("$[*].tag").value(org.hamcrest.Matchers.containsInAnyOrder(pc2.tag(), pc3.tag())));
    }

    @Test
    void everyEndpointKeepsToItsSchoolAndRoles() throws Exception {
        String outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        String staff = teacher; // the reporter sees the ticket, so the refusal is 403 (another teacher gets 404)
        TenancyCheck.api(mvc)
            .outsider(outsider).staff(staff).manager(coordinator)
            .unchanged(base)
            .admin(HttpMethod.POST, base, "{\"tag\":\"" + pc2.tag() + "\"}")
            .verify();
        TenancyCheck.ui(mvc)
            .outsider(outsider).staff(staff).manager(coordinator)
            .unchanged(base)
            .admin(HttpMethod.POST, "/schools/" + school.code() + "/tickets/" + number + "/assets/" + pc2.tag() + "/delete", "")
            .verify();
    }
}
