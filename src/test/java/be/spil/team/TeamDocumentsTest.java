package be.spil.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The division's CSV and PDF and the job description's PDF, written from plain records with the real bundles. */
class TeamDocumentsTest {
    private final TeamDocuments documents;

    TeamDocumentsTest() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/team", "i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        documents = new TeamDocuments(messages);
    }

    private static TeamDocuments.Division division() {
        var task = new TaskView(1, "T01", Cluster.TECHNICAL, null, "=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")", Set.of(Level.CORE), null,
            null, false, false, 0, null, null);
        var other = new TaskView(2, "P01", Cluster.PEDAGOGICAL, null, "Leerlijn", "Learning line", Set.of(Level.CORE), null, null, false,
            false, 0, null, null);
        var kim = new MemberView(7, 1, 1L, null, "Kim Peeters", true, Set.of(Cluster.TECHNICAL), Education.MASTER, Map.of(), 148, false,
            0, null, null);
        var jo = new MemberView(8, 1, 2L, null, "@Jo Maes", false, Set.of(), Education.TEACHER, Map.of(), 74, false, 0, null, null);
        var a = new AssignmentView(1, 1, "T01", Cluster.TECHNICAL, 7L, List.of(8L), Level.CORE, FundingSource.ICT_HOURS, 12.5, 0, null, null);
        return new TeamDocuments.Division("Sint-Jozef", "2026-2027", List.of(task, other), List.of(kim, jo), List.of(a));
    }

    @Test
    void csvForBelgianExcelHasABomSemicolonsDecimalCommasAndNoFormulas() {
        var out = new ByteArrayOutputStream();
        documents.divisionCsv(division(), TeamDocuments.CsvDialect.EXCEL, Locale.forLanguageTag("nl"), out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("Cluster;Code;Taak;Verantwoordelijke;Back-ups;Niveau;Middelen;Uren per jaar");
        assertThat(lines[1]).isEqualTo("Technisch;T01;\"'=HYPERLINK(\"\"x\"\")\";Kim Peeters;'@Jo Maes;ICT-kernteam;ICT-uren;12,5");
        assertThat(lines[2]).isEqualTo("Pedagogisch-didactisch;P01;Leerlijn;;;;;");
    }

    @Test
    void csvAfterRfc4180HasCommasADecimalPointAndNoBom() {
        var out = new ByteArrayOutputStream();
        documents.divisionCsv(division(), TeamDocuments.CsvDialect.RFC4180, Locale.ENGLISH, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("Cluster,Code,Task,Responsible,Backups").contains(",Learning line,").contains(",12.5\r\n");
    }

    @Test
    void theDivisionPdfNamesSchoolYearTasksAndMembers() throws Exception {
        var out = new ByteArrayOutputStream();
        documents.divisionPdf(division(), Locale.forLanguageTag("nl"), out);
        String text = new PdfTextExtractor(new PdfReader(out.toByteArray())).getTextFromPage(1);
        assertThat(text).contains("Sint-Jozef", "2026-2027", "Kim Peeters", "Leerlijn", "Niemand", "Uren per teamlid");
    }

    @Test
    void theJobDescriptionPdfMakesHeadingsAndListItemsOfTheText() throws Exception {
        var out = new ByteArrayOutputStream();
        documents.textPdf("Kim", "# Functiebeschrijving Kim Peeters\n\n## Verantwoordelijk voor\n- Back-ups\nVrije tekst met é en ë", out);
        String text = new PdfTextExtractor(new PdfReader(out.toByteArray())).getTextFromPage(1);
        assertThat(text).contains("Functiebeschrijving Kim Peeters", "Verantwoordelijk voor", "Back-ups", "Vrije tekst met é en ë")
            .doesNotContain("##");
    }

    @Test
    void matrixRowsAreReadFromTheFormWithTheirOwnErrors() {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        params.addAll("cell", List.of("T01|7|R", "T01|8|B", "T02|7|R", "T02|8|R", "T03|x|R", "junk"));
        params.add("hours_T01", "12,5");
        params.add("version_T01", "3");
        params.add("hours_T04", "-2");
        var rows = TeamDivisionController.rows(params);
        assertThat(rows.get("T01")).isEqualTo(new TeamDivisionController.RowEdit("T01", 7L, List.of(8L), 12.5, 3));
        assertThat(rows.get("T02")).isInstanceOf(be.spil.shared.FieldErrorsException.class);
        assertThat(rows.get("T03")).isInstanceOf(be.spil.shared.FieldErrorsException.class);
        assertThat(rows.get("T04")).isInstanceOf(be.spil.shared.FieldErrorsException.class);
        assertThat(rows).doesNotContainKey("junk");
    }
}
