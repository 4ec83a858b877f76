package be.spil.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class HomePageTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired be.spil.inventory.Assets assets;

    @Test
    void showsTheSchoolAtAGlanceAndTheLatestChangesToManagers() throws Exception {
        var school = fixtures.school();
        fixtures.group(school, "1A", 1);
        fixtures.pupil(school, "Jules", "Peeters", "1A");
        fixtures.pupil(school, "Mona", "Lambrechts", "1A");
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        assets.create(school.id(), new be.spil.inventory.AssetForm(be.spil.inventory.AssetCategory.LAPTOP, "Dell", "Latitude 3540",
            null, "HOME-" + Fixtures.unique(), null, null, null, null, null, null,
            java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30), null, null, null, null, null), Fixtures.ADMIN);
        String page = mvc.perform(get("/").session(TenancyCheck.signIn(mvc, coordinator.email())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(school.name()).contains("1 personeelslid").contains("2 leerlingen in 1 klas")
            .contains("Laatste wijzigingen").contains("Mona Lambrechts")
            .contains("In voorraad: 1").contains("1 toestel waarvan de garantie binnen 90 dagen afloopt");
        var teacher = fixtures.user(school, Role.STAFF);
        String teachers = mvc.perform(get("/").session(TenancyCheck.signIn(mvc, teacher.email())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(teachers).contains("2 personeelsleden").doesNotContain("Laatste wijzigingen");
    }
}
