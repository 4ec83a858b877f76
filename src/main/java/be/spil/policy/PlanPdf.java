package be.spil.policy;

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
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

/** Lays the plan's document out as an A4 PDF: a title page with the contents, then the sections, page numbers below. */
final class PlanPdf {
    private static final Color ACCENT = new Color(0x0b, 0x4f, 0x8a);
    private static final Font TITLE = PdfFonts.font(24, Font.BOLD, ACCENT);
    private static final Font H2 = PdfFonts.font(16, Font.BOLD, ACCENT);
    private static final Font H3 = PdfFonts.font(12, Font.BOLD);
    private static final Font BODY = PdfFonts.font(10, Font.NORMAL);
    private static final Font MUTED = PdfFonts.font(10, Font.ITALIC, Color.DARK_GRAY);
    private static final Font CELL = PdfFonts.font(8, Font.NORMAL);
    private static final Font CELL_HEAD = PdfFonts.font(8, Font.BOLD);

    private PlanPdf() {}

    static void write(List<PlanDocument.Block> blocks, String contentsTitle, String footer, OutputStream out) {
        var document = new Document(PageSize.A4, 50, 50, 50, 60);
        var writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document d) {
                var cb = w.getDirectContent();
                com.lowagie.text.pdf.ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                    new Phrase(footer + " · " + w.getPageNumber(), CELL), (d.left() + d.right()) / 2, d.bottom() - 25, 0);
            }
        });
        document.open();
        var title = blocks.isEmpty() || !(blocks.get(0) instanceof PlanDocument.Heading h) ? "" : h.text();
        var cover = new Paragraph(title, TITLE);
        cover.setSpacingBefore(180);
        cover.setSpacingAfter(12);
        document.add(cover);
        if (blocks.size() > 1 && blocks.get(1) instanceof PlanDocument.Paragraph status) {
            document.add(new Paragraph(status.text(), MUTED));
        }
        var contents = new Paragraph(contentsTitle, H2);
        contents.setSpacingBefore(60);
        contents.setSpacingAfter(8);
        document.add(contents);
        int section = 1;
        for (var block : blocks) {
            if (block instanceof PlanDocument.Heading h && h.level() == 2) {
                document.add(new Paragraph(section++ + ". " + h.text(), BODY));
            }
        }
        document.newPage();
        section = 1;
        for (var block : blocks.subList(Math.min(2, blocks.size()), blocks.size())) {
            if (block instanceof PlanDocument.Heading h) {
                var p = new Paragraph(h.level() == 2 ? section++ + ". " + h.text() : h.text(), h.level() == 2 ? H2 : H3);
                p.setSpacingBefore(h.level() == 2 ? 16 : 10);
                p.setSpacingAfter(4);
                document.add(p);
            } else if (block instanceof PlanDocument.Paragraph para) {
                var p = new Paragraph(para.text(), para.muted() ? MUTED : BODY);
                p.setSpacingAfter(6);
                document.add(p);
            } else if (block instanceof PlanDocument.Table table) {
                var pdfTable = new PdfPTable(table.header().size());
                pdfTable.setWidthPercentage(100);
                pdfTable.setHeaderRows(1);
                pdfTable.setSpacingBefore(4);
                pdfTable.setSpacingAfter(8);
                for (var head : table.header()) {
                    var cell = new PdfPCell(new Phrase(head, CELL_HEAD));
                    cell.setBackgroundColor(new Color(0xe7, 0xef, 0xf7));
                    pdfTable.addCell(cell);
                }
                for (var row : table.rows()) {
                    row.forEach(value -> pdfTable.addCell(new PdfPCell(new Phrase(new Chunk(value, CELL)))));
                }
                document.add(pdfTable);
            } else if (block instanceof PlanDocument.Chart chart) {
                document.add(PlanChart.image(writer, chart));
            }
        }
        document.close();
    }
}
