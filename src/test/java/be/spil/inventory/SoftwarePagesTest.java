package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Paging;
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
class SoftwarePagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Software software;

    SchoolView school;
    String coordinator;
    MockHttpSession session;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        session = TenancyCheck.signIn(mvc, coordinator);
        base = "/schools/" + school.code() + "/software";
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private AssetView asset() {
        return assets.create(school.id(), new AssetForm(AssetCategory.DESKTOP, null, null, null, null, AssetStatus.IN_USE, null,
            null, null, null, null, null, null, null, null, null, null), Fixtures.ADMIN);
    }

    private Software.TitleView title(String name) {
        return software.createTitle(school.id(), new Software.TitleForm(name, "Pub", SoftwareCategory.EDUCATIONAL,
            SoftwarePlatform.WEB, null), Fixtures.ADMIN);
    }

    @Test
    void aTitleIsAddedThroughTheFormAndBadInputShowsNextToTheField() throws Exception {
        mvc.perform(post(base + "/titles").session(session).with(csrf())
                .param("name", "Bookwidgets").param("category", "EDUCATIONAL").param("platform", "WEB"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "software.created"));
        String empty = mvc.perform(post(base + "/titles").session(session).with(csrf())
                .param("name", "").param("category", "EDUCATIONAL").param("platform", "WEB"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("id=\"name-error\"", "aria-describedby=\"name-error\"");
        String duplicate = mvc.perform(post(base + "/titles").session(session).with(csrf())
                .param("name", "BOOKWIDGETS").param("category", "EDUCATIONAL").param("platform", "WEB"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(duplicate).contains("id=\"name-error\"", "al een titel");
        assertThat(software.titles(school.id(), null, false, new Paging(0, 10), Fixtures.ADMIN).total()).isEqualTo(1);
        assertThat(html(base + "?q=book")).contains("Bookwidgets");
    }

    @Test
    void aLicenceWithItsEndBeforeItsStartIsRefusedNextToTheEndDate() throws Exception {
        var title = title("Smartschool");
        String page = mvc.perform(post(base + "/licences").session(session).with(csrf())
                .param("titleId", String.valueOf(title.id())).param("type", "SUBSCRIPTION").param("seats", "30")
                .param("startDate", "2026-09-01").param("endDate", "2026-01-01"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"endDate-error\"", "voor de begindatum");
        mvc.perform(post(base + "/licences").session(session).with(csrf())
                .param("titleId", String.valueOf(title.id())).param("type", "SUBSCRIPTION").param("seats", "30")
                .param("startDate", "2026-09-01").param("endDate", "2027-08-31").param("licenceKey", "ABC-DEF"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "licence.created"));
        assertThat(html(base + "/titles/" + title.id())).contains("Abonnement", "2027-08-31");
        assertThat(html(base + "/compliance")).contains("Smartschool");
    }

    @Test
    void theAssetPageShowsItsSoftwareAndRecordsInstallations() throws Exception {
        var asset = asset();
        var title = title("Audacity");
        // the asset's page links to the installation form, a page of its own with the school's titles
        assertThat(html("/schools/" + school.code() + "/assets/" + asset.id())).contains("id=\"installLink\"").doesNotContain("installTitle");
        assertThat(html("/schools/" + school.code() + "/assets/" + asset.id() + "/software/install")).contains("id=\"installTitle\"", "Audacity");
        var other = fixtures.school();
        mvc.perform(get("/schools/" + other.code() + "/assets/" + asset.id() + "/software/install").session(session))
            .andExpect(status().isNotFound());
        mvc.perform(get("/schools/" + school.code() + "/assets/" + asset.id() + "/software/install")
                .session(TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email())))
            .andExpect(status().isForbidden());
        mvc.perform(post("/schools/" + school.code() + "/assets/" + asset.id() + "/software").session(session).with(csrf())
                .param("titleId", String.valueOf(title.id())).param("versionText", "3.4"))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "software.installed"));
        mvc.perform(post("/schools/" + school.code() + "/assets/" + asset.id() + "/software").session(session).with(csrf())
                .param("titleId", String.valueOf(title.id())))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        String page = html("/schools/" + school.code() + "/assets/" + asset.id());
        assertThat(page).contains("Geïnstalleerde software", "Audacity", "3.4");
        var installed = software.installedOn(school.id(), asset.id(), Fixtures.ADMIN).get(0);
        mvc.perform(post(base + "/installations/" + installed.id() + "/remove").session(session).with(csrf())
                .param("version", String.valueOf(installed.version())))
            .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "software.uninstalled"));
        assertThat(software.installedOn(school.id(), asset.id(), Fixtures.ADMIN)).isEmpty();
    }

    @Test
    void softwarePagesKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var title = title("Kahoot");
        var licence = software.createLicence(school.id(), new Software.LicenceForm(title.id(), LicenceType.SITE, null, null, null,
            null, null, null, null, null, null, null), Fixtures.ADMIN);
        var asset = asset();
        var installation = software.install(school.id(), new Software.InstallForm(asset.id(), title.id(), null, null), Fixtures.ADMIN);
        var asset2 = asset();
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/software/compliance")
            .read(base).read(base + "/titles/" + title.id()).read(base + "/licences/" + licence.id()).read(base + "/compliance")
            .admin(HttpMethod.POST, base + "/titles", "name=New&category=OTHER&platform=WEB")
            .admin(HttpMethod.POST, base + "/titles/" + title.id(), "name=Kahoot!&category=OTHER&platform=WEB&version=0")
            .admin(HttpMethod.GET, base + "/licences/new?title=" + title.id(), null)
            .admin(HttpMethod.POST, base + "/licences", "titleId=" + title.id() + "&type=FREE")
            .admin(HttpMethod.POST, base + "/licences/" + licence.id(), "titleId=" + title.id() + "&type=SITE&notes=n&version=0")
            .admin(HttpMethod.POST, base + "/licences/" + licence.id() + "/archived", "archived=true&version=1")
            .admin(HttpMethod.POST, "/schools/" + school.code() + "/assets/" + asset2.id() + "/software", "titleId=" + title.id())
            .admin(HttpMethod.POST, base + "/installations/" + installation.id() + "/remove", "version=0")
            .admin(HttpMethod.POST, base + "/titles/" + title.id() + "/archived", "archived=true&version=1")
            .verify();
    }
}
