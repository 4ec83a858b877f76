package be.spil.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The script payloads every text from users is tried with (tags, event handlers, URLs, broken markup, attribute
 * breakouts, template expressions), and the checks that they arrive inert: in HTML as escaped text and never as a
 * live tag or attribute; in e-mail as plain text with no HTML part that could carry them.
 */
public final class XssPayloads {
    public static final List<String> PAYLOADS = List.of(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "\"><script>alert(document.cookie)</script>",
        "'><body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "{{7*7}} [[${7*7}]] __${7*7}__::.x",
        "<div style=\"background:url(javascript:alert(1))\">x</div>");

    private XssPayloads() {}

    /** The page holds none of the payload's markup: no tag it carries survives unescaped (its text may, escaped). */
    public static void assertInert(String html, String payload) {
        assertThat(html).as(payload).doesNotContain(payload.contains("<") ? payload : "\u0000");
        for (String dangerous : List.of("<script>alert", "<img src=x", "<iframe", "<svg/onload", "<mglyph", "<math>",
                "<body onload", "<a href=\"javascript:", "<div style=", "href=\"javascript:", "src=\"javascript:")) {
            assertThat(html).as(payload).doesNotContain(dangerous);
        }
        assertThat(html).as(payload).doesNotContain(">49<").doesNotContain("__49__");
    }

    /** Inert, and present as escaped text: the user sees what they typed, the browser runs nothing of it. */
    public static void assertEscaped(String html, String text, String payload) {
        assertInert(html, payload);
        assertThat(html).as(payload).contains(HtmlUtils.htmlEscape(text));
    }

    /** A mail is plain text only (no HTML part anywhere, so no markup can run), and its text holds {@code text} as written. */
    public static void assertPlainMail(Part mail, String text) throws Exception {
        assertNoHtml(mail);
        assertThat(mail.isMimeType("text/plain")).as("plain text mail: " + mail.getContentType()).isTrue();
        assertThat((String) mail.getContent()).contains(text);
    }

    private static void assertNoHtml(Part part) throws Exception {
        assertThat(part.isMimeType("text/html")).as("an HTML part").isFalse();
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                assertNoHtml(child);
            }
        }
    }
}
