package be.spil.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import static be.spil.support.XssPayloads.PAYLOADS;
import static be.spil.support.XssPayloads.assertInert;
import org.junit.jupiter.api.Test;

/** Article bodies never carry markup that runs: raw HTML is shown as text and unsafe link targets are dropped. */
class MarkdownTest {
    final Markdown markdown = new Markdown();

    @Test
    void rendersMarkdown() {
        String html = markdown.html("# Beamer\n\nDruk op **Source** en kies *HDMI 1*.\n\n- kabel\n- stroom\n\n[handleiding](https://example.be/h.pdf)",
            BodyFormat.MARKDOWN);
        assertThat(html).contains("<h1>Beamer</h1>", "<strong>Source</strong>", "<em>HDMI 1</em>", "<li>kabel</li>",
            "href=\"https://example.be/h.pdf\">handleiding</a>");
    }

    @Test
    void rawHtmlInMarkdownIsShownAsText() {
        for (String payload : PAYLOADS) {
            String html = markdown.html("Tekst\n\n" + payload + "\n\nen inline " + payload, BodyFormat.MARKDOWN);
            assertThat(html).as(payload).doesNotContain("<script", "<img", "<svg", "<iframe", "<div", "<a href=\"javascript");
            assertInert(html, payload);
            if (payload.startsWith("<")) {
                assertThat(html).as("shown as text: " + payload).contains("&lt;" + payload.substring(1, 4));
            }
        }
    }

    @Test
    void unsafeLinkTargetsAreDropped() {
        assertThat(markdown.html("[klik](javascript:alert(1)) ![x](javascript:alert(2))", BodyFormat.MARKDOWN))
            .doesNotContain("javascript:");
        assertThat(markdown.html("[klik](vbscript:msgbox(1))", BodyFormat.MARKDOWN)).doesNotContain("vbscript:");
    }

    @Test
    void plainTextIsEscapedWithItsLineBreaks() {
        for (String payload : PAYLOADS) {
            String html = markdown.html("regel 1\n" + payload, BodyFormat.TEXT);
            assertThat(html).as(payload).startsWith("<p>regel 1<br>").doesNotContain("<script", "<img", "<svg", "<iframe", "<div", "<a ")
                .contains(org.springframework.web.util.HtmlUtils.htmlEscape(payload));
        }
    }
}
