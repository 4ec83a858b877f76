package be.spil.lending;

import be.spil.shared.PdfFonts;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The hand-over form of a 1:1 device as a one-page A4 PDF, for the pupil and a parent to sign. */
@Component
class HandOverForm {
    private final MessageSource messages;
    private final java.util.List<be.spil.shared.UsageRulesText> rules;

    HandOverForm(MessageSource messages, java.util.List<be.spil.shared.UsageRulesText> rules) {
        this.messages = messages;
        this.rules = rules;
    }

    /** The form; with the school's approved usage rules for pupils printed on it when the school has them. */
    byte[] pdf(long schoolId, String schoolName, PupilDeviceView loan, Locale locale) {
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = PdfFonts.font(16, Font.BOLD);
        Font body = PdfFonts.font(11, Font.NORMAL);
        Font bold = PdfFonts.font(11, Font.BOLD);
        document.add(new Paragraph(msg("loan1.pdf.title", locale), title));
        document.add(new Paragraph(" "));
        document.add(new Paragraph(messages.getMessage("loan1.pdf.intro", new Object[] {loan.schoolYear()}, locale), body));
        document.add(new Paragraph(" "));
        var table = new PdfPTable(2);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {1f, 2f});
        row(table, msg("loan1.pdf.school", locale), schoolName, bold, body);
        row(table, msg("loan1.pupil", locale), loan.pupil(), bold, body);
        row(table, msg("loan1.pdf.class", locale), loan.group(), bold, body);
        row(table, msg("field.tag", locale), loan.tag(), bold, body);
        row(table, msg("field.model", locale), loan.model(), bold, body);
        row(table, msg("loan1.pdf.serial", locale), loan.serial(), bold, body);
        row(table, msg("loan1.accessories", locale), loan.accessories(), bold, body);
        row(table, msg("loan1.deposit", locale), loan.deposit() == null ? null : loan.deposit().toPlainString(), bold, body);
        row(table, msg("loan1.handedOverOn", locale), loan.handedOverOn().toString(), bold, body);
        document.add(table);
        document.add(new Paragraph(" "));
        document.add(new Paragraph(msg("loan1.pdf.rules", locale), body));
        var inForce = rules.stream().flatMap(r -> r.forPupils(schoolId).stream()).findFirst();
        if (inForce.isPresent()) {
            document.add(new Paragraph(" "));
            document.add(new Paragraph(messages.getMessage("loan1.pdf.rulesTitle", new Object[] {inForce.get().version()}, locale), bold));
            document.add(new Paragraph(inForce.get().text(), body));
        }
        document.add(new Paragraph(" "));
        var signatures = new PdfPTable(3);
        signatures.setWidthPercentage(100);
        for (String key : new String[] {"loan1.pdf.signPupil", "loan1.pdf.signParent", "loan1.pdf.signSchool"}) {
            var cell = new PdfPCell(new Paragraph(msg(key, locale) + "\n\n\n\n" + msg("loan1.pdf.date", locale) + ":", body));
            cell.setMinimumHeight(110);
            cell.setVerticalAlignment(Element.ALIGN_TOP);
            signatures.addCell(cell);
        }
        document.add(signatures);
        document.close();
        return out.toByteArray();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void row(PdfPTable table, String label, String value, Font bold, Font body) {
        table.addCell(new PdfPCell(new Paragraph(label, bold)));
        table.addCell(new PdfPCell(new Paragraph(value == null ? "" : value, body)));
    }
}
