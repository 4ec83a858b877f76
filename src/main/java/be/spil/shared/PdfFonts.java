package be.spil.shared;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of every PDF Spil prints: DejaVu Sans, shipped with Spil (fonts/, Bitstream Vera licence) and embedded as
 * a subset, so names such as Łukasz, Şükrü or Nguyễn print as written — the PDF standard fonts know only Windows-1252.
 */
public final class PdfFonts {
    private static final BaseFont REGULAR = load("DejaVuSans.ttf");
    private static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");
    private static final BaseFont ITALIC = load("DejaVuSans-Oblique.ttf");

    private PdfFonts() {}

    public static BaseFont regular() {
        return REGULAR;
    }

    public static BaseFont bold() {
        return BOLD;
    }

    /** A font of {@code size} points; {@code style} is {@link Font#NORMAL}, {@link Font#BOLD} or {@link Font#ITALIC}. */
    public static Font font(float size, int style, Color color) {
        var base = (style & Font.BOLD) != 0 ? BOLD : (style & Font.ITALIC) != 0 ? ITALIC : REGULAR;
        return new Font(base, size, Font.NORMAL, color == null ? Color.BLACK : color);
    }

    public static Font font(float size, int style) {
        return font(size, style, null);
    }

    private static BaseFont load(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the application");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
