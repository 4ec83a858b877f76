package be.spil.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
class PeopleApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;

    SchoolView school;
    String coordinator;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
    }

    private ResultActions postPerson(String json) throws Exception {
        return mvc.perform(post("/api/v1/schools/" + school.code() + "/people").with(httpBasic(coordinator, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createsAPersonWithRolesAndClassAndFindsThemBySearch() throws Exception {
        fixtures.group(school, "5A", 5);
        postPerson("""
            {"firstName":"Émile","lastName":"Çelik","email":"Emile.Celik@School.be","kind":"PUPIL","group":"5A"}""")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/v1/schools/" + school.code() + "/people/")))
            .andExpect(jsonPath("$.id").isNumber())
            .andExpect(jsonPath("$.email").value("emile.celik@school.be"))
            .andExpect(jsonPath("$.group").value("5A"));
        for (String q : new String[] {"celik", "EMILE", "5a", "school.be"}) {
            mvc.perform(get("/api/v1/schools/" + school.code() + "/people").param("q", q).with(httpBasic(coordinator, Fixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Çelik"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50));
        }
    }

    @Test
    void theSameEmailInAnotherSchoolIsTheSamePerson() throws Exception {
        var other = fixtures.school();
        var teacher = fixtures.user(other, Role.STAFF);
        postPerson("{\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"" + teacher.email() + "\",\"kind\":\"STAFF\",\"roles\":[\"STAFF\"]}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").value(teacher.id()))
            .andExpect(jsonPath("$.firstName").value("Test"));
        postPerson("{\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"" + teacher.email() + "\",\"kind\":\"STAFF\"}")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void aCoordinatorCannotTakeOverAnAccountThatIsNotOnlyTheirSchools() throws Exception {
        postPerson("{\"firstName\":\"X\",\"lastName\":\"Y\",\"email\":\"admin@test.spil.be\",\"kind\":\"STAFF\","
                + "\"password\":\"Taken-Over-Account-77\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(get("/api/v1/me").with(httpBasic("admin@test.spil.be", "Taken-Over-Account-77"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD))).andExpect(status().isOk());

        var director = fixtures.user(school, Role.DIRECTOR);
        mvc.perform(patch("/api/v1/schools/" + school.code() + "/people/" + director.id()).with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Taken-Over-Account-77\",\"version\":" + director.version() + "}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("password"));

        var other = fixtures.school();
        var shared = fixtures.user(other, Role.STAFF);
        var linked = fixtures.person(school, new PersonForm("A", "B", shared.email(), PersonKind.STAFF, java.util.Set.of(Role.STAFF), null, null, null));
        mvc.perform(patch("/api/v1/schools/" + school.code() + "/people/" + linked.id()).with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"mine@x.be\",\"version\":" + linked.version() + "}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get("/api/v1/me").with(httpBasic(shared.email(), Fixtures.PASSWORD))).andExpect(status().isOk());

        // a teacher of only this school: the coordinator may reset the password
        var teacher = fixtures.user(school, Role.STAFF);
        mvc.perform(patch("/api/v1/schools/" + school.code() + "/people/" + teacher.id()).with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"Nieuw-Wachtwoord-Voor-Jou\",\"version\":" + teacher.version() + "}"))
            .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").with(httpBasic(teacher.email(), "Nieuw-Wachtwoord-Voor-Jou"))).andExpect(status().isOk());
    }

    @Test
    void badInputGetsAProblemThatNamesTheField() throws Exception {
        postPerson("{\"firstName\":").andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value("the body is not valid JSON"));
        postPerson("{\"lastName\":\"Peeters\",\"kind\":\"STAFF\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field", hasItem("firstName")));
        postPerson("{\"firstName\":\"" + "a".repeat(101) + "\",\"lastName\":\"P\",\"kind\":\"STAFF\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("firstName"));
        postPerson("{\"firstName\":\"A\",\"lastName\":\"P\",\"kind\":\"TEACHER\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("kind"))
            .andExpect(jsonPath("$.detail", containsString("STAFF, PUPIL, EXTERNAL")));
        postPerson("{\"firstName\":\"A\",\"lastName\":\"P\",\"kind\":\"STAFF\",\"roles\":\"STAFF\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("roles"));
        postPerson("{\"firstName\":\"A\",\"lastName\":\"P\",\"kind\":\"PUPIL\",\"roles\":[\"STAFF\"]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("roles"));
        postPerson("{\"firstName\":\"A\",\"lastName\":\"P\",\"kind\":\"STAFF\",\"email\":\"not-an-email\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("email"));
        postPerson("{\"firstName\":\"A\",\"lastName\":\"P\",\"kind\":\"STAFF\",\"group\":\"9Z\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("group"));
        postPerson("{\"firstName\":\"A\",\"lastName\":\"P\",\"kind\":\"STAFF\",\"email\":\"a-" + Fixtures.unique()
            + "@x.be\",\"password\":\"short\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("password"));
        mvc.perform(get("/api/v1/schools/" + school.code() + "/people").param("size", "501").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/schools/" + school.code() + "/people").param("kind", "X").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/v1/schools/" + school.code() + "/people").param("sort", "password,asc").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        // nothing of the above was stored: only the coordinator is in the school
        mvc.perform(get("/api/v1/schools/" + school.code() + "/people").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void scriptInTextIsStoredAsTextAndRenderedInert() throws Exception {
        String body = postPerson("{\"firstName\":\"<script>alert(1)</script>\",\"lastName\":\"O'Brien & Zn\",\"kind\":\"STAFF\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.firstName").value("<script>alert(1)</script>"))
            .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        var session = TenancyCheck.signIn(mvc, coordinator);
        String html = mvc.perform(get("/schools/" + school.code() + "/people/" + id).session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aStaleVersionIsRefusedWithWhoChangedItAndTheNewerValues() throws Exception {
        var person = fixtures.pupil(school, "Lotte", "Janssens", null);
        String path = "/api/v1/schools/" + school.code() + "/people/" + person.id();
        mvc.perform(patch(path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\":\"Janssen\",\"version\":" + person.version() + "}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.lastName").value("Janssen"));
        mvc.perform(patch(path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"firstName\":\"Lot\",\"version\":" + person.version() + "}"))
            .andExpect(status().isConflict())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.changedBy", containsString(coordinator)))
            .andExpect(jsonPath("$.current.lastName").value("Janssen"))
            .andExpect(jsonPath("$.current.firstName").value("Lotte"));
        mvc.perform(get(path + "/history").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].action").value("UPDATED"))
            .andExpect(jsonPath("$[0].changes[0].field").value("lastName"))
            .andExpect(jsonPath("$[0].changes[0].from").value("Janssens"))
            .andExpect(jsonPath("$[0].changes[0].to").value("Janssen"))
            .andExpect(jsonPath("$[1].action").value("CREATED"));
    }

    @Test
    void aPersonsDataCanBeExported() throws Exception {
        fixtures.group(school, "6B", 6);
        var pupil = fixtures.pupil(school, "Finn", "Dubois", "6B");
        String path = "/api/v1/schools/" + school.code() + "/people/" + pupil.id() + "/export";
        mvc.perform(get(path).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(jsonPath("$.lastName").value("Dubois"))
            .andExpect(jsonPath("$.schools[0].group").value("6B"))
            .andExpect(jsonPath("$.history[0].action").value("CREATED"));
        var staff = fixtures.user(school, Role.STAFF);
        mvc.perform(get(path).with(httpBasic(staff.email(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
        var session = TenancyCheck.signIn(mvc, coordinator);
        mvc.perform(get("/schools/" + school.code() + "/people/" + pupil.id() + "/export").session(session))
            .andExpect(status().isOk()).andExpect(jsonPath("$.firstName").value("Finn"));
    }

    @Test
    void archivedPeopleLeaveTheListAndCanBeRestored() throws Exception {
        var person = fixtures.user(school, Role.STAFF);
        String path = "/api/v1/schools/" + school.code() + "/people/" + person.id();
        mvc.perform(patch(path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"archived\":true,\"version\":" + person.version() + "}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        mvc.perform(get("/api/v1/me").with(httpBasic(person.email(), Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/schools/" + school.code() + "/people").param("archived", "true").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1));
        int version = Integer.parseInt(mvc.perform(get(path).with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andReturn().getResponse().getContentAsString().replaceAll(".*\"version\":(\\d+).*", "$1"));
        mvc.perform(patch(path).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"archived\":false,\"version\":" + version + "}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(false));
        mvc.perform(get("/api/v1/me").with(httpBasic(person.email(), Fixtures.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void peopleEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var pupil = fixtures.pupil(school, "Noor", "Claes", null);
        String base = "/api/v1/schools/" + school.code() + "/people";
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/" + pupil.id())
            .read(base).read(base + "/" + pupil.id()).read(base + "/" + pupil.id() + "/history")
            .admin(HttpMethod.POST, base, "{\"firstName\":\"N\",\"lastName\":\"New\",\"kind\":\"PUPIL\"}")
            .admin(HttpMethod.PATCH, base + "/" + pupil.id(), "{\"lastName\":\"Claessens\",\"version\":" + pupil.version() + "}")
            .verify();
        // another school's person through one's own school code: 404 as well
        mvc.perform(get("/api/v1/schools/" + other.code() + "/people/" + pupil.id()).with(httpBasic(outsider.email(), Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
    }

    @Test
    void peoplePagesKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var pupil = fixtures.pupil(school, "Noor", "Claes", null);
        String base = "/schools/" + school.code() + "/people";
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/people/" + pupil.id())
            .read(base).read(base + "/" + pupil.id())
            .admin(HttpMethod.GET, base + "/new", null)
            .admin(HttpMethod.POST, base, "firstName=N&lastName=New&kind=PUPIL")
            .admin(HttpMethod.POST, base + "/" + pupil.id(), "firstName=Noor&lastName=Claessens&kind=PUPIL&version=" + pupil.version())
            .verify();
    }
}
