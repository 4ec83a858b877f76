package be.spil.team;

import be.spil.shared.PdfFonts;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The team's documents: the task division of a school year as PDF (for the policy plan and the staff meeting) and as
 * CSV (Belgian Excel: {@code ;} and a UTF-8 BOM, or RFC 4180 with {@code ,}), and a member's job description as PDF.
 * All labels come from the team bundle in the reader's language.
 */
@Component
class TeamDocuments {
    /** The division as it is printed: the school's name, the year, tasks (active or divided), members and assignments. */
    record Division(String school, String year, List<TaskView> tasks, List<MemberView> members, List<AssignmentView> assignments) {
        Map<String, AssignmentView> byTask() {
            return assignments.stream().collect(Collectors.toMap(AssignmentView::task, a -> a, (a, b) -> a));
        }

        Map<Long, String> names() {
            return members.stream().collect(Collectors.toMap(MemberView::id, MemberView::name));
        }

        double assigned(long member) {
            return assignments.stream().filter(a -> Long.valueOf(member).equals(a.responsible())).mapToDouble(AssignmentView::hours).sum();
        }
    }

    /** CSV dialects: Belgian Excel (; with a BOM, decimal comma) or RFC 4180 (, without BOM, decimal point). */
    enum CsvDialect { EXCEL, RFC4180 }

    private final MessageSource messages;

    TeamDocuments(MessageSource messages) {
        this.messages = messages;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String hours(double h, Locale locale) {
        return String.format(locale, "%.1f", h);
    }

    /** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    void divisionCsv(Division d, CsvDialect dialect, Locale locale, OutputStream out) {
        boolean excel = dialect == CsvDialect.EXCEL;
        var numbers = excel ? Locale.forLanguageTag("nl-BE") : Locale.ROOT;
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (excel) {
                writer.write('\uFEFF');
            }
            var format = CSVFormat.RFC4180.builder().setDelimiter(excel ? ';' : ',').setRecordSeparator("\r\n").get();
            try (var csv = new CSVPrinter(writer, format)) {
                csv.printRecord(msg(locale, "field.cluster"), msg(locale, "team.code"), msg(locale, "field.task"),
                    msg(locale, "field.responsible"), msg(locale, "field.backups"), msg(locale, "field.teamLevel"),
                    msg(locale, "field.funding"), msg(locale, "field.hours"));
                var byTask = d.byTask();
                var names = d.names();
                for (var t : d.tasks()) {
                    var a = byTask.get(t.code());
                    csv.printRecord(msg(locale, "team.cluster." + t.cluster()), t.code(), cell(t.name(locale.getLanguage())),
                        a == null || a.responsible() == null ? "" : cell(names.get(a.responsible())),
                        a == null ? "" : cell(a.backups().stream().map(names::get).collect(Collectors.joining(", "))),
                        a == null ? "" : msg(locale, "team.level." + a.level()),
                        a == null ? "" : msg(locale, "team.funding." + a.funding()),
                        a == null ? "" : hours(a.hours(), numbers));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Font TITLE = PdfFonts.font(16, Font.BOLD);
    private static final Font HEADING = PdfFonts.font(12, Font.BOLD);
    private static final Font BOLD = PdfFonts.font(9, Font.BOLD);
    private static final Font NORMAL = PdfFonts.font(9, Font.NORMAL);
    private static final Font TEXT = PdfFonts.font(10.5f, Font.NORMAL);

    void divisionPdf(Division d, Locale locale, OutputStream out) {
        var document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(msg(locale, "team.pdf.title", d.school(), d.year()));
        document.addCreator("Spil");
        document.open();
        document.add(new Paragraph(msg(locale, "team.pdf.title", d.school(), d.year()), TITLE));
        var byTask = d.byTask();
        var names = d.names();
        for (var cluster : Cluster.values()) {
            var tasks = d.tasks().stream().filter(t -> t.cluster() == cluster).toList();
            if (tasks.isEmpty()) {
                continue;
            }
            var heading = new Paragraph(msg(locale, "team.cluster." + cluster), HEADING);
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(4);
            document.add(heading);
            var table = new PdfPTable(new float[] {6, 40, 16, 16, 9, 9, 6});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String key : new String[] {"team.code", "field.task", "field.responsible", "field.backups", "field.teamLevel",
                "field.funding", "field.hours"}) {
                table.addCell(cell(msg(locale, key), BOLD));
            }
            for (var t : tasks) {
                var a = byTask.get(t.code());
                table.addCell(cell(t.code(), NORMAL));
                table.addCell(cell(t.name(locale.getLanguage()), NORMAL));
                table.addCell(cell(a == null || a.responsible() == null ? msg(locale, "team.nobody") : names.get(a.responsible()), NORMAL));
                table.addCell(cell(a == null ? "" : a.backups().stream().map(names::get).collect(Collectors.joining(", ")), NORMAL));
                table.addCell(cell(a == null ? "" : msg(locale, "team.level." + a.level()), NORMAL));
                table.addCell(cell(a == null ? "" : msg(locale, "team.funding." + a.funding()), NORMAL));
                var h = cell(a == null ? "" : hours(a.hours(), locale), NORMAL);
                h.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(h);
            }
            document.add(table);
        }
        var heading = new Paragraph(msg(locale, "team.pdf.members"), HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
        var table = new PdfPTable(new float[] {40, 20, 20, 20});
        table.setWidthPercentage(70);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows(1);
        for (String key : new String[] {"team.pdf.member", "team.pdf.available", "team.pdf.assigned", "team.pdf.balance"}) {
            table.addCell(cell(msg(locale, key), BOLD));
        }
        for (var m : d.members()) {
            double assigned = d.assigned(m.id());
            table.addCell(cell(m.name(), NORMAL));
            table.addCell(cell(hours(m.totalHours(), locale), NORMAL));
            table.addCell(cell(hours(assigned, locale), NORMAL));
            table.addCell(cell(hours(m.totalHours() - assigned, locale), NORMAL));
        }
        if (d.members().isEmpty()) {
            var none = cell(msg(locale, "team.members.none"), NORMAL);
            none.setColspan(4);
            table.addCell(none);
        }
        document.add(table);
        document.close();
    }

    private static PdfPCell cell(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(3);
        return cell;
    }

    /**
     * A job description's text as PDF: lines starting with {@code ## } are headings, lines starting with {@code - } list
     * items, the first line the title; everything else a paragraph.
     */
    void textPdf(String title, String body, OutputStream out) {
        var document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.addCreator("Spil");
        document.open();
        boolean first = true;
        for (String line : body.split("\\R")) {
            String text = line.strip();
            if (text.isEmpty()) {
                document.add(new Paragraph(Chunk.NEWLINE));
            } else if (first) {
                document.add(new Paragraph(text.startsWith("# ") ? text.substring(2) : text, TITLE));
            } else if (text.startsWith("#")) {
                var p = new Paragraph(text.replaceFirst("^#+\\s*", ""), HEADING);
                p.setSpacingBefore(8);
                document.add(p);
            } else if (text.startsWith("- ")) {
                var p = new Paragraph("\u2022 " + text.substring(2), TEXT);
                p.setIndentationLeft(14);
                p.setFirstLineIndent(-8);
                document.add(p);
            } else {
                document.add(new Paragraph(text, TEXT));
            }
            first = false;
        }
        document.close();
    }
}
