package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.helpdesk.Priority.Level;
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
import org.springframework.test.web.servlet.MockMvc;

/** The asset page shows the asset's tickets (a section contributed by the helpdesk): all to the team, one's own to others. */
@SpilIntegrationTest
class AssetTicketsSectionTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Tickets tickets;

    SchoolView school;
    AssetView beamer;
    String page;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        beamer = assets.create(school.id(), new AssetForm(AssetCategory.PROJECTOR, "Epson", "EB-W51", null, null, null, null, null,
            null, null, null, null, null, null, null, null, null), Fixtures.ADMIN);
        page = "/schools/" + school.code() + "/assets/" + beamer.id();
    }

    private static Caller caller(PersonView p, SchoolView s, Role role) {
        return new Caller(p.id(), p.email(), p.name(), false, Map.of(s.id(), Set.of(role)));
    }

    private TicketView report(Caller who, String subject, String tag) {
        return tickets.report(school.id(), new ReportForm(subject, "", tag, null, null, Level.MEDIUM, Level.HIGH), who);
    }

    private String open(String email, String... lang) throws Exception {
        var session = TenancyCheck.signIn(mvc, email);
        var request = get(page).session(session);
        if (lang.length > 0) {
            request = request.param("lang", lang[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theTeamSeesTheAssetsTicketsOpenOnesFirstWithStatusAndLink() throws Exception {
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        var teacher = fixtures.user(school, Role.STAFF);
        var first = report(caller(teacher, school, Role.STAFF), "Beamer flikkert", beamer.tag());
        var second = report(caller(teacher, school, Role.STAFF), "Geen beeld <script>alert(1)</script>", beamer.tag());
        tickets.change(school.id(), first.number(), new TicketChange(first.version(), TicketStatus.RESOLVED, null, null, null, null, null), caller(coordinator, school, Role.ICT_COORDINATOR));
        report(caller(teacher, school, Role.STAFF), "Printer vast", null);

        String html = open(coordinator.email());
        assertThat(html).contains("id=\"assetTickets\"", "Meldingen over dit toestel", "1 open, 2 in totaal",
            "/schools/" + school.code() + "/tickets/" + first.number(), "/schools/" + school.code() + "/tickets/" + second.number(),
            "Opgelost", "Geen beeld &lt;script&gt;", "Probleem melden met dit toestel")
            .doesNotContain("Printer vast", "<script>alert(1)");
        assertThat(html.indexOf("Geen beeld")).isLessThan(html.indexOf("Beamer flikkert"));
        assertThat(open(coordinator.email(), "en")).contains("Tickets about this device", "1 open, 2 in all", "Resolved");
    }

    @Test
    void othersSeeOnlyTheirOwnTicketsOfTheAsset() throws Exception {
        var teacher = fixtures.user(school, Role.STAFF);
        var colleague = fixtures.user(school, Role.STAFF);
        report(caller(teacher, school, Role.STAFF), "Lamp kapot", beamer.tag());
        report(caller(colleague, school, Role.STAFF), "Afstandsbediening weg", beamer.tag());

        assertThat(open(teacher.email())).contains("Mijn meldingen over dit toestel", "Lamp kapot")
            .doesNotContain("Afstandsbediening weg");
        var newcomer = fixtures.user(school, Role.STAFF);
        assertThat(open(newcomer.email())).contains("Geen meldingen over dit toestel.")
            .doesNotContain("Lamp kapot", "Afstandsbediening weg");
    }

    @Test
    void aTicketOfAnotherAssetOrSchoolIsNotShown() throws Exception {
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        var other = assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null), Fixtures.ADMIN);
        report(caller(coordinator, school, Role.ICT_COORDINATOR), "Toetsenbord", other.tag());
        assertThat(open(coordinator.email())).contains("Geen meldingen over dit toestel.").doesNotContain("Toetsenbord");
        var elsewhere = fixtures.school();
        var outsider = fixtures.user(elsewhere, Role.ICT_COORDINATOR);
        var session = TenancyCheck.signIn(mvc, outsider.email());
        mvc.perform(get(page).session(session)).andExpect(status().isNotFound());
    }
}
