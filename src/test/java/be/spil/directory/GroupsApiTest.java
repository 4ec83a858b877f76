package be.spil.directory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
class GroupsApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    SchoolView school;
    String coordinator;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/schools/" + school.code() + "/groups").with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createsClassesWithTheirGrade() throws Exception {
        create("{\"name\":\"5A\",\"grade\":5}").andExpect(status().isCreated()).andExpect(jsonPath("$.grade").value(5));
        create("{\"name\":\"1B\",\"grade\":1}").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/schools/" + school.code() + "/groups").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[0].name").value("1B"))
            .andExpect(jsonPath("$.items[1].name").value("5A"));
    }

    @Test
    void refusesBadClasses() throws Exception {
        create("{\"name\":\"5A\",\"grade\":5}").andExpect(status().isCreated());
        create("{\"name\":\"5A\",\"grade\":5}").andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("name"));
        create("{\"name\":\"\",\"grade\":5}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        create("{\"name\":\"6A\",\"grade\":13}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("grade"));
        create("{\"name\":\"6A\",\"grade\":\"zes\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("grade"));
        create("{\"name\":\"" + "x".repeat(41) + "\"}").andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/schools/" + school.code() + "/groups").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void groupEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        long id = fixtures.group(school, "3C", 3);
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        var staff = fixtures.user(school, Role.STAFF).email();
        String base = "/api/v1/schools/" + school.code() + "/groups";
        TenancyCheck.api(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .unchanged(base + "/" + id)
            .read(base).read(base + "/" + id)
            .admin(HttpMethod.POST, base, "{\"name\":\"4D\",\"grade\":4}")
            .admin(HttpMethod.PATCH, base + "/" + id, "{\"grade\":4,\"version\":0}")
            .verify();
        String ui = "/schools/" + school.code() + "/groups";
        TenancyCheck.ui(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .read(ui)
            .admin(HttpMethod.POST, ui, "name=4E&grade=4")
            .admin(HttpMethod.POST, ui + "/" + id + "/archive", "archived=true")
            .verify();
    }
}
