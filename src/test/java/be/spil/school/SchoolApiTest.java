package be.spil.school;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class SchoolApiTest {
    static final String ADMIN = "admin@test.spil.be";
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    private ResultActions create(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/schools").with(httpBasic(user, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aCentralAdminCreatesSchools() throws Exception {
        String code = "linde-" + Fixtures.unique();
        create(ADMIN, "{\"code\":\"" + code + "\",\"name\":\"Basisschool De Linde\",\"level\":\"BASIS\",\"institutionNumber\":\"012345\"}")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/schools/" + code))
            .andExpect(jsonPath("$.code").value(code))
            .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/v1/schools").with(httpBasic(ADMIN, Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items[*].code", hasItem(code)));
        mvc.perform(get("/api/v1/schools/" + code + "/history").with(httpBasic(ADMIN, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$[0].action").value("CREATED"))
            .andExpect(jsonPath("$[0].actor").value(org.hamcrest.Matchers.containsString(ADMIN)));
    }

    @Test
    void onlyCentralAdminsCreateSchoolsAndOthersSeeOnlyTheirOwn() throws Exception {
        var school = fixtures.school();
        var other = fixtures.school();
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        create(coordinator, "{\"code\":\"x-" + Fixtures.unique() + "\",\"name\":\"X\",\"level\":\"BASIS\"}").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/schools").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].code").value(school.code()));
        mvc.perform(get("/api/v1/schools/" + other.code()).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/schools/" + school.code()).with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Mine\",\"version\":0}"))
            .andExpect(status().isForbidden());
    }

    @Test
    void badSchoolsAreRefusedWithTheField() throws Exception {
        String code = "dup-" + Fixtures.unique();
        create(ADMIN, "{\"code\":\"" + code + "\",\"name\":\"A\",\"level\":\"BASIS\"}").andExpect(status().isCreated());
        create(ADMIN, "{\"code\":\"" + code + "\",\"name\":\"B\",\"level\":\"BASIS\"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("code"));
        create(ADMIN, "{\"code\":\"Sint Jozef!\",\"name\":\"B\",\"level\":\"BASIS\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("code"));
        create(ADMIN, "{\"code\":\"ok-" + Fixtures.unique() + "\",\"name\":\"\",\"level\":\"BASIS\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        create(ADMIN, "{\"code\":\"ok-" + Fixtures.unique() + "\",\"name\":\"B\",\"level\":\"HOGESCHOOL\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("level"));
        create(ADMIN, "{\"code\":\"ok-" + Fixtures.unique() + "\",\"name\":\"B\",\"level\":\"BASIS\",\"institutionNumber\":\"12a\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("institutionNumber"));
        create(ADMIN, "{\"code\":\"ok-" + Fixtures.unique() + "\",\"name\":\"" + "n".repeat(201) + "\",\"level\":\"BASIS\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        create(ADMIN, "[1,2]").andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/schools").with(httpBasic(ADMIN, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[*].name", not(hasItem("B"))));
    }

    @Test
    void aStaleChangeOfASchoolIsRefused() throws Exception {
        var school = fixtures.school();
        String path = "/api/v1/schools/" + school.code();
        mvc.perform(patch(path).with(httpBasic(ADMIN, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"Brugge\",\"version\":0}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(patch(path).with(httpBasic(ADMIN, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"Gent\",\"version\":0}"))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.current.city").value("Brugge"));
        mvc.perform(patch(path).with(httpBasic(ADMIN, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"Gent\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(patch(path).with(httpBasic(ADMIN, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"version\":1}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void schoolEndpointsKeepToTheirSchool() throws Exception {
        var school = fixtures.school();
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        var staff = fixtures.user(school, Role.STAFF).email();
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        TenancyCheck.api(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code())
            .read("/api/v1/schools/" + school.code()).read("/api/v1/schools/" + school.code() + "/history")
            .verify();
        TenancyCheck.ui(mvc).outsider(outsider).staff(staff).manager(coordinator)
            .read("/schools/" + school.code())
            .verify();
    }
}
