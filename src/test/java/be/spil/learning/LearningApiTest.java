package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolLevel;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class LearningApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Frameworks frameworks;

    SchoolView school;
    PersonView coordinator;
    String base;
    long digcomp;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        base = "/api/v1/schools/" + school.code() + "/learning-line";
        digcomp = frameworks.shipped("digcomp").orElseThrow();
    }

    private ResultActions send(HttpMethod method, String path, String json) throws Exception {
        return send(method, path, json, coordinator.email());
    }

    private ResultActions send(HttpMethod method, String path, String json, String user) throws Exception {
        var builder = method == HttpMethod.POST ? post(path) : method == HttpMethod.PUT ? put(path) : patch(path);
        return mvc.perform(builder.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions read(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)));
    }

    private void start() throws Exception {
        send(HttpMethod.PUT, base, "{\"framework\":" + digcomp + ",\"domains\":[\"Wiskunde\",\"Taal\"]}").andExpect(status().isOk());
    }

    private long activity(String competence, String grade, String step) throws Exception {
        String body = send(HttpMethod.POST, base + "/activities", "{\"competence\":\"" + competence + "\",\"grade\":\"" + grade
            + "\",\"domain\":\"Wiskunde\",\"description\":\"Zoeken op een kinderzoekmachine\",\"step\":\"" + step + "\"}")
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void shipsDigCompDigCompEduAndTheFlemishGoalsWithTheirAttribution() throws Exception {
        read("/api/v1/frameworks").andExpect(status().isOk())
            .andExpect(jsonPath("$.items[?(@.code=='digcomp')].competenceCount").value(hasItem(26)))
            .andExpect(jsonPath("$.items[?(@.code=='digcompedu')].competenceCount").value(hasItem(28)))
            .andExpect(jsonPath("$.items[?(@.code=='vl-basis-ict')].competenceCount").value(hasItem(9)))
            .andExpect(jsonPath("$.items[?(@.code=='vl-sec-sc4')].audience").value(hasItem("PUPIL")));
        read("/api/v1/frameworks/" + digcomp).andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value("2.2"))
            .andExpect(jsonPath("$.levels.length()").value(8))
            .andExpect(jsonPath("$.licence").value("CC BY 4.0"))
            .andExpect(jsonPath("$.attribution").value(containsString("Joint Research Centre")))
            .andExpect(jsonPath("$.competences[?(@.code=='3.4')].nameEn").value(hasItem("Programming")));
        long edu = frameworks.shipped("digcompedu").orElseThrow();
        read("/api/v1/frameworks/" + edu).andExpect(jsonPath("$.levels[0]").value("A1")).andExpect(jsonPath("$.levels[5]").value("C2"))
            .andExpect(jsonPath("$.audience").value("TEACHER"));
        // loading again adds nothing
        assertThat(frameworks.loadShipped()).isZero();
    }

    @Test
    void buildsALearningLineAndAnalysesIt() throws Exception {
        read(base).andExpect(status().isNotFound());
        start();
        read(base).andExpect(status().isOk()).andExpect(jsonPath("$.grades[0]").value("K1"))
            .andExpect(jsonPath("$.grades.length()").value(9)).andExpect(jsonPath("$.domains[1]").value("Taal"));
        var teacher = fixtures.user(school, Role.STAFF);
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.1\",\"grade\":\"L1\",\"domain\":\"Taal\",\"description\":"
            + "\"Een prentenboek digitaal opzoeken\",\"tool\":\"Tablet\",\"step\":\"INTRODUCE\",\"workForm\":\"PARTNER\",\"teacher\":"
            + teacher.id() + "}")
            .andExpect(status().isCreated()).andExpect(header().string("Location", containsString("/learning-line/activities/")))
            .andExpect(jsonPath("$.teacherName").value(teacher.name())).andExpect(jsonPath("$.workForm").value("PARTNER"));
        activity("1.1", "L3", "MASTER");
        read(base + "/analysis").andExpect(status().isOk())
            .andExpect(jsonPath("$.coverage.covered").value(1)).andExpect(jsonPath("$.coverage.total").value(21))
            .andExpect(jsonPath("$.coverage.mastered").value(1))
            .andExpect(jsonPath("$.heat['1.1'].L3.highest").value("MASTER"))
            .andExpect(jsonPath("$.findings[?(@.kind=='TOO_EARLY' && @.competence=='1.1')].grade").value(hasItem("L3")))
            .andExpect(jsonPath("$.findings[?(@.kind=='GAP' && @.competence=='1.1')].grade").value(hasItem("L2")))
            .andExpect(jsonPath("$.findings[?(@.kind=='MISSING')].competence").value(hasItem("5.4")))
            .andExpect(jsonPath("$.counts.CRITICAL").value(20))
            .andExpect(jsonPath("$.balancePercent").value(50));
        read(base + "/activities?grade=L1").andExpect(jsonPath("$.total").value(1));
        read(base + "/activities?competence=1.1").andExpect(jsonPath("$.total").value(2));
        String csv = read(base + "/export.csv").andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFCode;Competentie;Leerjaar;").contains("1.1;").contains(";Kennismaken;Duowerk;" + teacher.name());
    }

    @Test
    void secondarySchoolsHaveYearsOneToSix() throws Exception {
        var sec = fixtures.school(SchoolLevel.SECUNDAIR);
        var c = fixtures.user(sec, Role.ICT_COORDINATOR);
        String path = "/api/v1/schools/" + sec.code() + "/learning-line";
        send(HttpMethod.PUT, path, "{\"framework\":" + digcomp + ",\"domains\":[\"Wiskunde\"]}", c.email())
            .andExpect(status().isOk()).andExpect(jsonPath("$.grades[0]").value("S1")).andExpect(jsonPath("$.grades.length()").value(6));
        send(HttpMethod.POST, path + "/activities", "{\"competence\":\"1.1\",\"grade\":\"L1\",\"domain\":\"Wiskunde\",\"description\":"
            + "\"x\",\"step\":\"INTRODUCE\"}", c.email())
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("grade"));
    }

    @Test
    void refusesBadActivitiesNamingTheFieldAndChangesNothing() throws Exception {
        start();
        long id = activity("1.1", "L1", "INTRODUCE");
        var other = fixtures.school();
        var stranger = fixtures.user(other, Role.STAFF);
        String before = read(base).andReturn().getResponse().getContentAsString();
        String ok = "\"grade\":\"L1\",\"domain\":\"Wiskunde\",\"description\":\"x\",\"step\":\"INTRODUCE\"";
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"9.9\"," + ok + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("competence"));
        // an area is not a competence to plan for
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1\"," + ok + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("competence"));
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.1\"," + ok + ",\"teacher\":" + stranger.id() + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("teacher"));
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.1\",\"grade\":\"L9\",\"domain\":\"Wiskunde\",\"description\":\"x\","
            + "\"step\":\"INTRODUCE\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("grade")));
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.1\",\"grade\":\"L1\",\"domain\":\"Wiskunde\",\"description\":\"x\","
            + "\"step\":\"LATER\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("step")));
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.1\",\"grade\":\"L1\",\"domain\":\"Wiskunde\",\"description\":\""
            + "x".repeat(1001) + "\",\"step\":\"INTRODUCE\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));
        send(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.1\",\"grade\":\"L1\",\"domain\":\"\",\"description\":\"x\","
            + "\"step\":\"INTRODUCE\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("domain"));
        send(HttpMethod.POST, base + "/activities", "{\"competence\":").andExpect(status().isBadRequest());
        // a whole line with one bad activity changes nothing
        send(HttpMethod.PUT, base, "{\"framework\":" + digcomp + ",\"domains\":[\"Wiskunde\",\"Taal\"],\"version\":0,\"activities\":["
            + "{\"competence\":\"1.2\"," + ok + "},{\"competence\":\"nope\"," + ok + "}]}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("activities[1].competence"));
        send(HttpMethod.PUT, base, "{\"framework\":" + digcomp + ",\"domains\":[],\"version\":0}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("domains"));
        long edu = frameworks.shipped("digcompedu").orElseThrow();
        send(HttpMethod.PUT, base, "{\"framework\":" + edu + ",\"domains\":[\"Taal\"],\"version\":0}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("framework"));
        assertThat(read(base).andReturn().getResponse().getContentAsString()).isEqualTo(before);
        // stale version
        send(HttpMethod.PATCH, base + "/activities/" + id, "{\"description\":\"Nieuw\",\"version\":0}").andExpect(status().isOk());
        send(HttpMethod.PATCH, base + "/activities/" + id, "{\"description\":\"Ouder\",\"version\":0}")
            .andExpect(status().isConflict());
        send(HttpMethod.PUT, base, "{\"framework\":" + digcomp + ",\"domains\":[\"Taal\"],\"version\":7}").andExpect(status().isConflict());
    }

    @Test
    void replacingTheLineArchivesTheOldActivitiesAndKeepsTheirHistory() throws Exception {
        start();
        long old = activity("1.1", "L1", "INTRODUCE");
        String a = "{\"competence\":\"2.1\",\"grade\":\"K3\",\"domain\":\"Taal\",\"description\":\"<script>alert(1)</script>\","
            + "\"step\":\"INTRODUCE\",\"workForm\":\"CORNER\"}";
        send(HttpMethod.PUT, base, "{\"framework\":" + digcomp + ",\"domains\":[\"Wiskunde\",\"Taal\",\"Frans\"],\"version\":0,"
            + "\"activities\":[" + a + "]}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.activities.length()").value(1))
            .andExpect(jsonPath("$.activities[0].description").value("<script>alert(1)</script>"))
            .andExpect(jsonPath("$.version").value(1));
        read(base + "/activities/" + old).andExpect(jsonPath("$.archived").value(true));
        read(base + "/activities/" + old + "/history").andExpect(jsonPath("$[0].action").value("ARCHIVED"));
        send(HttpMethod.PATCH, base + "/activities/" + old, "{\"archived\":false,\"version\":1}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(false));
    }

    @Test
    void importsASchoolsOwnFrameworkAllOrNothing() throws Exception {
        String path = "/api/v1/schools/" + school.code() + "/frameworks/import";
        String meta = "?code=net-ict&version=2024&name=LeerplanICT&audience=PUPIL&levels=G1,G2";
        byte[] bad = "Code;Ouder;Niveau;Naam\nA;;;Gebied\nA.1;A;G1;Goed\nA.1;A;;Dubbel\nB.1;B;;Wees\nA.2;A;G5;Niveau\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        mvc.perform(post(path + meta).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType("text/csv").content(bad))
            .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
            .andExpect(jsonPath("$.errors[0].row").value(4)).andExpect(jsonPath("$.errors[0].field").value("code"))
            .andExpect(jsonPath("$.errors[1].field").value("parent")).andExpect(jsonPath("$.errors[2].field").value("level"))
            .andExpect(jsonPath("$.errors[2].message").value(containsString("G5")));
        assertThat(read("/api/v1/frameworks").andReturn().getResponse().getContentAsString()).doesNotContain("net-ict");

        byte[] good = "Code;Ouder;Niveau;Naam\nA;;;Gebied\nA.1;A;G2;Zoeken met \u00e9\u00e9n zoekmachine\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        mvc.perform(post(path + meta + "&dryRun=true").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType("text/csv").content(good))
            .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.dryRun").value(true));
        assertThat(read("/api/v1/frameworks").andReturn().getResponse().getContentAsString()).doesNotContain("net-ict");
        String body = mvc.perform(post(path + meta).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType("text/csv").content(good))
            .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        read("/api/v1/frameworks/" + id).andExpect(jsonPath("$.school").value(school.code()))
            .andExpect(jsonPath("$.competences[1].name").value("Zoeken met \u00e9\u00e9n zoekmachine"));
        mvc.perform(post(path + meta).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType("text/csv").content(good))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("version"));
        // the export imports again as a new version
        byte[] json = read("/api/v1/frameworks/" + id + "/export.json").andReturn().getResponse().getContentAsByteArray();
        String v2 = new String(json, StandardCharsets.UTF_8).replace("\"2024\"", "\"2025\"").replace("\"Gebied\"", "\"Domein\"");
        body = mvc.perform(post(path).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(v2))
            .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2)).andReturn().getResponse().getContentAsString();
        long id2 = ((Number) JsonPath.read(body, "$.id")).longValue();
        read("/api/v1/frameworks/" + id2 + "/changes?from=" + id).andExpect(jsonPath("$.renamed[0]").value("A"))
            .andExpect(jsonPath("$.added.length()").value(0));
        // a school's own framework can carry its line
        send(HttpMethod.PUT, base, "{\"framework\":" + id2 + ",\"domains\":[\"Wiskunde\"]}").andExpect(status().isOk());
        // the group-wide import is for central admins only
        mvc.perform(post("/api/v1/frameworks/import" + meta).with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
            .contentType("text/csv").content(good)).andExpect(status().isForbidden());
        mvc.perform(post(path + meta).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType("text/csv").content(new byte[0]))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void learningEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        start();
        long id = activity("1.1", "L1", "INTRODUCE");
        String own = "{\"code\":\"own-" + Fixtures.unique() + "\",\"version\":\"1\",\"name\":\"Eigen\",\"audience\":\"PUPIL\","
            + "\"levels\":[\"1\"],\"competences\":[{\"code\":\"A\",\"name\":\"Gebied\"},{\"code\":\"A.1\",\"parent\":\"A\",\"name\":\"Een\"}]}";
        String body = mvc.perform(post("/api/v1/schools/" + school.code() + "/frameworks/import").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(own)).andReturn().getResponse().getContentAsString();
        long fw = ((Number) JsonPath.read(body, "$.id")).longValue();
        String own2 = own.replace("\"version\":\"1\"", "\"version\":\"2\"");
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged(base)
            .read(base).read(base + "/analysis").read(base + "/activities").read(base + "/activities/" + id)
            .read(base + "/activities/" + id + "/history").read(base + "/export.csv")
            .read("/api/v1/frameworks/" + fw).read("/api/v1/frameworks/" + fw + "/export.csv").read("/api/v1/frameworks/" + fw + "/export.json")
            .admin(HttpMethod.POST, base + "/activities", "{\"competence\":\"1.2\",\"grade\":\"L2\",\"domain\":\"Taal\",\"description\":\"x\","
                + "\"step\":\"INTRODUCE\"}")
            .admin(HttpMethod.PATCH, base + "/activities/" + id, "{\"tool\":\"Laptop\",\"version\":0}")
            .admin(HttpMethod.PUT, base, "{\"framework\":" + digcomp + ",\"domains\":[\"Wiskunde\",\"Taal\",\"Frans\"],\"version\":0}")
            .admin(HttpMethod.POST, "/api/v1/schools/" + school.code() + "/frameworks/import", own2)
            .verify();
        mvc.perform(get("/api/v1/frameworks")).andExpect(status().isUnauthorized());
        // another school does not see the school's own framework in the list
        mvc.perform(get("/api/v1/frameworks").with(httpBasic(outsider.email(), Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id==" + fw + ")]").isEmpty());
    }
}
