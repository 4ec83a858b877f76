package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.BuildingForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpilIntegrationTest
class TicketsApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Rooms rooms;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    String coordinator;
    PersonView technician;
    PersonView teacher;
    PersonView colleague;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        technician = fixtures.user(school, Role.TECHNICIAN);
        teacher = fixtures.user(school, Role.STAFF);
        colleague = fixtures.user(school, Role.STAFF);
        base = "/api/v1/schools/" + school.code() + "/tickets";
    }

    ResultActions postJson(String path, String json, String user) throws Exception {
        return mvc.perform(post(base + path).with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions patchJson(long number, String json, String user) throws Exception {
        return mvc.perform(patch(base + "/" + number).with(httpBasic(user, Fixtures.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions getJson(String path, String user) throws Exception {
        return mvc.perform(get(base + path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    long report(String subject, String user) throws Exception {
        String body = postJson("", "{\"subject\":\"" + subject + "\",\"description\":\"Het gebeurde in de les.\"}", user)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    int version(long number) throws Exception {
        String body = getJson("/" + number, coordinator).andReturn().getResponse().getContentAsString();
        return Integer.parseInt(body.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
    }

    long room(String name) {
        long b = rooms.createBuilding(school.id(), new BuildingForm("Gebouw " + name, null, null), Fixtures.ADMIN).id();
        return rooms.createRoom(school.id(), new RoomForm(b, name, RoomType.CLASSROOM, 0, 24, null), Fixtures.ADMIN).id();
    }

    @Test
    void aTeacherReportsWithDeviceAndRoomAndFollowsOnlyTheirOwnTickets() throws Exception {
        long room = room("B.12");
        String tag = mvc.perform(post("/api/v1/schools/" + school.code() + "/assets").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"PROJECTOR\",\"manufacturer\":\"Epson\",\"model\":\"EB-1\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"tag\":\"([^\"]+)\".*", "$1");
        postJson("", "{\"subject\":\"Beamer geeft geen beeld\",\"assetTag\":\"" + tag.toLowerCase() + "\",\"roomId\":" + room + "}",
            teacher.email())
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/1")))
            .andExpect(jsonPath("$.number").value(1))
            .andExpect(jsonPath("$.status").value("NEW"))
            .andExpect(jsonPath("$.priority").value("MEDIUM"))
            .andExpect(jsonPath("$.assetTag").value(tag))
            .andExpect(jsonPath("$.room").value("Gebouw B.12 · B.12"))
            .andExpect(jsonPath("$.reporterId").value(teacher.id()))
            .andExpect(jsonPath("$.version").value(0));
        long second = report("Printer papierstoring", colleague.email());
        assertThat(second).isEqualTo(2);
        // the teacher sees only their own; the coordinator the whole queue
        getJson("", teacher.email()).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].number").value(1));
        getJson("", coordinator).andExpect(jsonPath("$.total").value(2));
        getJson("?mine=true", coordinator).andExpect(jsonPath("$.total").value(0));
        // another teacher's ticket is not there for them
        getJson("/2", teacher.email()).andExpect(status().isNotFound());
        getJson("/1", teacher.email()).andExpect(status().isOk()).andExpect(jsonPath("$.subject").value("Beamer geeft geen beeld"));
        getJson("/99", coordinator).andExpect(status().isNotFound());
    }

    @Test
    void theQueueFiltersSortsAndPages() throws Exception {
        long one = report("Wifi valt weg in de refter", teacher.email());
        long two = report("Smartschool wachtwoord vergeten", teacher.email());
        long three = report("Laptopkar laadt niet", colleague.email());
        long hardware = jdbc.sql("select id from ticket_category where code = 'hardware'").query(Long.class).single();
        long network = jdbc.sql("select id from ticket_category where code = 'network'").query(Long.class).single();
        patchJson(one, "{\"version\":0,\"categoryId\":" + network + ",\"impact\":\"HIGH\",\"urgency\":\"HIGH\",\"assigneeId\":"
            + technician.id() + "}", coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.priority").value("CRITICAL")).andExpect(jsonPath("$.status").value("ASSIGNED"))
            .andExpect(jsonPath("$.assigneeName").value(technician.name()));
        patchJson(three, "{\"version\":0,\"categoryId\":" + hardware + ",\"status\":\"RESOLVED\"}", coordinator).andExpect(status().isOk());
        getJson("", coordinator).andExpect(jsonPath("$.total").value(2));
        getJson("?all=true", coordinator).andExpect(jsonPath("$.total").value(3));
        getJson("?status=RESOLVED", coordinator).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].number").value(three));
        getJson("?status=NEW&status=ASSIGNED", coordinator).andExpect(jsonPath("$.total").value(2));
        getJson("?assignee=" + technician.id(), coordinator).andExpect(jsonPath("$.total").value(1));
        getJson("?assignee=none", coordinator).andExpect(jsonPath("$.items[0].number").value(two));
        mvc.perform(get(base + "?assignee=me").with(httpBasic(technician.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].number").value(one));
        getJson("?category=" + network, coordinator).andExpect(jsonPath("$.total").value(1));
        getJson("?priority=CRITICAL", coordinator).andExpect(jsonPath("$.items[0].subject").value("Wifi valt weg in de refter"));
        getJson("?q=wachtwoord", coordinator).andExpect(jsonPath("$.total").value(1));
        getJson("?q=" + two, coordinator).andExpect(jsonPath("$.items[0].number").value(two));
        getJson("?q=" + technician.lastName(), coordinator).andExpect(jsonPath("$.total").value(1));
        getJson("?sort=number,asc&size=1", coordinator).andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].number").value(one)).andExpect(jsonPath("$.total").value(2));
        getJson("?sort=number,asc&size=1&page=1", coordinator).andExpect(jsonPath("$.items[0].number").value(two));
        getJson("?sort=priority,asc", coordinator).andExpect(jsonPath("$.items[0].number").value(one));
        // overdue: a resolve time in the past on an open ticket
        jdbc.sql("update ticket set resolve_due_at = timestamp '2020-01-01 10:00:00' where school_id = :s and number in (:n)")
            .param("s", school.id()).param("n", java.util.List.of(two, three)).update();
        getJson("?overdue=true", coordinator).andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].number").value(two)).andExpect(jsonPath("$.items[0].overdue").value(true));
    }

    @Test
    void badQueueParametersAreClearErrors() throws Exception {
        getJson("?sort=subject", coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        getJson("?status=BROKEN", coordinator).andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        getJson("?priority=URGENT", coordinator).andExpect(status().isBadRequest());
        getJson("?assignee=jan", coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("assignee"));
        getJson("?size=501", coordinator).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        getJson("?category=abc", coordinator).andExpect(status().isBadRequest());
        getJson("/abc", coordinator).andExpect(status().isBadRequest());
    }

    @Test
    void badReportsAreClearErrorsAndWriteNothing() throws Exception {
        postJson("", "{\"subject\":\"\"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("subject"));
        postJson("", "{}", teacher.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        postJson("", "{\"subject\":\"" + "x".repeat(201) + "\"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("subject"));
        postJson("", "{\"subject\":\"ok\",\"description\":\"" + "x".repeat(8001) + "\"}", teacher.email())
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));
        postJson("", "{\"subject\":\"ok\",\"impact\":\"HUGE\"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("impact")));
        postJson("", "{\"subject\":\"ok\",\"roomId\":\"drie\"}", teacher.email()).andExpect(status().isBadRequest());
        postJson("", "{\"subject\":", teacher.email()).andExpect(status().isBadRequest());
        postJson("", "{\"subject\":\"ok\",\"assetTag\":\"NOPE-1\"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assetTag"));
        postJson("", "{\"subject\":\"ok\",\"categoryId\":999999}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("categoryId"));
        // a room of another school
        var other = fixtures.school();
        long b = rooms.createBuilding(other.id(), new BuildingForm("Elders", null, null), Fixtures.ADMIN).id();
        long foreignRoom = rooms.createRoom(other.id(), new RoomForm(b, "X.1", RoomType.CLASSROOM, 0, 10, null), Fixtures.ADMIN).id();
        postJson("", "{\"subject\":\"ok\",\"roomId\":" + foreignRoom + "}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("roomId"));
        getJson("?all=true", coordinator).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void textIsStoredAsWritten() throws Exception {
        String xss = "<script>alert(1)</script> \\\"quoted\\\" & <img src=x onerror=alert(2)>";
        long n = report(xss, teacher.email());
        getJson("/" + n, coordinator).andExpect(jsonPath("$.subject").value("<script>alert(1)</script> \"quoted\" & <img src=x onerror=alert(2)>"));
    }

    @Test
    void theTeamWorksATicketThroughItsStatusesWithOptimisticLocking() throws Exception {
        long n = report("Geen geluid op het digibord", teacher.email());
        patchJson(n, "{\"status\":\"IN_PROGRESS\"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        patchJson(n, "{\"version\":0,\"status\":\"ASSIGNED\"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("status"));
        patchJson(n, "{\"version\":0,\"assigneeId\":" + teacher.id() + "}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        patchJson(n, "{\"version\":0,\"status\":\"LOST\"}", coordinator).andExpect(status().isBadRequest());
        patchJson(n, "{\"version\":0,\"subject\":\"  \"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("subject"));
        patchJson(n, "{\"version\":0,\"status\":\"IN_PROGRESS\"}", coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("IN_PROGRESS")).andExpect(jsonPath("$.firstResponseAt").isNotEmpty())
            .andExpect(jsonPath("$.version").value(1));
        // somebody else of the queue with the old version: 409 with who and the newer values, and no status going back
        String director = fixtures.user(school, Role.DIRECTOR).email();
        patchJson(n, "{\"version\":0,\"status\":\"RESOLVED\"}", director).andExpect(status().isConflict())
            .andExpect(jsonPath("$.changedBy", containsString(coordinator)))
            .andExpect(jsonPath("$.current.ticketStatus").value("IN_PROGRESS"));
        patchJson(n, "{\"version\":1,\"status\":\"NEW\"}", coordinator).andExpect(status().isBadRequest());
        patchJson(n, "{\"version\":1,\"status\":\"RESOLVED\"}", coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.resolvedAt").isNotEmpty());
        patchJson(n, "{\"version\":2,\"status\":\"CLOSED\"}", coordinator).andExpect(status().isOk());
        patchJson(n, "{\"version\":3,\"status\":\"IN_PROGRESS\"}", coordinator).andExpect(status().isBadRequest());
        String history = getJson("/" + n + "/history", coordinator).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(history).contains("\"field\":\"ticketStatus\"", "\"to\":\"CLOSED\"", "\"action\":\"CREATED\"");
        getJson("/" + n + "/history", teacher.email()).andExpect(status().isForbidden());
        // a staff member may not change tickets, not even their own
        patchJson(n, "{\"version\":4,\"subject\":\"mine\"}", teacher.email()).andExpect(status().isForbidden());
    }

    @Test
    void internalNotesStayWithTheTeamAndTheReporterReopensByReplying() throws Exception {
        long n = report("Account geblokkeerd", teacher.email());
        postJson("/" + n + "/comments", "{\"body\":\"Wachtwoord gereset, probeer opnieuw.\"}", coordinator).andExpect(status().isCreated())
            .andExpect(jsonPath("$.internal").value(false));
        postJson("/" + n + "/comments", "{\"body\":\"Derde keer deze maand <b>!</b>\",\"internal\":true}", coordinator)
            .andExpect(status().isCreated());
        getJson("/" + n, coordinator).andExpect(jsonPath("$.comments", hasSize(2))).andExpect(jsonPath("$.firstResponseAt").isNotEmpty());
        getJson("/" + n, teacher.email()).andExpect(jsonPath("$.comments", hasSize(1)))
            .andExpect(jsonPath("$.comments[0].body").value("Wachtwoord gereset, probeer opnieuw."));
        postJson("/" + n + "/comments", "{\"body\":\"geheim\",\"internal\":true}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("internal"));
        postJson("/" + n + "/comments", "{\"body\":\"   \"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        postJson("/" + n + "/comments", "{\"body\":\"" + "x".repeat(8001) + "\"}", teacher.email()).andExpect(status().isBadRequest());
        postJson("/" + n + "/comments", "{\"body\":\"hallo\"}", colleague.email()).andExpect(status().isNotFound());
        patchJson(n, "{\"version\":" + version(n) + ",\"status\":\"RESOLVED\"}", coordinator).andExpect(status().isOk());
        postJson("/" + n + "/comments", "{\"body\":\"Het lukt nog altijd niet.\"}", teacher.email()).andExpect(status().isCreated());
        getJson("/" + n, coordinator).andExpect(jsonPath("$.status").value("NEW")).andExpect(jsonPath("$.resolvedAt").isEmpty());
        // too late: resolved more than 14 days ago
        patchJson(n, "{\"version\":" + version(n) + ",\"status\":\"RESOLVED\"}", coordinator).andExpect(status().isOk());
        jdbc.sql("update ticket set resolved_at = timestamp '2020-01-01 10:00:00' where school_id = :s and number = :n")
            .param("s", school.id()).param("n", n).update();
        postJson("/" + n + "/comments", "{\"body\":\"Nog eens\"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));
        getJson("/" + n, coordinator).andExpect(jsonPath("$.status").value("RESOLVED")).andExpect(jsonPath("$.comments", hasSize(3)));
    }

    @Test
    void categoriesAreASeededTreeThatCentralAdminsEdit() throws Exception {
        String admin = "admin@test.spil.be";
        String list = mvc.perform(get("/api/v1/ticket-categories").with(httpBasic(teacher.email(), Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"code\":\"hardware\"", "\"code\":\"software\"", "\"code\":\"network\"", "\"code\":\"accounts\"",
            "\"code\":\"printing\"", "\"code\":\"audio-visual\"", "\"code\":\"other\"");
        long hardware = jdbc.sql("select id from ticket_category where code = 'hardware'").query(Long.class).single();
        String name = "Toetsenbord " + Fixtures.unique();
        String created = mvc.perform(post("/api/v1/ticket-categories").with(httpBasic(admin, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"parentId\":" + hardware + "}"))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.parentId").value(hardware))
            .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/ticket-categories").with(httpBasic(coordinator, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Nope\"}"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ticket-categories").with(httpBasic(admin, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        // a ticket in the sub-category is found under its parent
        long n = report("Toetsen haperen", teacher.email());
        patchJson(n, "{\"version\":0,\"categoryId\":" + id + "}", coordinator).andExpect(status().isOk())
            .andExpect(jsonPath("$.categoryName").value(name));
        getJson("?category=" + hardware, coordinator).andExpect(jsonPath("$.total").value(1));
        mvc.perform(patch("/api/v1/ticket-categories/" + id).with(httpBasic(admin, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"archived\":true,\"version\":0}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.archived").value(true));
        mvc.perform(patch("/api/v1/ticket-categories/" + id).with(httpBasic(admin, Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"version\":0}"))
            .andExpect(status().isConflict());
        patchJson(n, "{\"version\":1,\"categoryId\":" + id + ",\"subject\":\"ander\"}", coordinator).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("categoryId"));
    }

    @Test
    void everyEndpointKeepsToItsSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        long n = report("Tenancy", teacher.email());
        TenancyCheck.api(mvc)
            .outsider(outsider).staff(teacher.email()).manager(coordinator)
            .unchanged(base + "/" + n)
            .read(base)
            .read(base + "/" + n)
            .admin(HttpMethod.PATCH, base + "/" + n, "{\"version\":0,\"status\":\"IN_PROGRESS\"}")
            .admin(HttpMethod.GET, base + "/" + n + "/history", null)
            .verify();
        // a reporter of another school's ticket: 404 for the comments endpoint too
        postJson("/" + n + "/comments", "{\"body\":\"x\"}", outsider).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + n + "/comments").contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"x\"}"))
            .andExpect(status().isUnauthorized());
        postJson("", "{\"subject\":\"x\"}", outsider).andExpect(status().isNotFound());
        getJson("/" + n, coordinator).andExpect(jsonPath("$.comments", hasSize(0)));
    }
}
