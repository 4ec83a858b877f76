package be.spil.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.audit.AuditTrail;
import be.spil.directory.OrganisationForm;
import be.spil.directory.OrganisationKind;
import be.spil.directory.Organisations;
import be.spil.directory.PersonView;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class TeamApiTest {
    private static final AtomicInteger YEARS = new AtomicInteger(2198);

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Organisations organisations;
    @Autowired Team team;
    @Autowired AuditTrail audit;

    SchoolView school;
    PersonView coordinator;
    SchoolYearView year;
    String base;
    String y;

    /** A school year of its own for each test, far in the future. */
    static SchoolYearView freshYear(SchoolCalendar calendar) {
        int first = YEARS.getAndDecrement();
        return calendar.createSchoolYear(new SchoolYearForm(first + "-" + (first + 1), null, null, null), Fixtures.ADMIN);
    }

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        year = freshYear(calendar);
        base = "/api/v1/schools/" + school.code() + "/team";
        y = "?year=" + year.name();
    }

    private ResultActions postJson(String path, String json) throws Exception {
        return postJson(path, json, coordinator.email());
    }

    private ResultActions postJson(String path, String json, String user) throws Exception {
        return mvc.perform(post(base + path).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions patchJson(String path, String json) throws Exception {
        return mvc.perform(patch(base + path).with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    private static long id(ResultActions result) throws Exception {
        return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    }

    private long member(PersonView person, String profile, double ictHoursPerYear) throws Exception {
        return id(postJson("/members" + y, "{\"person\":" + person.id() + ",\"profile\":[" + profile + "],\"education\":\"BACHELOR_ICT\","
            + "\"ictHours\":" + ictHoursPerYear + ",\"unit\":\"YEAR\"}").andExpect(status().isCreated()));
    }

    @Test
    void theCatalogOfTheGuideShipsWithEveryClusterAndItsLevels() throws Exception {
        var staff = fixtures.user(school, Role.STAFF).email();
        getJson("/tasks", staff).andExpect(status().isOk())
            .andExpect(jsonPath("$.items[?(@.code=='T09')].cluster").value("TECHNICAL"))
            .andExpect(jsonPath("$.items[?(@.code=='T11')].levels[0]").value("CENTRAL"))
            .andExpect(jsonPath("$.items[?(@.code=='P04')].cluster").value("PEDAGOGICAL"))
            .andExpect(jsonPath("$.items[?(@.code=='B08')].levels[0]").value("CENTRAL"))
            .andExpect(jsonPath("$.items[?(@.code=='A03')].cluster").value("ADMINISTRATIVE"))
            .andExpect(jsonPath("$.items[?(@.code=='T06a')].parent").value("T06"))
            .andExpect(jsonPath("$.items[0].cluster").value("TECHNICAL"));
        assertThat(team.clusters()).hasSize(4);
        assertThat(team.competences()).filteredOn(c -> c.cluster() == null).hasSize(12);
    }

    @Test
    void aSchoolAddsRenamesAndRetiresTasksForItselfOnly() throws Exception {
        postJson("/tasks", "{\"code\":\"S-1\",\"cluster\":\"TECHNICAL\",\"name\":\"Beamers\",\"levels\":[\"CORE\"]}")
            .andExpect(status().isCreated()).andExpect(header().string("Location", containsString(base + "/tasks/S-1")))
            .andExpect(jsonPath("$.own").value(true)).andExpect(jsonPath("$.nameEn").value("Beamers"));
        postJson("/tasks", "{\"code\":\"T01\",\"cluster\":\"TECHNICAL\",\"name\":\"Dubbel\",\"levels\":[\"CORE\"]}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("code"));
        patchJson("/tasks/T01", "{\"name\":\"Toestellen onderhouden\",\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("Toestellen onderhouden")).andExpect(jsonPath("$.version").value(1));
        patchJson("/tasks/T01", "{\"retired\":true,\"version\":0}").andExpect(status().isConflict());
        patchJson("/tasks/T01", "{\"retired\":true,\"version\":1}").andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        patchJson("/tasks/S-1", "{\"name\":\"Projectoren\",\"version\":0}").andExpect(status().isOk());
        getJson("/tasks", coordinator.email()).andExpect(jsonPath("$.items[?(@.code=='T01')]").isEmpty())
            .andExpect(jsonPath("$.items[?(@.code=='S-1')].name").value("Projectoren"));
        getJson("/tasks?retired=true", coordinator.email()).andExpect(jsonPath("$.items[?(@.code=='T01')].retired").value(true));
        // another school still has the catalog as shipped and does not see this school's task
        var other = fixtures.school();
        var otherCoordinator = fixtures.user(other, Role.ICT_COORDINATOR).email();
        mvc.perform(get("/api/v1/schools/" + other.code() + "/team/tasks").with(httpBasic(otherCoordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[?(@.code=='T01')].retired").value(false))
            .andExpect(jsonPath("$.items[?(@.code=='S-1')]").isEmpty());
        getJson("/tasks/T01/history", coordinator.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$[0].action").value("ARCHIVED")).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/schools/" + other.code() + "/team/tasks/T01/history").with(httpBasic(otherCoordinator, Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        long catalogId = team.task(school.id(), "T01", Fixtures.ADMIN).id();
        assertThat(audit.history(Team.TASK_AUDIT_TYPE, catalogId)).extracting(AuditTrail.Entry::action)
            .contains(AuditTrail.Action.ARCHIVED, AuditTrail.Action.UPDATED);
    }

    @Test
    void badTasksAreRefusedNamingTheField() throws Exception {
        postJson("/tasks", "{\"code\":\"\",\"cluster\":\"TECHNICAL\",\"name\":\"X\",\"levels\":[\"CORE\"]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("code"));
        postJson("/tasks", "{\"code\":\"X1\",\"cluster\":\"TECHNICAL\",\"name\":\"" + "x".repeat(301) + "\",\"levels\":[\"CORE\"]}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson("/tasks", "{\"code\":\"X1\",\"cluster\":\"HARDWARE\",\"name\":\"X\",\"levels\":[\"CORE\"]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("cluster"));
        postJson("/tasks", "{\"code\":\"X1\",\"cluster\":\"TECHNICAL\",\"name\":\"X\",\"levels\":[]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("levels"));
        patchJson("/tasks/T02", "{\"name\":\"  \",\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        patchJson("/tasks/T02", "{\"name\":\"Y\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        patchJson("/tasks/NOPE", "{\"name\":\"Y\",\"version\":0}").andExpect(status().isNotFound());
    }

    @Test
    void membersArePeopleOrOrganisationsWithHoursStoredPerYear() throws Exception {
        var org = organisations.create(new OrganisationForm("Firma " + Fixtures.unique(), OrganisationKind.FIRM, null, null, null, null,
            null, null, java.util.List.of(), null), Fixtures.ADMIN);
        long kim = id(postJson("/members" + y, "{\"person\":" + coordinator.id() + ",\"profile\":[\"TECHNICAL\",\"POLICY\"],"
            + "\"education\":\"MASTER\",\"ictHours\":4,\"bptHours\":2,\"unit\":\"WEEK\"}")
            .andExpect(status().isCreated()).andExpect(header().string("Location", containsString(base + "/members/")))
            .andExpect(jsonPath("$.name").value(coordinator.name())).andExpect(jsonPath("$.coordinator").value(true))
            .andExpect(jsonPath("$.hoursPerYear.ICT_HOURS").value(148.0)).andExpect(jsonPath("$.hoursPerYear.BPT_HOURS").value(74.0))
            .andExpect(jsonPath("$.totalHours").value(222.0)));
        postJson("/members" + y, "{\"organisation\":" + org.id() + ",\"profile\":[\"TECHNICAL\"],\"education\":\"UNKNOWN\","
            + "\"operatingHours\":80,\"unit\":\"YEAR\"}").andExpect(status().isCreated())
            .andExpect(jsonPath("$.name").value(org.name())).andExpect(jsonPath("$.hoursPerYear.OPERATING_FUNDS").value(80.0));
        postJson("/members" + y, "{\"person\":" + coordinator.id() + ",\"education\":\"MASTER\"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("person"));
        var staff = fixtures.user(school, Role.STAFF).email();
        getJson("/members" + y, staff).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
        patchJson("/members/" + kim, "{\"ictHours\":5,\"unit\":\"WEEK\",\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.hoursPerYear.ICT_HOURS").value(185.0)).andExpect(jsonPath("$.hoursPerYear.BPT_HOURS").value(74.0));
        patchJson("/members/" + kim, "{\"education\":\"BACHELOR\",\"version\":0}").andExpect(status().isConflict());
        patchJson("/members/" + kim, "{\"profile\":[\"PEDAGOGICAL\"],\"version\":1}").andExpect(status().isOk())
            .andExpect(jsonPath("$.profile[0]").value("PEDAGOGICAL")).andExpect(jsonPath("$.hoursPerYear.ICT_HOURS").value(185.0));
        assertThat(audit.history(Team.MEMBER_AUDIT_TYPE, kim)).hasSize(3);
    }

    @Test
    void badMembersAreRefusedNamingTheField() throws Exception {
        var other = fixtures.school();
        var stranger = fixtures.user(other, Role.STAFF);
        var person = fixtures.user(school, Role.STAFF);
        postJson("/members" + y, "{\"education\":\"MASTER\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("person"));
        postJson("/members" + y, "{\"person\":" + stranger.id() + ",\"education\":\"MASTER\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("person"));
        var pupil = fixtures.pupil(school, "Noor", "Claes", null);
        postJson("/members" + y, "{\"person\":" + pupil.id() + ",\"education\":\"MASTER\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("person"))
            .andExpect(jsonPath("$.errors[0].message", containsString("pupil")));
        postJson("/members" + y, "{\"organisation\":999999999,\"education\":\"MASTER\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("organisation"));
        String ok = "{\"person\":" + person.id() + ",\"education\":\"MASTER\"";
        postJson("/members" + y, ok + ",\"ictHours\":-1}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("ictHours"));
        postJson("/members" + y, ok + ",\"bptHours\":2001}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("bptHours"));
        postJson("/members" + y, ok + ",\"otherHours\":60,\"unit\":\"WEEK\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("otherHours"));
        postJson("/members" + y, ok + ",\"ictHours\":\"veel\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("ictHours"));
        postJson("/members" + y, ok.replace("MASTER", "DOCTOR") + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("education"));
        postJson("/members" + y, ok + ",\"profile\":[\"HARDWARE\"]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field", containsString("profile")));
        postJson("/members?year=1999-2000", ok + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("year"));
        postJson("/members" + y, "{\"person\":").andExpect(status().isBadRequest());
        getJson("/members" + y, coordinator.email()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void dividesTasksAndRefusesResponsiblesOutsideTheTeamAndAbsurdHours() throws Exception {
        long kim = member(coordinator, "\"TECHNICAL\"", 100);
        var jo = fixtures.user(school, Role.STAFF);
        long joId = member(jo, "\"PEDAGOGICAL\"", 50);
        var outsiderOfTeam = fixtures.user(school, Role.STAFF);
        long a = id(postJson("/assignments" + y, "{\"task\":\"T09\",\"responsible\":" + kim + ",\"backups\":[" + joId + "],"
            + "\"level\":\"CORE\",\"funding\":\"ICT_HOURS\",\"hours\":40}")
            .andExpect(status().isCreated()).andExpect(header().string("Location", containsString(base + "/assignments/")))
            .andExpect(jsonPath("$.task").value("T09")).andExpect(jsonPath("$.backups[0]").value(joId))
            .andExpect(jsonPath("$.cluster").value("TECHNICAL")));
        String t = "{\"task\":\"T05\",\"level\":\"CORE\",\"funding\":\"ICT_HOURS\"";
        postJson("/assignments" + y, t + ",\"responsible\":" + kim + ",\"hours\":-1}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("hours"));
        postJson("/assignments" + y, t + ",\"responsible\":" + kim + ",\"hours\":2500}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("hours"));
        postJson("/assignments" + y, t + ",\"responsible\":" + outsiderOfTeam.id() + ",\"hours\":5}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("responsible"));
        postJson("/assignments" + y, t + ",\"responsible\":" + kim + ",\"backups\":[123456789],\"hours\":5}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("backups"));
        postJson("/assignments" + y, t.replace("CORE", "EVERYWHERE") + ",\"hours\":5}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("level"));
        postJson("/assignments" + y, t.replace("T05", "NOPE") + ",\"hours\":5}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("task"));
        postJson("/assignments" + y, t.replace("T05", "") + ",\"hours\":5}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("task"));
        postJson("/assignments" + y, "{\"task\":\"T09\",\"level\":\"CORE\",\"funding\":\"ICT_HOURS\",\"hours\":1}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("task"));
        // a member of next year's team is not in this year's team
        var next = freshYear(calendar);
        long nextYearMember = id(postJson("/members?year=" + next.name(), "{\"person\":" + outsiderOfTeam.id() + ",\"education\":\"OTHER\"}")
            .andExpect(status().isCreated()));
        postJson("/assignments" + y, t + ",\"responsible\":" + nextYearMember + ",\"hours\":5}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("responsible"));
        patchJson("/assignments/" + a, "{\"hours\":60,\"backups\":[],\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.hours").value(60.0)).andExpect(jsonPath("$.backups").isEmpty());
        patchJson("/assignments/" + a, "{\"hours\":61,\"version\":0}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.status").value(409));
        patchJson("/assignments/" + a, "{\"hours\":61}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        getJson("/assignments" + y, fixtures.user(school, Role.STAFF).email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].hours").value(60.0));
        assertThat(audit.history(Team.ASSIGNMENT_AUDIT_TYPE, a)).hasSize(2);
        assertThat(team.responsibleFor(school.id(), year.id(), "T09")).hasValueSatisfying(r -> {
            assertThat(r.memberId()).isEqualTo(kim);
            assertThat(r.personId()).isEqualTo(coordinator.id());
        });
        assertThat(team.responsibleFor(school.id(), year.id(), "T05")).isEmpty();
    }

    @Test
    void aMemberLeavesTheTeamOnlyWhenCarryingNoTasks() throws Exception {
        long kim = member(coordinator, "\"TECHNICAL\"", 100);
        long jo = member(fixtures.user(school, Role.STAFF), "\"PEDAGOGICAL\"", 50);
        postJson("/assignments" + y, "{\"task\":\"T09\",\"responsible\":" + kim + ",\"backups\":[" + jo + "],\"level\":\"CORE\","
            + "\"funding\":\"ICT_HOURS\",\"hours\":4}").andExpect(status().isCreated());
        patchJson("/members/" + jo, "{\"archived\":true,\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("archived"));
        long an = member(fixtures.user(school, Role.STAFF), "\"POLICY\"", 20);
        patchJson("/members/" + an, "{\"archived\":true,\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.archived").value(true)).andExpect(jsonPath("$.version").value(1));
        getJson("/members" + y, coordinator.email()).andExpect(jsonPath("$.total").value(2));
        getJson("/members" + y + "&archived=true", coordinator.email()).andExpect(jsonPath("$.total").value(3));
        postJson("/assignments" + y, "{\"task\":\"B01\",\"responsible\":" + an + ",\"level\":\"CORE\",\"funding\":\"ICT_HOURS\","
            + "\"hours\":4}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("responsible"));
        patchJson("/members/" + an, "{\"archived\":false,\"ictHours\":30,\"version\":1}").andExpect(status().isOk())
            .andExpect(jsonPath("$.archived").value(false)).andExpect(jsonPath("$.hoursPerYear.ICT_HOURS").value(30.0));
        assertThat(audit.history(Team.MEMBER_AUDIT_TYPE, an)).extracting(AuditTrail.Entry::action)
            .contains(AuditTrail.Action.ARCHIVED, AuditTrail.Action.RESTORED);
    }

    @Test
    void coverageNamesTheCoordinatorsSinglePersonTasksAndOverload() throws Exception {
        long kim = member(coordinator, "\"TECHNICAL\"", 10);
        postJson("/assignments" + y, "{\"task\":\"T09\",\"responsible\":" + kim + ",\"level\":\"CORE\",\"funding\":\"ICT_HOURS\",\"hours\":8}")
            .andExpect(status().isCreated());
        postJson("/assignments" + y, "{\"task\":\"T10\",\"responsible\":" + kim + ",\"level\":\"CORE\",\"funding\":\"ICT_HOURS\",\"hours\":6}")
            .andExpect(status().isCreated());
        getJson("/coverage" + y, fixtures.user(school, Role.STAFF).email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.year").value(year.name()))
            .andExpect(jsonPath("$.findings[?(@.kind=='OVERLOADED')].numbers.percent").value(40))
            .andExpect(jsonPath("$.findings[?(@.kind=='NO_BACKUP')].task", hasItem("T09")))
            .andExpect(jsonPath("$.findings[?(@.kind=='COORDINATOR_DEPENDENCY')].member").value((int) kim))
            .andExpect(jsonPath("$.findings[?(@.kind=='SINGLE_PERSON_CLUSTER')].cluster").value("TECHNICAL"))
            .andExpect(jsonPath("$.findings[?(@.kind=='CLUSTER_UNCOVERED')].cluster", hasItem("POLICY")))
            .andExpect(jsonPath("$.findings[0].severity").value("CRITICAL"))
            .andExpect(jsonPath("$.findings[0].message", containsString("team.finding.")))
            .andExpect(jsonPath("$.counts.CRITICAL").isNumber());
    }

    @Test
    void scriptInTaskNamesIsStoredAsTextAndRenderedInert() throws Exception {
        postJson("/tasks", "{\"code\":\"X-9\",\"cluster\":\"POLICY\",\"name\":\"<script>alert(1)</script>\",\"levels\":[\"OTHER\"]}")
            .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("<script>alert(1)</script>"));
        long kim = member(coordinator, "\"TECHNICAL\"", 10);
        postJson("/assignments" + y, "{\"task\":\"X-9\",\"responsible\":" + kim + ",\"level\":\"OTHER\",\"funding\":\"OTHER\",\"hours\":3}")
            .andExpect(status().isCreated());
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String page = "/schools/" + school.code() + "/team";
        for (String p : new String[] {page + "/catalog", page + "/division" + y, page + "/coverage" + y, page + "/members/" + kim}) {
            String html = mvc.perform(get(p).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(p).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void teamEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var jo = fixtures.user(school, Role.STAFF);
        long kim = member(coordinator, "\"TECHNICAL\"", 100);
        long a = id(postJson("/assignments" + y, "{\"task\":\"T01\",\"responsible\":" + kim + ",\"level\":\"CORE\",\"funding\":\"ICT_HOURS\","
            + "\"hours\":10}").andExpect(status().isCreated()));
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged(base + "/assignments" + y)
            .read(base + "/tasks").read(base + "/tasks/T01").read(base + "/members" + y).read(base + "/members/" + kim)
            .read(base + "/assignments" + y).read(base + "/assignments/" + a).read(base + "/coverage" + y)
            .read(base + "/tasks/T01/history").read(base + "/members/" + kim + "/history").read(base + "/assignments/" + a + "/history")
            .admin(HttpMethod.POST, base + "/tasks", "{\"code\":\"OWN-1\",\"cluster\":\"POLICY\",\"name\":\"Eigen\",\"levels\":[\"CORE\"]}")
            .admin(HttpMethod.PATCH, base + "/tasks/T02", "{\"name\":\"Monitoring\",\"version\":0}")
            .admin(HttpMethod.POST, base + "/members" + y, "{\"person\":" + jo.id() + ",\"education\":\"TEACHER\"}")
            .admin(HttpMethod.PATCH, base + "/members/" + kim, "{\"ictHours\":120,\"version\":0}")
            .admin(HttpMethod.POST, base + "/assignments" + y, "{\"task\":\"T02\",\"responsible\":" + kim + ",\"level\":\"CORE\","
                + "\"funding\":\"ICT_HOURS\",\"hours\":5}")
            .admin(HttpMethod.PATCH, base + "/assignments/" + a, "{\"hours\":12,\"version\":0}")
            .verify();
        // another school's member through one's own school code: 404
        mvc.perform(get("/api/v1/schools/" + other.code() + "/team/members/" + kim).with(httpBasic(outsider.email(), Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(patch("/api/v1/schools/" + other.code() + "/team/assignments/" + a).with(httpBasic(outsider.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"hours\":3,\"version\":1}"))
            .andExpect(status().isNotFound());
        // a director edits too
        var director = fixtures.user(school, Role.DIRECTOR).email();
        postJson("/tasks", "{\"code\":\"DIR-1\",\"cluster\":\"POLICY\",\"name\":\"Directie\",\"levels\":[\"OTHER\"]}", director)
            .andExpect(status().isCreated());
    }
}
