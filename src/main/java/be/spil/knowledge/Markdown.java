package be.spil.knowledge;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders an article body to HTML safely: Markdown with every raw HTML block and tag escaped and unsafe link targets
 * (javascript:, data:, …) removed; plain text escaped. The controller renders it; the template shows it with th:utext.
 */
@Component
public class Markdown {
    private final Parser parser = Parser.builder().build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(ArticleView article) {
        return html(article.body(), article.format());
    }

    public String html(String body, BodyFormat format) {
        if (body == null) {
            return "";
        }
        if (format == BodyFormat.TEXT) {
            return "<p>" + escape(body).replace("\n", "<br>\n") + "</p>";
        }
        return renderer.render(parser.parse(body));
    }

    /** The body as plain text (Markdown's marks left out), for a ticket reply or a summary. */
    public String plainText(String body, BodyFormat format) {
        if (body == null) {
            return "";
        }
        return format == BodyFormat.TEXT ? body : text.render(parser.parse(body));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
