package be.spil.learning;

import be.spil.shared.PdfFonts;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The learning line on paper (OpenPDF), for the team and the inspection: the matrix competence × grade with the highest
 * step and the number of activities per cell followed by the plan of each grade (or of one grade: the class teacher's
 * one-page plan), and the analysis with its findings. Labels from the learning bundle in the reader's language.
 */
@Component
class LinePdf {
    private static final Color ACCENT = new Color(0x0b, 0x4f, 0x8a);
    private static final Font TITLE = PdfFonts.font(18, Font.BOLD, ACCENT);
    private static final Font H2 = PdfFonts.font(13, Font.BOLD, ACCENT);
    private static final Font BODY = PdfFonts.font(9, Font.NORMAL);
    private static final Font MUTED = PdfFonts.font(8, Font.ITALIC, Color.DARK_GRAY);
    private static final Font CELL = PdfFonts.font(7, Font.NORMAL);
    private static final Font CELL_HEAD = PdfFonts.font(7, Font.BOLD);
    private static final Color[] STEP_COLOURS = {new Color(0xfd, 0xf1, 0xc7), new Color(0xcf, 0xe8, 0xfc), new Color(0xc9, 0xf0, 0xd1)};

    private final MessageSource messages;

    LinePdf(MessageSource messages) {
        this.messages = messages;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** The matrix and the grades' plans; with {@code only} just that grade's plan. */
    byte[] line(String school, LineView line, FrameworkView framework, LearningLines.Analysis analysis, List<ActivityView> activities,
                Grade only, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        var out = new ByteArrayOutputStream();
        var document = new Document(only == null ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(msg(locale, "learning.pdf.lineTitle", school));
        document.open();
        var leaves = framework.leaves();
        var names = new LinkedHashMap<String, String>();
        leaves.forEach(c -> names.put(c.code(), english ? c.nameEn() : c.name()));
        if (only == null) {
            document.add(new Paragraph(msg(locale, "learning.pdf.lineTitle", school), TITLE));
            document.add(new Paragraph(msg(locale, "learning.follows") + " " + line.framework(), BODY));
            if (framework.attribution() != null) {
                document.add(new Paragraph(framework.attribution(), MUTED));
            }
            document.add(new Paragraph(msg(locale, "learning.coverage.detail", analysis.coverage().covered(), analysis.coverage().total())
                + " · " + msg(locale, "learning.mastered") + ": " + analysis.coverage().mastered(), BODY));
            var table = new PdfPTable(line.grades().size() + 1);
            table.setWidthPercentage(100);
            var widths = new float[line.grades().size() + 1];
            widths[0] = 6;
            for (int i = 1; i < widths.length; i++) {
                widths[i] = 1;
            }
            table.setWidths(widths);
            table.setHeaderRows(1);
            table.setSpacingBefore(8);
            table.addCell(head(msg(locale, "field.competence")));
            line.grades().forEach(g -> table.addCell(head(g.label())));
            for (var c : leaves) {
                table.addCell(cell(c.code() + " " + names.get(c.code()), null));
                var row = analysis.heat().getOrDefault(c.code(), java.util.Map.of());
                for (var g : line.grades()) {
                    var cell = row.get(g);
                    table.addCell(cell == null ? cell("", null)
                        : cell(msg(locale, "learning.step.short." + cell.highest()) + " (" + cell.count() + ")",
                            STEP_COLOURS[cell.highest().ordinal()]));
                }
            }
            document.add(table);
            var legend = new ArrayList<String>();
            for (var s : Step.values()) {
                legend.add(msg(locale, "learning.step.short." + s) + " = " + msg(locale, "learning.step." + s));
            }
            document.add(new Paragraph(msg(locale, "learning.legend") + " " + String.join(" · ", legend), MUTED));
        }
        var byGrade = activities.stream().collect(Collectors.groupingBy(ActivityView::grade, LinkedHashMap::new, Collectors.toList()));
        for (var g : line.grades()) {
            if (only != null && g != only) {
                continue;
            }
            var mine = new ArrayList<>(byGrade.getOrDefault(g, List.of()));
            if (only == null && mine.isEmpty()) {
                continue;
            }
            if (only == null) {
                document.newPage();
            }
            document.add(new Paragraph(msg(locale, "learning.pdf.gradeTitle", g.label(), school), only == null ? H2 : TITLE));
            if (mine.isEmpty()) {
                document.add(new Paragraph(msg(locale, "learning.pdf.gradeEmpty"), BODY));
                continue;
            }
            var order = new java.util.HashMap<String, Integer>();
            for (int i = 0; i < leaves.size(); i++) {
                order.put(leaves.get(i).code(), i);
            }
            mine.sort(java.util.Comparator.<ActivityView>comparingInt(a -> order.getOrDefault(a.competence(), Integer.MAX_VALUE))
                .thenComparing(ActivityView::step));
            var table = new PdfPTable(new float[] {3, 1.5f, 4, 1.5f, 1.3f, 1.5f, 2});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(6);
            for (var h : new String[] {"field.competence", "field.domain", "field.description", "field.tool", "field.step",
                "field.workForm", "field.teacher"}) {
                table.addCell(head(msg(locale, h)));
            }
            for (var a : mine) {
                table.addCell(cell(a.competence() + " " + names.getOrDefault(a.competence(), ""), null));
                table.addCell(cell(a.domain(), null));
                table.addCell(cell(a.description(), null));
                table.addCell(cell(a.tool() == null ? "" : a.tool(), null));
                table.addCell(cell(msg(locale, "learning.step." + a.step()), STEP_COLOURS[a.step().ordinal()]));
                table.addCell(cell(a.workForm() == null ? "" : msg(locale, "learning.workForm." + a.workForm()), null));
                table.addCell(cell(a.teacherName() == null ? "" : a.teacherName(), null));
            }
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }

    /** The analysis: coverage, the findings (most serious first) with their advice, activities per grade and domain. */
    byte[] analysis(String school, LearningLines.Analysis analysis, List<String> findings, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(msg(locale, "learning.pdf.analysisTitle", school));
        document.open();
        document.add(new Paragraph(msg(locale, "learning.pdf.analysisTitle", school), TITLE));
        document.add(new Paragraph(msg(locale, "learning.follows") + " " + analysis.framework(), BODY));
        document.add(new Paragraph(msg(locale, "learning.coverage") + ": " + analysis.coverage().percent() + "% · "
            + msg(locale, "learning.coverage.detail", analysis.coverage().covered(), analysis.coverage().total()) + " · "
            + msg(locale, "learning.mastered") + ": " + analysis.coverage().mastered(), BODY));
        document.add(new Paragraph(msg(locale, "learning.analysis.measure", analysis.balancePercent()), MUTED));
        var h = new Paragraph(msg(locale, "learning.analysis"), H2);
        h.setSpacingBefore(8);
        document.add(h);
        if (findings.isEmpty()) {
            document.add(new Paragraph(msg(locale, "learning.analysis.none"), BODY));
        }
        var list = new com.lowagie.text.List(false, 10);
        findings.forEach(f -> list.add(new com.lowagie.text.ListItem(f, BODY)));
        document.add(list);
        var table = new PdfPTable(2);
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(10);
        table.addCell(head(msg(locale, "learning.perGrade")));
        table.addCell(head(""));
        analysis.perGrade().forEach((g, n) -> {
            table.addCell(cell(g.label(), null));
            table.addCell(cell(Integer.toString(n), null));
        });
        table.addCell(head(msg(locale, "learning.perDomain")));
        table.addCell(head(""));
        analysis.perDomain().forEach((d, n) -> {
            table.addCell(cell(d, null));
            table.addCell(cell(Integer.toString(n), null));
        });
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    /** The findings as sentences in the reader's language, steps and work forms named. */
    List<String> findingTexts(List<LineFinding> findings, Locale locale) {
        var list = new ArrayList<String>();
        for (var f : findings) {
            var args = f.args().stream().map(a -> arg(a, locale)).toArray();
            list.add(msg(locale, "learning.severity." + f.severity()) + ": " + messages.getMessage(f.message(), args, f.message(), locale));
        }
        return list;
    }

    private Object arg(Object a, Locale locale) {
        if (a instanceof Step s) {
            return msg(locale, "learning.step." + s);
        }
        if (a instanceof WorkForm w) {
            return msg(locale, "learning.workForm." + w);
        }
        if (a instanceof List<?> l) {
            return l.stream().map(x -> String.valueOf(arg(x, locale))).collect(Collectors.joining(", "));
        }
        return a;
    }

    private static PdfPCell head(String text) {
        var c = new PdfPCell(new Phrase(text, CELL_HEAD));
        c.setBackgroundColor(new Color(0xe9, 0xec, 0xef));
        c.setPadding(3);
        return c;
    }

    private static PdfPCell cell(String text, Color background) {
        var c = new PdfPCell(new Phrase(text, CELL));
        c.setPadding(3);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }
}
