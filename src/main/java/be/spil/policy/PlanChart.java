package be.spil.policy;

import be.spil.shared.ChartScale;
import be.spil.shared.PdfFonts;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link PlanDocument.Chart} as vector graphics for the PDF: bars per label (stacked or side by side), a value
 * axis with round steps, and a legend. Colours from the Okabe–Ito palette, which colour-blind readers can tell apart.
 */
final class PlanChart {
    static final float WIDTH = 495;
    static final float HEIGHT = 210;
    private static final Color[] COLOURS = {new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x99, 0x99, 0x99), new Color(0xD5, 0x5E, 0x00), new Color(0x56, 0xB4, 0xE9)};
    private static final float LEFT = 48;
    private static final float BOTTOM = 48;
    private static final float TOP = 22;

    private PlanChart() {}

    static Image image(PdfWriter writer, PlanDocument.Chart chart) {
        var font = PdfFonts.regular();
        PdfTemplate t = writer.getDirectContent().createTemplate(WIDTH, HEIGHT);
        text(t, font, 9, chart.title(), 0, HEIGHT - 11);
        double max = 0;
        for (var row : chart.values()) {
            double sum = 0;
            for (double v : row) {
                sum = chart.stacked() ? sum + Math.max(0, v) : Math.max(sum, v);
            }
            max = Math.max(max, sum);
        }
        double step = step(max);
        double top = Math.max(step, Math.ceil(max / step) * step);
        float plotHeight = HEIGHT - BOTTOM - TOP;
        float plotWidth = WIDTH - LEFT - 4;
        t.setLineWidth(0.3f);
        t.setColorStroke(Color.LIGHT_GRAY);
        for (double y = 0; y <= top + step / 2; y += step) {
            float py = BOTTOM + (float) (y / top * plotHeight);
            t.moveTo(LEFT, py);
            t.lineTo(LEFT + plotWidth, py);
            t.stroke();
            textRight(t, font, 7, label(y), LEFT - 4, py - 2.5f);
        }
        int groups = chart.labels().size();
        int series = chart.series().size();
        float groupWidth = plotWidth / Math.max(1, groups);
        float barWidth = chart.stacked() ? groupWidth * 0.6f : groupWidth * 0.8f / Math.max(1, series);
        for (int g = 0; g < groups; g++) {
            float x = LEFT + g * groupWidth + (chart.stacked() ? groupWidth * 0.2f : groupWidth * 0.1f);
            float base = BOTTOM;
            List<Double> row = chart.values().get(g);
            for (int s = 0; s < series; s++) {
                float h = (float) (Math.max(0, row.get(s)) / top * plotHeight);
                t.setColorFill(COLOURS[s % COLOURS.length]);
                float bx = chart.stacked() ? x : x + s * barWidth;
                t.rectangle(bx, chart.stacked() ? base : BOTTOM, barWidth, h);
                t.fill();
                if (chart.stacked()) {
                    base += h;
                }
            }
            textCentred(t, font, 7, shorten(chart.labels().get(g), groupWidth), LEFT + g * groupWidth + groupWidth / 2, BOTTOM - 10);
        }
        float lx = LEFT;
        for (int s = 0; s < series; s++) {
            t.setColorFill(COLOURS[s % COLOURS.length]);
            t.rectangle(lx, 6, 8, 8);
            t.fill();
            String name = chart.series().get(s);
            text(t, font, 7, name, lx + 11, 7.5f);
            lx += 11 + font.getWidthPoint(name, 7) + 12;
        }
        try {
            var image = Image.getInstance(t);
            image.setAlignment(Image.MIDDLE);
            image.setSpacingBefore(4);
            image.setSpacingAfter(8);
            return image;
        } catch (com.lowagie.text.BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    static double step(double max) {
        return ChartScale.step(max);
    }

    private static String label(double value) {
        return value >= 1_000_000 ? String.format(Locale.ROOT, "%.1fM", value / 1_000_000)
            : value >= 10_000 ? String.format(Locale.ROOT, "%.0fk", value / 1000) : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String shorten(String text, float width) {
        int max = Math.max(3, (int) (width / 3.6f));
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void text(PdfContentByte c, BaseFont font, float size, String text, float x, float y) {
        c.beginText();
        c.setColorFill(Color.DARK_GRAY);
        c.setFontAndSize(font, size);
        c.setTextMatrix(x, y);
        c.showText(text);
        c.endText();
    }

    private static void textRight(PdfContentByte c, BaseFont font, float size, String text, float x, float y) {
        text(c, font, size, text, x - font.getWidthPoint(text, size), y);
    }

    private static void textCentred(PdfContentByte c, BaseFont font, float size, String text, float x, float y) {
        text(c, font, size, text, x - font.getWidthPoint(text, size) / 2, y);
    }
}
