package be.spil.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The matrix, copying and comparing school years, the documents and the job description, through pages and API. */
@SpilIntegrationTest
class TeamDivisionTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Team team;

    SchoolView school;
    PersonView coordinator;
    SchoolYearView year;
    String page;
    String api;
    String y;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        year = TeamApiTest.freshYear(calendar);
        page = "/schools/" + school.code() + "/team";
        api = "/api/v1/schools/" + school.code() + "/team";
        y = "?year=" + year.name();
    }

    private MemberView member(SchoolYearView in, PersonView person, double hours, Cluster... profile) {
        return team.createMember(school.id(), in.id(), new MemberForm(person.id(), null, Set.of(profile), Education.BACHELOR, hours,
            0.0, 0.0, 0.0, 0.0, MemberForm.HoursUnit.YEAR, null), Fixtures.ADMIN);
    }

    private AssignmentView assign(SchoolYearView in, String task, MemberView responsible, List<Long> backups, double hours) {
        return team.createAssignment(school.id(), in.id(), new AssignmentForm(task, responsible == null ? null : responsible.id(), backups,
            Level.CORE, FundingSource.ICT_HOURS, hours, null), Fixtures.ADMIN);
    }

    private ResultActions basic(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(coordinator.email(), Fixtures.PASSWORD)));
    }

    private AssignmentView assignment(String task) {
        return team.assignments(school.id(), year.id(), Fixtures.ADMIN).stream().filter(a -> a.task().equals(task)).findFirst().orElse(null);
    }

    // ---- matrix ----

    @Test
    void theMatrixSavesOneCellThroughHtmxAndAnswersTheRow() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String html = mvc.perform(get(page + "/division" + y).session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        assertThat(html).contains("id=\"row-T01\"", "name=\"cell\"", "form=\"matrixForm\"", "hx-post=", "aria-label=\"" + jo.name() + " · T01\"");
        var result = mvc.perform(post(page + "/division/matrix" + y).session(session).with(csrf()).header("HX-Request", "true")
                .param("row", "T01").param("cell", "T01|" + kim.id() + "|R", "T01|" + jo.id() + "|B").param("hours_T01", "12,5")
                .param("version_T01", ""))
            .andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "divisionChanged")).andReturn().getResponse();
        assertThat(result.getContentAsString()).startsWith("<tr").contains("id=\"row-T01\"").doesNotContain("<html");
        var a = assignment("T01");
        assertThat(a.responsible()).isEqualTo(kim.id());
        assertThat(a.backups()).containsExactly(jo.id());
        assertThat(a.hours()).isEqualTo(12.5);
        assertThat(a.level()).as("the guide's level for T01").isEqualTo(Level.CORE);
        // the same cell again with the version read: the backup becomes responsible
        mvc.perform(post(page + "/division/matrix" + y).session(session).with(csrf()).header("HX-Request", "true")
                .param("row", "T01").param("cell", "T01|" + kim.id() + "|B", "T01|" + jo.id() + "|R").param("hours_T01", "12,5")
                .param("version_T01", "0"))
            .andExpect(status().isOk());
        assertThat(assignment("T01").responsible()).isEqualTo(jo.id());
        // the totals row answers as a fragment
        String totals = mvc.perform(get(page + "/division" + y + "&fragment=totals").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(totals).startsWith("<tr").contains("id=\"matrixTotals\"", "12,5 / 50,0");
    }

    @Test
    void theMatrixRefusesTwoResponsiblesStrangersStaleVersionsAndAbsurdHoursAndChangesNothing() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        var nextYear = TeamApiTest.freshYear(calendar);
        var stranger = member(nextYear, fixtures.user(school, Role.STAFF), 10, Cluster.POLICY);
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String[][] bad = {
            {"T02|" + kim.id() + "|R", "T02|" + jo.id() + "|R", "1", "Een taak heeft maar één verantwoordelijke"},
            {"T02|" + stranger.id() + "|R", null, "1", "team"},
            {"T02|" + kim.id() + "|X", null, "1", "Kies V, B of niets"},
            {"T02|abc|R", null, "1", "team"},
            {"T02|" + kim.id() + "|R", null, "2001", "2.000"},
            {"T02|" + kim.id() + "|R", null, "-1", "2.000"},
            {"T02|" + kim.id() + "|R", null, "veel", "getal"},
        };
        for (String[] b : bad) {
            var request = post(page + "/division/matrix" + y).session(session).with(csrf()).header("HX-Request", "true").param("row", "T02")
                .param("hours_T02", b[2]);
            request = b[1] == null ? request.param("cell", b[0]) : request.param("cell", b[0], b[1]);
            String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(String.join(" ", b)).contains("id=\"rowProblem-T02\"", "aria-describedby=\"rowProblem-T02\"");
            assertThat(html).as(String.join(" ", b)).containsIgnoringCase(b[3]);
        }
        assertThat(assignment("T02")).isNull();
        assign(year, "T02", kim, List.of(), 4);
        String html = mvc.perform(post(page + "/division/matrix" + y).session(session).with(csrf()).header("HX-Request", "true")
                .param("row", "T02").param("cell", "T02|" + jo.id() + "|R").param("hours_T02", "4").param("version_T02", "7"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("rowProblem-T02", "intussen gewijzigd");
        assertThat(assignment("T02").responsible()).isEqualTo(kim.id());
    }

    @Test
    void theMatrixFormWithoutJavascriptSavesEveryChangedRowAndNamesTheRowsItRefused() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        var result = mvc.perform(post(page + "/division/matrix" + y).session(session).with(csrf())
                .param("cell", "T03|" + kim.id() + "|R", "T03|" + jo.id() + "|", "P01|" + jo.id() + "|R", "P01|" + kim.id() + "|B",
                    "T04|" + kim.id() + "|", "T04|" + jo.id() + "|", "B01|" + kim.id() + "|R", "B01|" + jo.id() + "|R")
                .param("hours_T03", "3").param("hours_P01", "1700").param("hours_T04", "0").param("hours_B01", "2"))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("#matrix");
        assertThat(assignment("T03").responsible()).isEqualTo(kim.id());
        assertThat(assignment("P01").backups()).containsExactly(kim.id());
        assertThat(assignment("P01").level()).as("the guide's first level for P01 among core, other, central").isNotNull();
        assertThat(assignment("T04")).as("an untouched row makes no assignment").isNull();
        assertThat(assignment("B01")).isNull();
        assertThat(result.getFlashMap().get("matrixProblems")).asString().contains("B01");
        // the per-member view shows one member's column
        String html = mvc.perform(get(page + "/division" + y + "&member=" + jo.id()).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("aria-label=\"" + jo.name() + " · T03\"").doesNotContain("aria-label=\"" + kim.name() + " · T03\"");
        // staff see the matrix without selects
        var staff = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        html = mvc.perform(get(page + "/division" + y).session(staff)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"row-T03\"").doesNotContain("name=\"cell\"").doesNotContain("hx-post");
    }

    // ---- copy and compare ----

    @Test
    void copiesLastYearsDivisionIntoAnEmptyYearAndRefusesAYearThatHasOne() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        var gone = member(year, fixtures.user(school, Role.STAFF), 20, Cluster.POLICY);
        assign(year, "T01", kim, List.of(jo.id()), 10);
        assign(year, "P01", jo, List.of(), 5);
        assign(year, "B01", gone, List.of(kim.id()), 3);
        team.divide(school.id(), year.id(), "B01", kim.id(), List.of(), null, 0, Fixtures.ADMIN);
        team.setMemberArchived(school.id(), gone.id(), true, 0, Fixtures.ADMIN);
        var next = TeamApiTest.freshYear(calendar);
        String body = "{\"from\":\"" + year.name() + "\",\"to\":\"" + next.name() + "\"}";
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
            .andExpect(jsonPath("$.members").value(2)).andExpect(jsonPath("$.assignments").value(3))
            .andExpect(jsonPath("$.withoutResponsible").value(0));
        var copied = team.members(school.id(), next.id(), Fixtures.ADMIN);
        assertThat(copied).extracting(MemberView::name).containsExactlyInAnyOrder(kim.name(), jo.name());
        var newKim = copied.stream().filter(m -> m.personId().equals(coordinator.id())).findFirst().orElseThrow();
        assertThat(team.responsibleFor(school.id(), next.id(), "T01")).hasValueSatisfying(r -> {
            assertThat(r.memberId()).isEqualTo(newKim.id());
            assertThat(r.backupMemberIds()).hasSize(1).doesNotContain(jo.id());
        });
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("to"))
            .andExpect(jsonPath("$.errors[0].message", containsString("already has a team")));
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"" + year.name() + "\",\"to\":\"" + year.name() + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        var empty = TeamApiTest.freshYear(calendar);
        var empty2 = TeamApiTest.freshYear(calendar);
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"" + empty.name() + "\",\"to\":\"" + empty2.name() + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"1900-1901\",\"to\":\"" + empty2.name() + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content("{\"from\":\"\",\"to\":\"" + empty2.name() + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        basic(post(api + "/copy").contentType(MediaType.APPLICATION_JSON).content("{\"from\":"))
            .andExpect(status().isBadRequest());
        assertThat(team.members(school.id(), empty2.id(), Fixtures.ADMIN)).isEmpty();
        // from the page, with a clear message when refused
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        var result = mvc.perform(post(page + "/copy").session(session).with(csrf()).param("from", year.name()).param("to", next.name()))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("problem")).asString().contains("team.copy.targetHasDivision");
        result = mvc.perform(post(page + "/copy").session(session).with(csrf()).param("from", year.name()).param("to", empty2.name()))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("message")).isEqualTo("team.copy.done");
        assertThat(team.members(school.id(), empty2.id(), Fixtures.ADMIN)).hasSize(2);
        String html = mvc.perform(get(result.getResponse().getRedirectedUrl()).session(session).flashAttrs(result.getFlashMap()))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Het team en de takenverdeling zijn overgenomen.", "2 teamleden en 3 taken overgenomen uit " + year.name())
            .doesNotContain("id=\"copyForm\"");
        html = mvc.perform(get(page + "/division?year=" + TeamApiTest.freshYear(calendar).name()).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html).as("an empty year offers the copy").contains("id=\"copyForm\"", "id=\"copyFrom\"");
    }

    @Test
    void comparesTwoYearsWhatMovedAndWhichHoursChanged() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        assign(year, "T01", kim, List.of(), 10);
        assign(year, "T02", kim, List.of(), 5);
        assign(year, "P01", jo, List.of(), 5);
        var next = TeamApiTest.freshYear(calendar);
        team.copyDivision(school.id(), year.id(), next.id(), Fixtures.ADMIN);
        var nextMembers = team.members(school.id(), next.id(), Fixtures.ADMIN);
        long newJo = nextMembers.stream().filter(m -> m.name().equals(jo.name())).findFirst().orElseThrow().id();
        var nextT01 = team.assignments(school.id(), next.id(), Fixtures.ADMIN).stream().filter(a -> a.task().equals("T01")).findFirst().orElseThrow();
        team.divide(school.id(), next.id(), "T01", newJo, List.of(), 12.0, nextT01.version(), Fixtures.ADMIN);
        var nextT02 = team.assignments(school.id(), next.id(), Fixtures.ADMIN).stream().filter(a -> a.task().equals("T02")).findFirst().orElseThrow();
        team.divide(school.id(), next.id(), "T02", nextT02.responsible(), List.of(), 8.0, nextT02.version(), Fixtures.ADMIN);
        team.divide(school.id(), next.id(), "A01", newJo, List.of(), 2.0, null, Fixtures.ADMIN);
        // the older year is "from" by default: next's previous is a year with a smaller name, so ask explicitly
        basic(get(api + "/compare?from=" + year.name() + "&to=" + next.name())).andExpect(status().isOk())
            .andExpect(jsonPath("$.from").value(year.name())).andExpect(jsonPath("$.to").value(next.name()))
            .andExpect(jsonPath("$.tasks[?(@.task=='T01')].change").value("MOVED"))
            .andExpect(jsonPath("$.tasks[?(@.task=='T01')].responsibleFrom").value(kim.name()))
            .andExpect(jsonPath("$.tasks[?(@.task=='T01')].responsibleTo").value(jo.name()))
            .andExpect(jsonPath("$.tasks[?(@.task=='T02')].change").value("HOURS"))
            .andExpect(jsonPath("$.tasks[?(@.task=='T02')].hoursTo").value(8.0))
            .andExpect(jsonPath("$.tasks[?(@.task=='P01')].change").value("UNCHANGED"))
            .andExpect(jsonPath("$.tasks[?(@.task=='A01')].change").value("ADDED"))
            .andExpect(jsonPath("$.counts.MOVED").value(1))
            .andExpect(jsonPath("$.members[?(@.name=='" + jo.name() + "')].assignedTo").value(19.0));
        basic(get(api + "/compare?from=1900-1901&to=" + next.name())).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("from"));
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        String html = mvc.perform(get(page + "/compare?from=" + year.name() + "&to=" + next.name()).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"compareTasks\"", "Andere verantwoordelijke", "Andere uren", "Nieuw verdeeld", kim.name());
        html = mvc.perform(get(page + "/compare?from=nope&to=" + next.name()).session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"compareProblem\"", "bestaat niet");
    }

    // ---- documents ----

    @Test
    void theDivisionAsPdfAndAsCsvForBelgianExcelOrWithCommas() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        assign(year, "T01", kim, List.of(jo.id()), 12.5);
        var pdf = basic(get(api + "/division.pdf" + y)).andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/pdf"))
            .andExpect(header().string("Content-Disposition", containsString(".pdf")))
            .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains(kim.name(), school.name(), "Takenverdeling");
        var csv = basic(get(api + "/division.csv" + y)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(csv[0] & 0xff).isEqualTo(0xEF);
        String excel = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(excel.lines().findFirst().orElseThrow()).startsWith("Cluster;Code;Taak;Verantwoordelijke;Back-ups");
        assertThat(excel).contains(";T01;", ";" + kim.name() + ";" + jo.name() + ";", ";12,5");
        String comma = basic(get(api + "/division.csv" + y + "&dialect=rfc4180")).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(comma).startsWith("Cluster,Code,Taak,").contains(",12.5");
        basic(get(api + "/division.csv" + y + "&dialect=tabs")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("dialect"));
        basic(get(api + "/division.pdf?year=1900-1901")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("year"));
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        var fromPage = mvc.perform(get(page + "/division.pdf" + y).session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsByteArray();
        assertThat(new String(fromPage, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }

    @Test
    void aJobDescriptionIsGeneratedFromTheTasksEditedAndPrinted() throws Exception {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        assign(year, "T09", kim, List.of(), 12);
        basic(get(api + "/members/" + kim.id() + "/job-description")).andExpect(status().isOk())
            .andExpect(jsonPath("$.edited").value(false)).andExpect(jsonPath("$.version").value(0))
            .andExpect(jsonPath("$.text", containsString("back-upstrategie")))
            .andExpect(jsonPath("$.text", containsString("Technische kennis")))
            .andExpect(jsonPath("$.text", containsString("Organisatietalent")))
            .andExpect(jsonPath("$.text", containsString(kim.name())));
        String path = api + "/members/" + kim.id() + "/job-description";
        basic(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"   \",\"version\":0}")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("text"));
        basic(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + "x".repeat(20001) + "\",\"version\":0}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("text"));
        basic(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        basic(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"# Kim\\n## Taken\\n- <script>alert(1)</script> back-ups\",\"version\":0}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.edited").value(true)).andExpect(jsonPath("$.version").value(1));
        basic(put(path).contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"later\",\"version\":0}")).andExpect(status().isConflict());
        var pdf = basic(get(path + ".pdf")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        assertThat(new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1)).contains("Kim", "back-ups");
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String html = mvc.perform(get(page + "/members/" + kim.id() + "/job-description").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        html = mvc.perform(post(page + "/members/" + kim.id() + "/job-description").session(session).with(csrf()).param("text", "")
                .param("version", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"text-error\"", "aria-describedby=\"text-error jobHint\"", "Vul de tekst in");
        mvc.perform(post(page + "/members/" + kim.id() + "/job-description").session(session).with(csrf()).param("regenerate", "true")
                .param("version", "1")).andExpect(status().is3xxRedirection());
        basic(get(path)).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.text", containsString("back-upstrategie")));
    }

    @Test
    void otherModulesAskWhoCarriesFirstLineHelpAndBackups() {
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        var joPerson = fixtures.user(school, Role.STAFF);
        var jo = member(year, joPerson, 50, Cluster.TECHNICAL);
        assign(year, Team.Tasks.FIRST_LINE_HELP, kim, List.of(jo.id()), 30);
        assertThat(team.carriers(school.id(), year.id(), Team.Tasks.FIRST_LINE_HELP)).hasValueSatisfying(c -> {
            assertThat(c.responsible().personId()).isEqualTo(coordinator.id());
            assertThat(c.responsible().name()).isEqualTo(coordinator.name());
            assertThat(c.inOrder()).extracting(Team.Carrier::personId).containsExactly(coordinator.id(), joPerson.id());
        });
        assertThat(team.carriers(school.id(), year.id(), Team.Tasks.BACKUPS)).isEmpty();
        assertThat(team.carriers(fixtures.school().id(), year.id(), Team.Tasks.FIRST_LINE_HELP)).as("another school").isEmpty();
        assertThat(team.responsibleFor(school.id(), year.id(), Team.Tasks.FIRST_LINE_HELP)).hasValueSatisfying(r ->
            assertThat(r.backupMemberIds()).containsExactly(jo.id()));
    }

    // ---- charts ----

    @Test
    void theCoveragePageDrawsAccessibleChartsWithATableAlternative() throws Exception {
        var kim = member(year, coordinator, 10, Cluster.TECHNICAL);
        var jo = member(year, fixtures.user(school, Role.STAFF), 50, Cluster.PEDAGOGICAL);
        assign(year, "T01", kim, List.of(jo.id()), 8);
        assign(year, "P01", jo, List.of(), 6);
        var session = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        String html = mvc.perform(get(page + "/coverage" + y).session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString();
        assertThat(html).contains("<svg id=\"hoursChart\" role=\"img\"", "aria-labelledby=\"hoursChartTitle hoursChartDesc\"",
            "<svg id=\"coverageChart\" role=\"img\"", "id=\"hoursTable\"", "Uren per teamlid, per cluster", "8 / 10");
        assertThat(html).doesNotContain("chart.js").doesNotContain("echarts");
    }

    @Test
    void chartGeometryStacksHoursByClusterAndScalesToTheLargest() {
        var kim = new MemberView(1, 1, 1L, null, "Kim", true, Set.of(), Education.MASTER, java.util.Map.of(), 100, false, 0, null, null);
        var jo = new MemberView(2, 1, 2L, null, "Jo", false, Set.of(), Education.MASTER, java.util.Map.of(), 50, false, 0, null, null);
        var a1 = new AssignmentView(1, 1, "T01", Cluster.TECHNICAL, 1L, List.of(), Level.CORE, FundingSource.ICT_HOURS, 150, 0, null, null);
        var a2 = new AssignmentView(2, 1, "P01", Cluster.PEDAGOGICAL, 1L, List.of(2L), Level.CORE, FundingSource.ICT_HOURS, 50, 0, null, null);
        var chart = TeamCharts.hoursPerMember(List.of(kim, jo), List.of(a1, a2));
        assertThat(chart.max()).isEqualTo(200);
        var bar = chart.bars().get(0);
        assertThat(bar.total()).isEqualTo(200);
        assertThat(bar.segments().get(0).width()).isEqualTo(TeamCharts.PLOT * 0.75);
        assertThat(bar.segments().get(1).x()).isEqualTo(TeamCharts.LABEL + TeamCharts.PLOT * 0.75);
        assertThat(bar.availableX()).isEqualTo(TeamCharts.LABEL + TeamCharts.PLOT * 0.5);
        assertThat(chart.bars().get(1).total()).isZero();
        var t1 = new TaskView(1, "T01", Cluster.TECHNICAL, null, "a", "a", Set.of(Level.CORE), null, null, false, false, 0, null, null);
        var t2 = new TaskView(2, "T02", Cluster.TECHNICAL, null, "b", "b", Set.of(Level.CORE), null, null, false, false, 0, null, null);
        var p1 = new TaskView(3, "P01", Cluster.PEDAGOGICAL, null, "c", "c", Set.of(Level.CORE), null, null, false, false, 0, null, null);
        var rows = TeamCharts.coverage(List.of(t1, t2, p1), List.of(a1, a2));
        assertThat(rows.get(0)).isEqualTo(new TeamCharts.ClusterCoverage(Cluster.TECHNICAL, 2, 0, 1, 1));
        assertThat(rows.get(1)).isEqualTo(new TeamCharts.ClusterCoverage(Cluster.PEDAGOGICAL, 1, 1, 0, 0));
    }

    // ---- tenancy ----

    @Test
    void newTeamEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var kim = member(year, coordinator, 100, Cluster.TECHNICAL);
        assign(year, "T01", kim, List.of(), 10);
        var next = TeamApiTest.freshYear(calendar);
        var next2 = TeamApiTest.freshYear(calendar);
        String job = api + "/members/" + kim.id() + "/job-description";
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged(api + "/assignments" + y)
            .read(api + "/compare?from=" + year.name() + "&to=" + next.name()).read(api + "/division.pdf" + y).read(api + "/division.csv" + y)
            .read(job).read(job + ".pdf")
            .admin(HttpMethod.PUT, job, "{\"text\":\"Tekst\",\"version\":0}")
            .admin(HttpMethod.POST, api + "/copy", "{\"from\":\"" + year.name() + "\",\"to\":\"" + next.name() + "\"}")
            .verify();
        String pjob = page + "/members/" + kim.id() + "/job-description";
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged(api + "/assignments" + y)
            .read(page + "/compare?from=" + year.name() + "&to=" + next.name()).read(page + "/division.pdf" + y)
            .read(page + "/division.csv" + y).read(pjob).read(pjob + ".pdf").read(page + "/division" + y + "&member=" + kim.id())
            .admin(HttpMethod.POST, pjob, "text=Tekst&version=1")
            .admin(HttpMethod.POST, page + "/division/matrix" + y, "cell=T02|" + kim.id() + "|R&hours_T02=2")
            .admin(HttpMethod.POST, page + "/copy", "from=" + year.name() + "&to=" + next2.name())
            .verify();
    }

    // ---- the group's catalog ----

    @Test
    void centralAdminsPublishCatalogTasksToEverySchoolWhileSchoolsKeepTheirOwn() throws Exception {
        var admin = fixtures.user(school, Role.CENTRAL_ADMIN).email();
        var other = fixtures.school();
        var otherCoordinator = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String code = "G" + Fixtures.unique().replaceAll("[^A-Za-z0-9]", "").substring(0, 6);
        String catalog = "/api/v1/team/catalog/tasks";
        mvc.perform(post(catalog).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\",\"cluster\":\"TECHNICAL\",\"name\":\"Wifi-netwerk\",\"levels\":[\"CENTRAL\",\"CORE\"]}"))
            .andExpect(status().isCreated()).andExpect(header().string("Location", containsString(catalog + "/" + code)))
            .andExpect(jsonPath("$.own").value(false));
        for (var s : List.of(school, other)) {
            String who = s == school ? coordinator.email() : otherCoordinator;
            mvc.perform(get("/api/v1/schools/" + s.code() + "/team/tasks").with(httpBasic(who, Fixtures.PASSWORD)))
                .andExpect(jsonPath("$.items[?(@.code=='" + code + "')].name").value("Wifi-netwerk"));
        }
        // a school renames it for itself; the group renames it for all; the school keeps its name
        basic(patch(api + "/tasks/" + code).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ons wifi\",\"version\":0}"))
            .andExpect(status().isOk());
        mvc.perform(patch(catalog + "/" + code).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Draadloos netwerk\",\"version\":0}")).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(patch(catalog + "/" + code).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Later\",\"version\":0}")).andExpect(status().isConflict());
        basic(get(api + "/tasks/" + code)).andExpect(jsonPath("$.name").value("Ons wifi"));
        mvc.perform(get("/api/v1/schools/" + other.code() + "/team/tasks/" + code).with(httpBasic(otherCoordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.name").value("Draadloos netwerk"));
        // the group retires it: retired in every school, also where the school renamed it
        mvc.perform(patch(catalog + "/" + code).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"retired\":true,\"version\":1}")).andExpect(status().isOk()).andExpect(jsonPath("$.retired").value(true));
        basic(get(api + "/tasks")).andExpect(jsonPath("$.items[?(@.code=='" + code + "')]").isEmpty());
        mvc.perform(get("/api/v1/schools/" + other.code() + "/team/tasks?retired=true").with(httpBasic(otherCoordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[?(@.code=='" + code + "')].retired").value(true));
        // a school's own task stays its own, and its code cannot be taken by the group
        basic(post(api + "/tasks").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "X\",\"cluster\":\"POLICY\",\"name\":\"Eigen\",\"levels\":[\"CORE\"]}"))
            .andExpect(status().isCreated());
        mvc.perform(post(catalog).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "X\",\"cluster\":\"POLICY\",\"name\":\"Groep\",\"levels\":[\"CORE\"]}"))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(get("/api/v1/schools/" + other.code() + "/team/tasks").with(httpBasic(otherCoordinator, Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.items[?(@.code=='" + code + "X')]").isEmpty());
        // bad input
        mvc.perform(post(catalog).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"a b\",\"cluster\":\"TECHNICAL\",\"name\":\"X\",\"levels\":[\"CORE\"]}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(patch(catalog + "/" + code).with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\" \",\"version\":2}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(patch(catalog + "/NOPE-NOPE").with(httpBasic(admin, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"version\":0}")).andExpect(status().isNotFound());
        // rights: only central admins
        mvc.perform(get(catalog)).andExpect(status().isUnauthorized());
        mvc.perform(get(catalog).with(httpBasic(coordinator.email(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(post(catalog).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"ZZ9\",\"cluster\":\"TECHNICAL\",\"name\":\"X\",\"levels\":[\"CORE\"]}")).andExpect(status().isForbidden());
        mvc.perform(patch(catalog + "/" + code).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"retired\":false,\"version\":2}")).andExpect(status().isForbidden());
        mvc.perform(get(catalog).with(httpBasic(admin, Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$.items[?(@.code=='" + code + "')].retired").value(true));
        // the page
        MockHttpSession adminSession = TenancyCheck.signIn(mvc, admin);
        String html = mvc.perform(get("/team/catalog").session(adminSession)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Catalogus van de scholengroep", "id=\"task-" + code + "\"");
        mvc.perform(post("/team/catalog/tasks/" + code).session(adminSession).with(csrf()).param("retired", "false").param("version", "2"))
            .andExpect(status().is3xxRedirection());
        basic(get(api + "/tasks/" + code)).andExpect(jsonPath("$.retired").value(false));
        MockHttpSession coordinatorSession = TenancyCheck.signIn(mvc, coordinator.email());
        mvc.perform(get("/team/catalog").session(coordinatorSession)).andExpect(status().isForbidden());
        mvc.perform(post("/team/catalog/tasks").session(coordinatorSession).with(csrf()).param("code", "ZZ8").param("cluster", "TECHNICAL")
            .param("name", "X").param("levels", "CORE")).andExpect(status().isForbidden());
        html = mvc.perform(post("/team/catalog/tasks").session(adminSession).with(csrf()).param("code", "").param("cluster", "TECHNICAL")
            .param("name", "X").param("levels", "CORE")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"code-error\"");
    }
}
