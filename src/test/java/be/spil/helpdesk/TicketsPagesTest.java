package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.knowledge.ArticleForm;
import be.spil.knowledge.Articles;
import be.spil.knowledge.Audience;
import be.spil.knowledge.BodyFormat;
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
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class TicketsPagesTest {
    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Tickets tickets;
    @Autowired Articles articles;

    SchoolView school;
    String coordinator;
    PersonView teacher;
    MockHttpSession teacherSession;
    MockHttpSession coordinatorSession;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF);
        teacherSession = TenancyCheck.signIn(mvc, teacher.email());
        coordinatorSession = TenancyCheck.signIn(mvc, coordinator);
        base = "/schools/" + school.code() + "/tickets";
    }

    Caller callerOf(PersonView p) {
        return new Caller(p.id(), p.email(), p.name(), false, Map.of(school.id(), Set.of(Role.STAFF)));
    }

    String html(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aTeacherReportsFromTheMenuInOneShortForm() throws Exception {
        String home = html("/", teacherSession);
        assertThat(home).contains("Probleem melden", base + "/new");
        String form = html(base + "/new?asset=ABC-000001", teacherSession);
        assertThat(form).contains("name=\"subject\"", "name=\"description\"", "name=\"assetTag\"", "value=\"ABC-000001\"", "name=\"roomId\"",
            "hx-get=\"/schools/" + school.code() + "/knowledge/suggestions\"", "delay:400ms", "name=\"viewport\"");
        String location = mvc.perform(post(base).session(teacherSession).with(csrf())
                .param("subject", "Printer in de leraarskamer").param("description", "Papier loopt vast")
                .param("assetTag", "").param("impact", "MEDIUM").param("urgency", "MEDIUM"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(base + "/");
        String page = html(location, teacherSession);
        assertThat(page).contains("Printer in de leraarskamer", "Papier loopt vast", "Uw melding is verstuurd.", "Nieuw");
        assertThat(page).doesNotContain("id=\"changeForm\"", "Interne notitie (de melder");
        String mine = html(base, teacherSession);
        assertThat(mine).contains("Mijn meldingen", "Printer in de leraarskamer");
        assertThat(mine).doesNotContain("id=\"assignee\"");
    }

    @Test
    void anEmptySubjectIsShownNextToTheField() throws Exception {
        String page = mvc.perform(post(base).session(teacherSession).with(csrf()).param("subject", " ").param("description", "x"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"subject-error\"", "aria-invalid=\"true\"", "subject-hint subject-error");
        mvc.perform(post(base).session(teacherSession).with(csrf()).param("subject", "ok").param("impact", "HUGE"))
            .andExpect(status().isOk());
        assertThat(tickets.search(school.id(), TicketFilter.open(), new be.spil.shared.Paging(0, 10), Fixtures.ADMIN).total()).isZero();
    }

    @Test
    void suggestionsComeFromTheKnowledgeBaseWhileTyping() throws Exception {
        articles.create(school.id(), new ArticleForm("Beamer geeft geen beeld: HDMI-kabel controleren", "Druk op **Source**.",
            BodyFormat.MARKDOWN, Audience.TEACHERS, false, null), Fixtures.ADMIN);
        articles.create(school.id(), new ArticleForm("Beamer firmware bijwerken", "Alleen voor het team.", BodyFormat.TEXT,
            Audience.ICT_TEAM, false, null), Fixtures.ADMIN);
        String fragment = mvc.perform(get("/schools/" + school.code() + "/knowledge/suggestions").param("subject", "de beamer doet raar")
                .header("HX-Request", "true").session(teacherSession))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("Misschien helpt dit", "HDMI-kabel").doesNotContain("firmware", "<html");
        String none = mvc.perform(get("/schools/" + school.code() + "/knowledge/suggestions").param("subject", "wifi")
                .header("HX-Request", "true").session(teacherSession))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(none).doesNotContain("Misschien");
    }

    @Test
    void theTeamWorksTheQueueAndTheTicketPage() throws Exception {
        var t = tickets.report(school.id(), new ReportForm("Wifi " + XSS, "Beschrijving " + XSS, null, null, null, null, null),
            callerOf(teacher));
        String queue = html(base, coordinatorSession);
        assertThat(queue).contains("Wachtrij", "id=\"assignee\"", "Wifi &lt;script&gt;").doesNotContain(XSS);
        String results = mvc.perform(get(base).param("q", "wifi").header("HX-Request", "true").session(coordinatorSession))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(results).contains("id=\"results\"", "#" + t.number()).doesNotContain("<html");
        String page = html(base + "/" + t.number(), coordinatorSession);
        assertThat(page).contains("id=\"changeForm\"", "id=\"commentForm\"", "Interne notitie (de melder", "Beschrijving &lt;script&gt;")
            .doesNotContain(XSS);
        // an internal note and a public reply; the reporter sees only the reply
        mvc.perform(post(base + "/" + t.number() + "/comments").session(coordinatorSession).with(csrf())
                .param("body", "Notitie " + XSS).param("internal", "true"))
            .andExpect(redirectedUrl(base + "/" + t.number()));
        mvc.perform(post(base + "/" + t.number() + "/comments").session(coordinatorSession).with(csrf()).param("body", "Antwoord voor jou"))
            .andExpect(redirectedUrl(base + "/" + t.number()));
        String teamView = html(base + "/" + t.number(), coordinatorSession);
        assertThat(teamView).contains("Notitie &lt;script&gt;", "Antwoord voor jou").doesNotContain(XSS);
        String reporterView = html(base + "/" + t.number(), teacherSession);
        assertThat(reporterView).contains("Antwoord voor jou").doesNotContain("Notitie");
        // an empty reply is shown next to the field
        String error = mvc.perform(post(base + "/" + t.number() + "/comments").session(teacherSession).with(csrf()).param("body", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(error).contains("id=\"body-error\"", "Schrijf een reactie.");
        // change status with the version read; a stale version shows who changed it
        int version = tickets.get(school.id(), t.number(), Fixtures.ADMIN).version();
        mvc.perform(post(base + "/" + t.number()).session(coordinatorSession).with(csrf()).param("version", String.valueOf(version))
                .param("status", "IN_PROGRESS").param("impact", "HIGH").param("urgency", "MEDIUM"))
            .andExpect(redirectedUrl(base + "/" + t.number()));
        var after = tickets.get(school.id(), t.number(), Fixtures.ADMIN);
        assertThat(after.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(after.priority()).isEqualTo(Priority.HIGH);
        String conflict = mvc.perform(post(base + "/" + t.number()).session(coordinatorSession).with(csrf())
                .param("version", String.valueOf(version)).param("status", "RESOLVED").param("impact", "HIGH").param("urgency", "MEDIUM"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("id=\"conflict\"");
        String bad = mvc.perform(post(base + "/" + t.number()).session(coordinatorSession).with(csrf())
                .param("version", String.valueOf(after.version())).param("status", "NEW").param("impact", "HIGH").param("urgency", "MEDIUM"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"status-error\"");
        assertThat(tickets.get(school.id(), t.number(), Fixtures.ADMIN).status()).isEqualTo(TicketStatus.IN_PROGRESS);
        // the home card
        String home = html("/", coordinatorSession);
        assertThat(home).contains("id=\"ticketCounts\"", "1 open melding");
    }

    @Test
    void everyPageKeepsToItsSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        var t = tickets.report(school.id(), new ReportForm("UI tenancy", "", null, null, null, null, null), callerOf(teacher));
        TenancyCheck.ui(mvc)
            .outsider(outsider).staff(teacher.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/tickets/" + t.number())
            .read(base)
            .read(base + "/new")
            .read(base + "/" + t.number())
            .admin(HttpMethod.POST, base + "/" + t.number(), "version=0&status=IN_PROGRESS&impact=MEDIUM&urgency=MEDIUM")
            .verify();
    }
}
