package be.spil.inventory;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * QR labels on a common A4 label sheet: 3 columns × 8 rows of 70 × 37 mm (0.5 mm top margin, no side margins). Each label
 * has the QR code (drawn as vector rectangles straight from ZXing's BitMatrix, no images), the tag in large type, a short
 * name and the school's name. The PDF is written to the stream page by page.
 */
final class LabelSheet {
    /** One label's content; {@code url} is what the QR code holds. */
    record Label(String tag, String name, String school, String url) {}

    /** A label's place on the sheet: page from 0, column and row from 0 (top row 0). */
    record Slot(int page, int column, int row) {}

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final int PER_PAGE = COLUMNS * ROWS;

    private static final float MM = 72f / 25.4f;
    private static final float LABEL_W = 70 * MM;
    private static final float LABEL_H = 37 * MM;
    private static final float TOP = 0.5f * MM;
    private static final float LEFT = 0;
    private static final float INSET = 3 * MM;
    private static final float GAP = 2 * MM;

    private LabelSheet() {}

    /** Where the label at {@code index} (from 0) goes when the first {@code skip} positions of the first sheet are used. */
    static Slot slot(int index, int skip) {
        int position = index + skip;
        int onPage = position % PER_PAGE;
        return new Slot(position / PER_PAGE, onPage % COLUMNS, onPage / COLUMNS);
    }

    /** The QR code of {@code text} as ZXing's BitMatrix, with a one-module quiet zone (the label's border adds the rest). */
    static BitMatrix qr(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                EncodeHintType.MARGIN, 1));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
    }

    /** Writes the labels, starting at position {@code skip} (0 to 23) of the first sheet. */
    static void write(List<Label> labels, int skip, OutputStream out) throws IOException {
        var document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setFullCompression();
        document.addTitle("Spil labels");
        document.addCreator("Spil");
        document.open();
        BaseFont bold = be.spil.shared.PdfFonts.bold();
        BaseFont regular = be.spil.shared.PdfFonts.regular();
        float pageHeight = PageSize.A4.getHeight();
        int page = 0;
        for (int i = 0; i < labels.size(); i++) {
            Slot slot = slot(i, skip);
            while (slot.page() > page) {
                document.newPage();
                writer.setPageEmpty(false);
                page++;
            }
            float x = LEFT + slot.column() * LABEL_W;
            float top = pageHeight - TOP - slot.row() * LABEL_H;
            draw(writer.getDirectContent(), labels.get(i), x, top - LABEL_H, bold, regular);
        }
        if (labels.isEmpty()) {
            writer.setPageEmpty(false);
        }
        document.close();
    }

    private static void draw(PdfContentByte cb, Label label, float x, float y, BaseFont bold, BaseFont regular) {
        float qrSize = LABEL_H - 2 * INSET;
        float qrX = x + INSET;
        float qrY = y + INSET;
        BitMatrix matrix = qr(label.url());
        float module = qrSize / matrix.getWidth();
        cb.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < matrix.getHeight(); row++) {
            int col = 0;
            while (col < matrix.getWidth()) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < matrix.getWidth() && matrix.get(col, row)) {
                    col++;
                }
                // PDF y grows upwards, the matrix's rows downwards
                cb.rectangle(qrX + start * module, qrY + qrSize - (row + 1) * module, (col - start) * module, module);
            }
        }
        cb.fill();

        float textX = qrX + qrSize + GAP;
        float textW = x + LABEL_W - INSET - textX;
        float tagSize = fit(bold, label.tag(), textW, 16, 7);
        float line = y + LABEL_H - INSET - tagSize;
        text(cb, bold, tagSize, clip(bold, tagSize, label.tag(), textW), textX, line);
        line -= 4 * MM;
        for (String part : wrap(regular, 7.5f, label.name(), textW, 3)) {
            text(cb, regular, 7.5f, part, textX, line);
            line -= 3.2f * MM;
        }
        if (label.school() != null && !label.school().isBlank()) {
            text(cb, regular, 6.5f, clip(regular, 6.5f, label.school().strip(), textW), textX, y + INSET);
        }
    }

    private static void text(PdfContentByte cb, BaseFont font, float size, String text, float x, float y) {
        cb.beginText();
        cb.setFontAndSize(font, size);
        cb.setTextMatrix(x, y);
        cb.showText(text);
        cb.endText();
    }

    /** The largest size from {@code max} down to {@code min} at which the text fits the width. */
    private static float fit(BaseFont font, String text, float width, float max, float min) {
        float size = max;
        while (size > min && font.getWidthPoint(text, size) > width) {
            size -= 0.5f;
        }
        return size;
    }

    private static String clip(BaseFont font, float size, String text, float width) {
        if (font.getWidthPoint(text, size) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && font.getWidthPoint(s + "…", size) > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    /** Word-wraps into at most {@code lines} lines; the last one is clipped with an ellipsis. */
    static List<String> wrap(BaseFont font, float size, String text, float width, int lines) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        var out = new java.util.ArrayList<String>();
        var current = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int w = 0; w < words.length; w++) {
            String candidate = current.isEmpty() ? words[w] : current + " " + words[w];
            if (font.getWidthPoint(candidate, size) <= width || current.isEmpty()) {
                current.setLength(0);
                current.append(candidate);
                continue;
            }
            if (out.size() == lines - 1) {
                current.append(' ').append(String.join(" ", java.util.Arrays.copyOfRange(words, w, words.length)));
                break;
            }
            out.add(clip(font, size, current.toString(), width));
            current.setLength(0);
            current.append(words[w]);
        }
        if (!current.isEmpty()) {
            out.add(clip(font, size, current.toString(), width));
        }
        return out;
    }
}
