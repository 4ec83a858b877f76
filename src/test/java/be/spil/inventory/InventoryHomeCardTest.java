package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The home card's licences and not-seen assets, and the list's "not seen for N days" filter (never seen counts). */
@SpilIntegrationTest
class InventoryHomeCardTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Software software;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    SchoolView school;
    String coordinator;
    AssetView seenToday;
    AssetView seenLongAgo;
    AssetView neverSeen;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        seenToday = asset();
        seenLongAgo = asset();
        neverSeen = asset();
        seen(seenToday, Duration.ofHours(2));
        seen(seenLongAgo, Duration.ofDays(40));
    }

    private AssetView asset() {
        return assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, null, null, null, null, AssetStatus.IN_USE, null, null,
            null, null, null, null, null, null, null, null, null), Fixtures.ADMIN);
    }

    private void seen(AssetView asset, Duration ago) {
        jdbc.sql("update asset set last_seen_at = :at where id = :id").param("at", Timestamp.from(clock.instant().minus(ago)))
            .param("id", asset.id()).update();
    }

    @Test
    void theListFiltersAssetsNotSeenForSomeDaysCountingNeverSeen() throws Exception {
        String base = "/api/v1/schools/" + school.code() + "/assets";
        mvc.perform(get(base + "?notSeenDays=30&sort=tag").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2))
            .andExpect(jsonPath("$.items[0].tag").value(seenLongAgo.tag()))
            .andExpect(jsonPath("$.items[1].tag").value(neverSeen.tag()));
        mvc.perform(get(base + "?notSeenDays=60").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get(base + "?notSeenDays=-1").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("notSeenDays"));
        mvc.perform(get(base + "?notSeenDays=abc").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest());
        String page = mvc.perform(get("/schools/" + school.code() + "/assets?notSeenDays=30")
                .session(TenancyCheck.signIn(mvc, coordinator)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(seenLongAgo.tag(), neverSeen.tag()).doesNotContain(">" + seenToday.tag() + "<")
            .contains("id=\"notSeenDays\"");
    }

    @Test
    void theHomeCardCountsAssetsNotSeenAndLicencesEndingSoon() throws Exception {
        var title = software.createTitle(school.id(), new Software.TitleForm("Office", null, SoftwareCategory.OFFICE,
            SoftwarePlatform.WINDOWS, null), Fixtures.ADMIN);
        LocalDate today = LocalDate.now(clock);
        software.createLicence(school.id(), new Software.LicenceForm(title.id(), LicenceType.PER_DEVICE, 5, null, null,
            today.plusDays(10), null, null, null, null, null, null), Fixtures.ADMIN);
        software.createLicence(school.id(), new Software.LicenceForm(title.id(), LicenceType.PER_DEVICE, 5, null, null,
            today.plusDays(200), null, null, null, null, null, null), Fixtures.ADMIN);
        String home = mvc.perform(get("/").session(TenancyCheck.signIn(mvc, coordinator)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("2 toestellen niet gezien sinds 30 dagen (of nooit)")
            .contains("1 licentie loopt af binnen 90 dagen")
            .contains("/schools/" + school.code() + "/assets?notSeenDays=30");
    }
}
