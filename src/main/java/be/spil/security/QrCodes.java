package be.spil.security;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** QR codes (made with ZXing) as inline SVG: one square per dark module, a quiet zone of four around. */
final class QrCodes {
    private static final int QUIET = 4;

    private QrCodes() {}

    /** The QR code of {@code text}; {@code label} is its accessible name. */
    static String svg(String text, String label) {
        try {
            var matrix = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()))
                .getMatrix();
            int size = matrix.getWidth() + 2 * QUIET;
            var path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y) == 1) {
                        path.append('M').append(x + QUIET).append(' ').append(y + QUIET).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"" + size * 5
                + "\" height=\"" + size * 5 + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-labelledby=\"qrTitle\">"
                + "<title id=\"qrTitle\">" + org.springframework.web.util.HtmlUtils.htmlEscape(label) + "</title>"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
    }
}
