package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.OrganisationForm;
import be.spil.directory.OrganisationKind;
import be.spil.directory.Organisations;
import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * External technicians (a technician of the school who does not manage it, usually of a firm) see and work only the
 * tickets assigned to them: in the queue whatever the filters, one ticket by one (404 for the others), with replies,
 * notes, files and status changes on theirs, and never the queue's managing actions.
 */
@SpilIntegrationTest
class ExternalTechniciansTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Organisations organisations;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    SchoolView school;
    SchoolView other;
    String coordinator;
    PersonView teacher;
    PersonView anna;
    PersonView bert;
    PersonView carl;
    long firm;
    String api;
    String web;
    long annas;
    long annasSecond;
    long berts;
    long unassigned;
    long coordinators;
    long categoryId;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        other = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF);
        firm = organisations.create(firm("Bitwerk " + Fixtures.unique()), Fixtures.ADMIN).id();
        anna = technician(school, "Anna", firm);
        bert = technician(school, "Bert", null);
        carl = technician(other, "Carl", firm);
        api = "/api/v1/schools/" + school.code() + "/tickets";
        web = "/schools/" + school.code() + "/tickets";
        categoryId = jdbc.sql("select id from ticket_category where code = 'hardware'").query(Long.class).single();
        annas = report("Beamer lokaal 12 flikkert");
        annasSecond = report("Printer leraarskamer loopt vast");
        berts = report("Wifi valt weg in de turnzaal");
        unassigned = report("Laptopkar 3 laadt niet");
        coordinators = report("Account van de directie");
        assign(annas, anna.id());
        assign(annasSecond, anna.id());
        assign(berts, bert.id());
        assign(coordinators, person(coordinator));
        // another school's ticket for Carl, and one of this school for nobody from outside
        String otherCoordinator = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String otherTeacher = fixtures.user(other, Role.STAFF).email();
        long carls = Long.parseLong(json(post("/api/v1/schools/" + other.code() + "/tickets"), "{\"subject\":\"Carls melding\"}", otherTeacher)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
        json(patch("/api/v1/schools/" + other.code() + "/tickets/" + carls), "{\"version\":0,\"assigneeId\":" + carl.id() + "}",
            otherCoordinator).andExpect(status().isOk());
    }

    static OrganisationForm firm(String name) {
        return new OrganisationForm(name, OrganisationKind.FIRM, null, null, null, null, null, null, null, null);
    }

    PersonView technician(SchoolView in, String firstName, Long organisationId) {
        String email = "ext-" + Fixtures.unique() + "@firma.example";
        return fixtures.person(in, new PersonForm(firstName, "Technicus", email, PersonKind.EXTERNAL, Set.of(Role.TECHNICIAN),
            Fixtures.PASSWORD, null, null, organisationId));
    }

    long person(String email) {
        return jdbc.sql("select id from person where email = :e").param("e", email).query(Long.class).single();
    }

    ResultActions json(MockHttpServletRequestBuilder b, String body, String user) throws Exception {
        return mvc.perform(b.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions getAs(String path, String user) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    long report(String subject) throws Exception {
        String body = json(post(api), "{\"subject\":\"" + subject + "\",\"categoryId\":" + categoryId + "}", teacher.email())
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    int version(long number) throws Exception {
        String body = getAs(api + "/" + number, coordinator).andReturn().getResponse().getContentAsString();
        return Integer.parseInt(body.replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
    }

    void assign(long number, long to) throws Exception {
        json(patch(api + "/" + number), "{\"version\":" + version(number) + ",\"assigneeId\":" + to + "}", coordinator)
            .andExpect(status().isOk());
    }

    List<Long> numbers(String query, String user) throws Exception {
        String body = getAs(api + query, user).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var found = new ArrayList<Long>();
        var m = java.util.regex.Pattern.compile("\"number\":(\\d+)").matcher(body);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    @Test
    void theQueueShowsAnExternalTechnicianOnlyTheirTicketsWhateverTheFilters() throws Exception {
        assertThat(numbers("", anna.email())).containsExactlyInAnyOrder(annas, annasSecond);
        getAs(api, anna.email()).andExpect(jsonPath("$.total").value(2));
        assertThat(numbers("", bert.email())).containsExactly(berts);
        for (String widen : List.of("?assignee=none", "?assignee=" + bert.id(), "?assignee=" + person(coordinator), "?all=true",
            "?q=%23" + berts, "?q=Wifi", "?category=" + categoryId, "?status=NEW", "?overdue=true", "?sort=number,asc&size=500")) {
            assertThat(numbers(widen, anna.email())).as(widen).isSubsetOf(annas, annasSecond);
        }
        assertThat(numbers("?assignee=me", anna.email())).containsExactlyInAnyOrder(annas, annasSecond);
        assertThat(numbers("?category=" + categoryId, anna.email())).containsExactlyInAnyOrder(annas, annasSecond);
        assertThat(numbers("?q=Beamer", anna.email())).containsExactly(annas);
        // another school's technician sees nothing of this school, and this school's nothing of theirs
        getAs(api, carl.email()).andExpect(status().isNotFound());
        getAs("/api/v1/schools/" + other.code() + "/tickets", anna.email()).andExpect(status().isNotFound());
        // the queue's managers still see everything
        assertThat(numbers("?size=500", coordinator)).contains(annas, annasSecond, berts, unassigned, coordinators);

        // the page: the same list, without bulk assign or the assignee filter
        MockHttpSession session = TenancyCheck.signIn(mvc, anna.email());
        for (String widen : List.of("", "?assignee=none", "?all=true", "?q=Wifi", "?category=" + categoryId)) {
            String page = mvc.perform(get(web + widen).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
            assertThat(page).as(widen).doesNotContain("Wifi valt weg", "Laptopkar 3", "Account van de directie", "bulkForm");
            if (widen.isEmpty()) {
                assertThat(page).contains("Beamer lokaal 12", "Printer leraarskamer", "id=\"externalHint\"");
            }
        }
        // the home card counts only theirs
        var caller = new Caller(anna.id(), anna.email(), anna.name(), false, Map.of(school.id(), Set.of(Role.TECHNICIAN)));
        assertThat(tickets.counts(school.id(), caller)).containsEntry("open", 2L).containsEntry("mine", 2L).containsEntry("unassigned", 0L);
    }

    @Test
    void anotherTicketAnswers404OnEveryEndpoint() throws Exception {
        String a = anna.email();
        long attachment = Long.parseLong(mvc.perform(multipart(api + "/" + berts + "/attachments")
                .file(new MockMultipartFile("file", "foto.png", "image/png", TicketAttachmentsTest.PNG))
                .with(httpBasic(bert.email(), Fixtures.PASSWORD)))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String before = getAs(api + "/" + berts, coordinator).andReturn().getResponse().getContentAsString();
        for (long n : List.of(berts, unassigned, coordinators)) {
            int v = version(n);
            getAs(api + "/" + n, a).andExpect(status().isNotFound());
            getAs(api + "/" + n + "/history", a).andExpect(status().isNotFound());
            getAs(api + "/" + n + "/attachments", a).andExpect(status().isNotFound());
            getAs(api + "/" + n + "/request", a).andExpect(status().isNotFound());
            json(patch(api + "/" + n), "{\"version\":" + v + ",\"status\":\"IN_PROGRESS\"}", a).andExpect(status().isNotFound());
            json(patch(api + "/" + n), "{\"version\":" + v + ",\"assigneeId\":" + anna.id() + "}", a).andExpect(status().isNotFound());
            json(post(api + "/" + n + "/comments"), "{\"body\":\"Ik neem het over\"}", a).andExpect(status().isNotFound());
            json(post(api + "/" + n + "/comments"), "{\"body\":\"notitie\",\"internal\":true}", a).andExpect(status().isNotFound());
            json(post(api + "/" + n + "/merge"), "{\"into\":" + annas + ",\"version\":" + v + "}", a).andExpect(status().isNotFound());
            json(post(api + "/" + n + "/approval"), "{\"decision\":\"APPROVE\"}", a).andExpect(status().isNotFound());
            mvc.perform(multipart(api + "/" + n + "/attachments").file(new MockMultipartFile("file", "x.png", "image/png",
                TicketAttachmentsTest.PNG)).with(httpBasic(a, Fixtures.PASSWORD))).andExpect(status().isNotFound());
        }
        getAs(api + "/" + berts + "/attachments/" + attachment, a).andExpect(status().isNotFound());
        // the pages and forms
        MockHttpSession session = TenancyCheck.signIn(mvc, a);
        mvc.perform(get(web + "/" + berts).session(session)).andExpect(status().isNotFound());
        mvc.perform(get(web + "/" + berts + "/attachments/" + attachment).session(session)).andExpect(status().isNotFound());
        mvc.perform(post(web + "/" + berts).session(session).with(csrf()).param("version", String.valueOf(version(berts)))
            .param("status", "RESOLVED").param("assigneeId", String.valueOf(anna.id()))).andExpect(status().isNotFound());
        mvc.perform(post(web + "/" + berts + "/comments").session(session).with(csrf()).param("body", "x")).andExpect(status().isNotFound());
        mvc.perform(multipart(web + "/" + berts + "/comments").file(new MockMultipartFile("files", "x.png", "image/png",
            TicketAttachmentsTest.PNG)).param("body", "x").session(session).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(web + "/" + berts + "/merge").session(session).with(csrf()).param("into", String.valueOf(annas))
            .param("version", "1")).andExpect(status().isNotFound());
        mvc.perform(post(web + "/" + berts + "/approval").session(session).with(csrf()).param("decision", "approve"))
            .andExpect(status().isNotFound());
        assertThat(getAs(api + "/" + berts, coordinator).andReturn().getResponse().getContentAsString()).isEqualTo(before);
    }

    @Test
    void theQueuesManagingActionsAnswer403() throws Exception {
        String a = anna.email();
        int v = version(annas);
        json(post(api + "/bulk-assign"), "{\"numbers\":[" + annas + "],\"assigneeId\":" + anna.id() + "}", a).andExpect(status().isForbidden());
        json(post(api + "/" + annas + "/merge"), "{\"into\":" + annasSecond + ",\"version\":" + v + "}", a).andExpect(status().isForbidden());
        getAs("/api/v1/schools/" + school.code() + "/helpdesk/figures", a).andExpect(status().isForbidden());
        getAs("/api/v1/helpdesk/figures", a).andExpect(status().isForbidden());
        json(put("/api/v1/schools/" + school.code() + "/helpdesk-settings"), "{\"autoAssign\":true,\"version\":0}", a).andExpect(status().isForbidden());
        json(put(api + "/sla"), "[]", a).andExpect(status().isForbidden());
        json(post("/api/v1/ticket-categories"), "{\"name\":\"Firma\"}", a).andExpect(status().isForbidden());
        json(post("/api/v1/schools/" + school.code() + "/request-types"), "{\"name\":\"x\",\"approver\":\"ICT_COORDINATOR\"}", a)
            .andExpect(status().isForbidden());
        // on their own ticket: not to somebody else, not closed, not reclassified
        json(patch(api + "/" + annas), "{\"version\":" + v + ",\"assigneeId\":" + bert.id() + "}", a).andExpect(status().isForbidden());
        json(patch(api + "/" + annas), "{\"version\":" + v + ",\"status\":\"CLOSED\"}", a).andExpect(status().isForbidden());
        json(patch(api + "/" + annas), "{\"version\":" + v + ",\"status\":\"NEW\"}", a).andExpect(status().isForbidden());
        json(patch(api + "/" + annas), "{\"version\":" + v + ",\"subject\":\"Anders\"}", a).andExpect(status().isForbidden());
        json(patch(api + "/" + annas), "{\"version\":" + v + ",\"categoryId\":0}", a).andExpect(status().isForbidden());
        json(patch(api + "/" + annas), "{\"version\":" + v + ",\"impact\":\"HIGH\"}", a).andExpect(status().isForbidden());
        // a purchase request assigned to them: they may not approve it
        long type = jdbc.sql("select id from ticket_request_type where code = 'purchase'").query(Long.class).single();
        long request = Long.parseLong(json(post("/api/v1/schools/" + school.code() + "/requests"),
                "{\"type\":" + type + ",\"values\":{\"item\":\"Beamer\",\"quantity\":\"1\",\"reason\":\"kapot\"}}", teacher.email())
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString().replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
        assign(request, anna.id());
        json(post(api + "/" + request + "/approval"), "{\"decision\":\"APPROVE\"}", a).andExpect(status().isForbidden());
        getAs(api + "/" + request + "/request", a).andExpect(status().isOk()).andExpect(jsonPath("$.approval").value("PENDING"));
        // pages
        MockHttpSession session = TenancyCheck.signIn(mvc, a);
        mvc.perform(post(web + "/bulk-assign").session(session).with(csrf()).param("number", String.valueOf(annas))
            .param("assigneeId", String.valueOf(anna.id()))).andExpect(status().isForbidden());
        mvc.perform(get("/schools/" + school.code() + "/helpdesk/figures").session(session)).andExpect(status().isForbidden());
        mvc.perform(post(web + "/" + annas + "/merge").session(session).with(csrf()).param("into", String.valueOf(annasSecond))
            .param("version", String.valueOf(v))).andExpect(status().isForbidden());
        getAs(api + "/" + annas, coordinator).andExpect(jsonPath("$.version").value(v)).andExpect(jsonPath("$.status").value("ASSIGNED"));
    }

    @Test
    void theyWorkTheirTicketAndHandItBack() throws Exception {
        String a = anna.email();
        json(post(api + "/" + annas + "/comments"), "{\"body\":\"Ik kom donderdag langs.\"}", a).andExpect(status().isCreated());
        json(post(api + "/" + annas + "/comments"), "{\"body\":\"Lamp vervangen nodig\",\"internal\":true}", a).andExpect(status().isCreated());
        mvc.perform(multipart(api + "/" + annas + "/attachments").file(new MockMultipartFile("file", "meting.png", "image/png",
            TicketAttachmentsTest.PNG)).param("internal", "true").with(httpBasic(a, Fixtures.PASSWORD))).andExpect(status().isCreated());
        getAs(api + "/" + annas, a).andExpect(status().isOk()).andExpect(jsonPath("$.comments.length()").value(2))
            .andExpect(jsonPath("$.firstResponseAt").isNotEmpty());
        getAs(api + "/" + annas + "/history", a).andExpect(status().isOk());
        getAs(api + "/" + annas + "/attachments", a).andExpect(jsonPath("$.length()").value(1));
        for (String next : List.of("IN_PROGRESS", "WAITING_SUPPLIER", "WAITING_REPORTER", "RESOLVED")) {
            json(patch(api + "/" + annas), "{\"version\":" + version(annas) + ",\"status\":\"" + next + "\"}", a)
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value(next));
        }
        // the reporter does not see the internal note
        getAs(api + "/" + annas, teacher.email()).andExpect(jsonPath("$.comments.length()").value(1));

        // the page: a change form with their statuses only, themselves (with the firm) or nobody, no merge
        MockHttpSession session = TenancyCheck.signIn(mvc, a);
        String page = mvc.perform(get(web + "/" + annasSecond).session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        assertThat(page).contains("id=\"changeForm\"", "value=\"IN_PROGRESS\"", "Anna Technicus (Bitwerk").doesNotContain(
            "value=\"CLOSED\"", "Bert Technicus", "id=\"mergeForm\"", "id=\"categoryId\"");
        mvc.perform(post(web + "/" + annasSecond).session(session).with(csrf()).param("version", String.valueOf(version(annasSecond)))
                .param("status", "IN_PROGRESS").param("assigneeId", String.valueOf(anna.id()))
                .param("categoryId", String.valueOf(categoryId)).param("impact", "MEDIUM").param("urgency", "MEDIUM"))
            .andExpect(status().is3xxRedirection());
        getAs(api + "/" + annasSecond, coordinator).andExpect(jsonPath("$.status").value("IN_PROGRESS"))
            .andExpect(jsonPath("$.categoryId").value(categoryId));
        // handing it back from the page: it returns to the queue and leaves theirs
        String location = mvc.perform(post(web + "/" + annasSecond).session(session).with(csrf())
                .param("version", String.valueOf(version(annasSecond))).param("status", "IN_PROGRESS").param("assigneeId", "")
                .param("categoryId", String.valueOf(categoryId)).param("impact", "MEDIUM").param("urgency", "MEDIUM"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).endsWith(web);
        getAs(api + "/" + annasSecond, a).andExpect(status().isNotFound());
        getAs(api + "/" + annasSecond, coordinator).andExpect(jsonPath("$.assigneeId").isEmpty());
        assertThat(numbers("?assignee=none", coordinator)).contains(annasSecond);
        // and through the API
        json(patch(api + "/" + annas), "{\"version\":" + version(annas) + ",\"assigneeId\":0}", a).andExpect(status().isOk());
        assertThat(numbers("?all=true", a)).isEmpty();
        getAs(api + "/" + annas, a).andExpect(status().isNotFound());
    }

    @Test
    void theAssignPickerNamesTheFirm() throws Exception {
        MockHttpSession session = TenancyCheck.signIn(mvc, coordinator);
        String page = mvc.perform(get(web + "/" + unassigned).session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        String firmName = organisations.get(firm).name();
        assertThat(page).contains("Anna Technicus (" + firmName + ")", ">Bert Technicus<").doesNotContain("Carl");
    }

    @Test
    void aPersonIsLinkedToAFirmOnlyAnActiveOneOfTheGroup() throws Exception {
        String people = "/api/v1/schools/" + school.code() + "/people";
        String body = "{\"firstName\":\"Dirk\",\"lastName\":\"Firma\",\"kind\":\"STAFF\",\"roles\":[\"TECHNICIAN\"],\"organisationId\":%s}";
        long archived = organisations.create(firm("Gesloten " + Fixtures.unique()), Fixtures.ADMIN).id();
        organisations.setArchived(archived, true, Fixtures.ADMIN);
        for (String bad : List.of("999999999", String.valueOf(archived))) {
            json(post(people), body.formatted(bad), coordinator).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        }
        json(post(people), body.formatted("\"veel\""), coordinator).andExpect(status().isBadRequest());
        json(post(people), body.formatted(firm), coordinator).andExpect(status().isCreated())
            .andExpect(jsonPath("$.organisationId").value(firm))
            .andExpect(jsonPath("$.organisationName").value(organisations.get(firm).name()));
    }

    @Test
    void endpointsKeepTenancyForTheTechnicianRules() throws Exception {
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        TenancyCheck.api(mvc).outsider(outsider).staff(teacher.email()).manager(coordinator)
            .unchanged(api + "/" + annas)
            .read(api)
            .read(api + "/" + annas)
            .admin(HttpMethod.POST, api + "/bulk-assign", "{\"numbers\":[" + unassigned + "],\"assigneeId\":" + bert.id() + "}")
            .admin(HttpMethod.GET, api + "/" + annas + "/history", null)
            .verify();
    }
}
