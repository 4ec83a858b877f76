package be.spil.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class LinePdfTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired LearningLines lines;
    @Autowired Frameworks frameworks;

    SchoolView school;
    PersonView coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        lines.setUp(school.id(), frameworks.shipped("digcomp").orElseThrow(), List.of("Wiskunde", "Taal"), null, Fixtures.ADMIN);
        lines.createActivity(school.id(), new ActivityForm("1.1", Grade.L1, "Taal", "Zoeken in een kinderzoekmachine", "Tablet",
            Step.INTRODUCE, WorkForm.PARTNER, null, null), Fixtures.ADMIN);
        lines.createActivity(school.id(), new ActivityForm("3.4", Grade.L3, "Wiskunde", "Een robot programmeren", "Bee-Bot",
            Step.MASTER, null, null, null), Fixtures.ADMIN);
        base = "/api/v1/schools/" + school.code() + "/learning-line";
    }

    private static String text(byte[] pdf) throws Exception {
        var reader = new PdfReader(pdf);
        var extractor = new PdfTextExtractor(reader);
        var all = new StringBuilder();
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
            all.append(extractor.getTextFromPage(i)).append('\n');
        }
        return all.toString();
    }

    private byte[] fetch(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(coordinator.email(), Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theLinePdfHoldsTheMatrixAndEveryGradesPlan() throws Exception {
        String text = text(fetch(base + "/export.pdf"));
        assertThat(text).contains("Leerlijn digitale competenties", school.name(), "1.1", "K (1)", "B (1)", "Leerjaar L1",
            "Zoeken in een kinderzoekmachine", "Een robot programmeren", "Duowerk");
        String grade = text(fetch(base + "/export.pdf?grade=L3&lang=en"));
        assertThat(grade).contains("Grade L3", "Een robot programmeren").doesNotContain("Zoeken in een kinderzoekmachine");
        mvc.perform(get(base + "/export.pdf?grade=S1").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest());
        mvc.perform(get(base + "/export.pdf?grade=XX").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest());
    }

    @Test
    void theAnalysisPdfListsTheFindings() throws Exception {
        String text = text(fetch(base + "/analysis.pdf"));
        assertThat(text).contains("Analyse van de leerlijn", "Dekking", "Activiteiten per leerjaar").containsIgnoringCase("kritiek");
        assertThat(text(fetch(base + "/analysis.pdf?lang=en"))).contains("Analysis of the learning line");
    }

    @Test
    void pdfsKeepToTheirSchool() throws Exception {
        var outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .read(base + "/export.pdf").read(base + "/analysis.pdf").verify();
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .read("/schools/" + school.code() + "/learning/line.pdf").read("/schools/" + school.code() + "/learning/line.pdf?grade=L1")
            .read("/schools/" + school.code() + "/learning/analysis.pdf").verify();
    }
}
