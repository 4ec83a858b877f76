package be.spil.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class AssetsImportPageTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    SchoolView school;
    String coordinator;
    String page;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        page = "/schools/" + school.code() + "/assets/import";
    }

    @Test
    void previewShowsRowsWithTheirErrorsThenConfirmWrites() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        byte[] file = "Inventarisnummer;Categorie;Opmerkingen\nPG-1;laptop;<script>alert(1)</script>\nPG-2;broodrooster;\n"
            .getBytes(StandardCharsets.UTF_8);
        String html = mvc.perform(multipart(page).file(new MockMultipartFile("file", "toestellen.csv", "text/csv", file))
                .session(session).with(csrf()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Voorbeeld van toestellen.csv", "1 nieuw", "broodrooster", "import/confirm")
            .doesNotContain("<script>alert");
        String api = "/api/v1/schools/" + school.code() + "/assets";
        assertThat(mvc.perform(get(api).with(httpBasic(coordinator, Fixtures.PASSWORD))).andReturn().getResponse()
            .getContentAsString()).contains("\"total\":0");
        String done = mvc.perform(post(page + "/confirm").session(session).with(csrf()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(done).contains("Import uitgevoerd", "1 nieuw");
        assertThat(mvc.perform(get(api).with(httpBasic(coordinator, Fixtures.PASSWORD))).andReturn().getResponse()
            .getContentAsString()).contains("\"total\":1", "PG-1");
        String csv = mvc.perform(get("/schools/" + school.code() + "/assets/export.csv").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Inventarisnummer;", "PG-1;");
        mvc.perform(post(page).session(session).with(csrf())).andExpect(status().isOk());
    }

    @Test
    void importPageKeepsToItsSchoolAndRoles() throws Exception {
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/assets")
            .admin(HttpMethod.GET, page, null)
            .admin(HttpMethod.POST, page, "atomic=true")
            .admin(HttpMethod.POST, page + "/confirm", "")
            .read("/schools/" + school.code() + "/assets/export.csv")
            .verify();
    }
}
