package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class LearningPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Frameworks frameworks;
    @Autowired LearningLines lines;

    SchoolView school;
    PersonView coordinator;
    MockHttpSession session;
    String page;
    long digcomp;

    @BeforeEach
    void setUp() throws Exception {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        session = TenancyCheck.signIn(mvc, coordinator.email());
        page = "/schools/" + school.code() + "/learning";
        digcomp = frameworks.shipped("digcomp").orElseThrow();
    }

    private String html(String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    private void start() throws Exception {
        mvc.perform(post(page + "/setup").session(session).with(csrf())
                .param("framework", Long.toString(digcomp)).param("domains", "Wiskunde\nTaal\nFrans"))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
    }

    @Test
    void startsALinePlansPerGradeAndShowsTheMatrixAndAnalysis() throws Exception {
        var start = html(page);
        assertThat(start).contains("Leerlijn starten").contains("DigComp 2.2").contains("Wereldori\u00ebntatie");
        start();
        var teacher = fixtures.user(school, Role.STAFF);
        mvc.perform(post(page + "/activities").session(session).with(csrf()).param("from", "grade")
                .param("grade", "L2").param("competence", "3.4").param("domain", "Wiskunde").param("step", "INTRODUCE")
                .param("description", "Een robotje programmeren <script>alert(1)</script>").param("tool", "Bee-Bot")
                .param("workForm", "CORNER").param("teacher", Long.toString(teacher.id())))
            .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page + "/grades/L2"));
        var grade = html(page + "/grades/L2");
        assertThat(grade).contains("Leerjaar L2").contains("3.4").contains("Bee-Bot").contains("Hoekenwerk").contains(teacher.name())
            .doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        var line = html(page);
        assertThat(line).contains("heatmap").contains("Joint Research Centre").contains("Programmeren")
            .contains("geen enkele activiteit").contains("50%");
        var competence = html(page + "/competences/3.4");
        assertThat(competence).contains("wordt nooit beheerst").contains("Bee-Bot");
        long id = lines.activities(school.id(), Grade.L2, null, Fixtures.ADMIN).get(0).id();
        var activity = html(page + "/activities/" + id);
        assertThat(activity).contains("Bee-Bot").contains("Aangemaakt").contains("historyTitle");
        html("/frameworks");
        assertThat(html("/frameworks/" + digcomp)).contains("CC BY 4.0").contains("Joint Research Centre").contains("Programmeren");
        assertThat(html("/frameworks/" + digcomp + "?lang=en")).contains("Programming");
        assertThat(html("/")).contains("Leerlijn digitale competenties");
    }

    @Test
    void showsErrorsNextToTheFieldsAndKeepsTheInput() throws Exception {
        start();
        var html = mvc.perform(post(page + "/activities").session(session).with(csrf()).param("from", "grade")
                .param("grade", "L1").param("competence", "9.9").param("domain", "").param("step", "INTRODUCE")
                .param("description", "Bewaard"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"domain-error\"").contains("aria-describedby=\"domain-error\"").contains("Bewaard");
        html = mvc.perform(post(page + "/activities").session(session).with(csrf()).param("from", "grade")
                .param("grade", "L1").param("competence", "9.9").param("domain", "Taal").param("step", "INTRODUCE")
                .param("description", "Bewaard"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"competence-error\"").contains("Kies een competentie");
        html = mvc.perform(post(page + "/setup").session(session).with(csrf()).param("framework", Long.toString(digcomp))
                .param("domains", " \n ").param("version", "0"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"domains-error\"").contains("minstens \u00e9\u00e9n leerdomein");
        assertThat(lines.activities(school.id(), null, null, Fixtures.ADMIN)).isEmpty();
    }

    @Test
    void withHtmxTheGradeViewAnswersItsBodyInsteadOfARedirect() throws Exception {
        start();
        var html = mvc.perform(post(page + "/activities").session(session).with(csrf()).header("HX-Request", "true")
                .param("from", "grade").param("grade", "L4").param("competence", "4.2").param("domain", "Taal")
                .param("step", "INTRODUCE").param("description", "Wachtwoorden kiezen"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<div id=\"gradeBody\">").contains("Wachtwoorden kiezen").contains("role=\"status\"")
            .doesNotContain("<html").doesNotContain("value=\"Wachtwoorden kiezen\"");
        html = mvc.perform(post(page + "/activities").session(session).with(csrf()).header("HX-Request", "true")
                .param("from", "grade").param("grade", "L4").param("competence", "4.2").param("domain", "Taal")
                .param("step", "INTRODUCE").param("description", ""))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<div id=\"gradeBody\">").contains("id=\"description-error\"").contains("open");
        assertThat(lines.activities(school.id(), Grade.L4, null, Fixtures.ADMIN)).hasSize(1);
    }

    @Test
    void importsAFrameworkWithAPreviewFirst() throws Exception {
        var bad = new MockMultipartFile("file", "kader.csv", "text/csv", "Code;Ouder;Naam\nA;;Gebied\nA.1;X;Wees\n".getBytes(StandardCharsets.UTF_8));
        var html = mvc.perform(multipart(page + "/import").file(bad).session(session).with(csrf())
                .param("frameworkCode", "net-" + Fixtures.unique()).param("version", "1").param("name", "Eigen").param("levels", "1")
                .param("dryRun", "false"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Niets ge\u00efmporteerd").contains("De ouder X staat niet in het bestand");
        String code = "net-" + Fixtures.unique();
        var good = new MockMultipartFile("file", "kader.csv", "text/csv", "Code;Ouder;Naam\nA;;Gebied\nA.1;A;Een\n".getBytes(StandardCharsets.UTF_8));
        html = mvc.perform(multipart(page + "/import").file(good).session(session).with(csrf())
                .param("frameworkCode", code).param("version", "1").param("name", "Eigen").param("levels", "1").param("dryRun", "true"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("In orde: 2");
        assertThat(frameworks.list(Fixtures.ADMIN, null)).noneMatch(f -> f.code().equals(code));
        mvc.perform(multipart(page + "/import").file(good).session(session).with(csrf())
                .param("frameworkCode", code).param("version", "1").param("name", "Eigen").param("levels", "1").param("dryRun", "false"))
            .andExpect(status().is3xxRedirection());
        assertThat(frameworks.list(Fixtures.ADMIN, null)).anyMatch(f -> f.code().equals(code) && school.code().equals(f.school()));
    }

    @Test
    void aTeacherFillsInTheSelfAssessmentAndTheCoordinatorSeesNoIndividualAnswers(@Autowired be.spil.school.SchoolCalendar calendar)
        throws Exception {
        var year = LearningFixtures.freshYear(calendar);
        var teacher = fixtures.user(school, Role.STAFF);
        var teacherSession = TenancyCheck.signIn(mvc, teacher.email());
        String path = page + "/self-assessment?year=" + year.name();
        var form = mvc.perform(get(path).session(teacherSession)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("Integreerder").contains("Alleen jij ziet je antwoorden").contains("id=\"level-6.5\"")
            .doesNotContain("team-competence\"");
        mvc.perform(post(page + "/self-assessment").param("year", year.name()).session(teacherSession).with(csrf())
                .param("level-1.1", "B1").param("goal-1.1", "B2").param("level-2.1", "A2").param("goal-2.1", ""))
            .andExpect(status().is3xxRedirection());
        var again = mvc.perform(get(path).session(teacherSession)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).containsPattern("<option value=\"B1\" selected=\"selected\">B1</option>");
        var team = html(page + "/team-competence?year=" + year.name());
        assertThat(team).contains("1 collega").contains("Gemiddelden verschijnen vanaf 5").doesNotContain(teacher.name());
        mvc.perform(get(page + "/team-competence?year=" + year.name()).session(teacherSession)).andExpect(status().isForbidden());
    }

    @Test
    void learningPagesKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        start();
        var a = lines.createActivity(school.id(), new ActivityForm("1.1", Grade.K1, "Taal", "Foto's bekijken", null, Step.INTRODUCE,
            null, null, null), coordinator());
        var b = lines.createActivity(school.id(), new ActivityForm("1.2", Grade.K2, "Taal", "Foto's kiezen", null, Step.INTRODUCE,
            null, null, null), coordinator());
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged("/api/v1/schools/" + school.code() + "/learning-line")
            .read(page).read(page + "/grades/K1").read(page + "/competences/1.1").read(page + "/activities/" + a.id())
            .admin(HttpMethod.GET, page + "/import", null)
            .admin(HttpMethod.POST, page + "/activities", "grade=K2&competence=1.3&domain=Taal&step=INTRODUCE&description=Ordenen")
            .admin(HttpMethod.POST, page + "/activities/" + a.id(), "grade=K1&competence=1.1&domain=Wiskunde&step=INTRODUCE&description=x&version=0")
            .admin(HttpMethod.POST, page + "/activities/" + b.id() + "/archive", "archived=true&version=0")
            .admin(HttpMethod.POST, page + "/setup", "framework=" + digcomp + "&domains=Taal&version=0")
            .admin(HttpMethod.POST, page + "/import", "frameworkCode=x&version=1")
            .verify();
        assertThat(lines.activities(school.id(), null, null, Fixtures.ADMIN)).extracting(ActivityView::competence)
            .containsExactlyInAnyOrder("1.1", "1.3");
    }

    private be.spil.shared.Caller coordinator() {
        return new be.spil.shared.Caller(coordinator.id(), coordinator.email(), coordinator.name(), false,
            java.util.Map.of(school.id(), java.util.Set.of(Role.ICT_COORDINATOR)));
    }

}
