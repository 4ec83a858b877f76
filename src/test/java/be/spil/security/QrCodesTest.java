package be.spil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    /** Reads the SVG back into modules (without the quiet zone) and decodes them with ZXing's decoder. */
    private static String decode(String svg) throws Exception {
        int size = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) .*", "$1")) - 8;
        var matrix = new BitMatrix(size);
        var m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (m.find()) {
            matrix.set(Integer.parseInt(m.group(1)) - 4, Integer.parseInt(m.group(2)) - 4);
        }
        return new Decoder().decode(matrix).getText();
    }

    @Test
    void theSvgHoldsTheOtpauthUriAndAnEscapedAccessibleName() throws Exception {
        String uri = Totp.uri("Spil", "jan.peeters@school.be", Totp.newSecret());
        String svg = QrCodes.svg(uri, "QR <code> & co");
        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "<title id=\"qrTitle\">QR &lt;code&gt; &amp; co</title>");
        assertThat(decode(svg)).isEqualTo(uri);
    }
}
