package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonForm;
import be.spil.directory.PersonKind;
import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The queue over several schools: a coordinator of two schools works both in one list (with a school filter), never a
 * third school's tickets; central admins see the whole group; staff and outsiders of the helpdesk get 403 or 404.
 */
@SpilIntegrationTest
class GroupQueueTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Tickets tickets;

    SchoolView north;
    SchoolView south;
    SchoolView elsewhere;
    PersonView coordinator;
    PersonView teacher;
    String tag;

    @BeforeEach
    void setUp() {
        north = fixtures.school();
        south = fixtures.school();
        elsewhere = fixtures.school();
        coordinator = fixtures.user(north, Role.ICT_COORDINATOR);
        fixtures.person(south, new PersonForm("Test", "Coördinator", coordinator.email(), PersonKind.STAFF, Set.of(Role.ICT_COORDINATOR),
            null, null, null));
        teacher = fixtures.user(north, Role.STAFF);
        tag = "groep-" + Fixtures.unique();
        report(north, teacher, tag + " wifi noord <script>alert(1)</script>");
        report(south, fixtures.user(south, Role.STAFF), tag + " printer zuid");
        report(elsewhere, fixtures.user(elsewhere, Role.STAFF), tag + " beamer elders");
    }

    void report(SchoolView school, PersonView reporter, String subject) {
        tickets.report(school.id(), new ReportForm(subject, "", null, null, null, null, null),
            new Caller(reporter.id(), reporter.email(), reporter.name(), false, Map.of(school.id(), Set.of(Role.STAFF))));
    }

    ResultActions api(String query, String user) throws Exception {
        return mvc.perform(get("/api/v1/tickets?q=" + tag + query).with(httpBasic(user, Fixtures.PASSWORD)));
    }

    @Test
    void aCoordinatorOfTwoSchoolsWorksBothInOneQueue() throws Exception {
        api("", coordinator.email()).andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(2))
            .andExpect(jsonPath("$.items[*].schoolCode").value(containsInAnyOrder(north.code(), south.code())));
        api("&school=" + south.code(), coordinator.email())
            .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].schoolCode").value(south.code()));
        api("&assignee=none&priority=MEDIUM", coordinator.email()).andExpect(jsonPath("$.total").value(2));
        api("&assignee=me", coordinator.email()).andExpect(jsonPath("$.total").value(0));
        // a school that is not theirs: 404, as everywhere; bad filters: clear errors
        api("&school=" + elsewhere.code(), coordinator.email()).andExpect(status().isNotFound());
        api("&sort=colour", coordinator.email()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        api("&assignee=iemand", coordinator.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("assignee"));
        // central admins: the whole group
        api("", "admin@test.spil.be").andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void anExternalTechnicianSeesOnlyTheTicketsAssignedToThem() throws Exception {
        var technician = fixtures.user(north, Role.TECHNICIAN);
        report(north, teacher, tag + " printer noord");
        var ticket = tickets.search(north.id(), new TicketFilter(tag + " printer", java.util.Set.of(), false, null, null, null, false,
            false, null), new be.spil.shared.Paging(0, 5), Fixtures.ADMIN).items().get(0);
        tickets.change(north.id(), ticket.number(), new TicketChange(0, null, technician.id(), null, null, null, null), Fixtures.ADMIN);
        api("", technician.email()).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].number").value(ticket.number()));
        api("&assignee=none", technician.email()).andExpect(jsonPath("$.total").value(0));
        api("&school=" + north.code(), technician.email()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void othersAreRefused() throws Exception {
        api("", teacher.email()).andExpect(status().isForbidden());
        api("&school=" + north.code(), teacher.email()).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tickets")).andExpect(status().isUnauthorized());
        var staff = TenancyCheck.signIn(mvc, teacher.email());
        mvc.perform(get("/tickets").session(staff)).andExpect(status().isForbidden());
    }

    @Test
    void thePageNamesEachTicketsSchoolAndFilters() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String page = mvc.perform(get("/tickets?q=" + tag).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Wachtrij", "alle scholen", north.name(), south.name(), "/schools/" + north.code() + "/tickets/",
                "/schools/" + south.code() + "/tickets/", "&lt;script&gt;alert(1)&lt;/script&gt;")
            .doesNotContain("beamer elders", "<script>alert(1)", "bulkForm");
        String filtered = mvc.perform(get("/tickets?q=" + tag + "&school=" + north.code()).header("HX-Request", "true").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(filtered).contains("wifi noord").doesNotContain("printer zuid", "<html");
        mvc.perform(get("/tickets?school=" + elsewhere.code()).session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/tickets?status=KAPOT").session(session)).andExpect(status().isBadRequest());
        // the menu offers it to whoever works more than one school's helpdesk
        assertThat(mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString()).contains("href=\"/tickets\"");
    }
}
