package be.spil.helpdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The new text of an e-mail reply: HTML turned into plain text (tags dropped, scripts and styles with their content,
 * entities decoded, so nothing of the markup survives), and the quoted history cut off: our own "reply above this
 * line" marker, "On … wrote:" / "Op … schreef …:" lines, Outlook's "-----Original Message-----" or "Van:/From:" header
 * block, and trailing "&gt;" quotes. The result is stored as written and shown inert like every other reply.
 */
final class ReplyText {
    /** The first line of every notification: text above it is the reply. */
    static final String MARKER = "## Antwoord boven deze lijn · Reply above this line ##";

    private static final Pattern DROP_BLOCKS = Pattern.compile(
        "(?is)<(script|style|head|title|template|noscript)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern COMMENTS = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_BREAKS = Pattern.compile(
        "(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6]|/blockquote|hr|p|div|li|tr|h[1-6]|blockquote)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]{1,6});");
    private static final Pattern QUOTE_HEADER = Pattern.compile(
        "(?i)^\\s*(on\\b.{0,200}\\bwrote:|op\\b.{0,200}\\b(schreef|heeft\\b.{0,80}\\bgeschreven)\\b.{0,80}:|le\\b.{0,200}\\ba écrit\\s*:|"
            + "am\\b.{0,200}\\bschrieb\\b.{0,80}:)\\s*$");
    private static final Pattern ORIGINAL = Pattern.compile(
        "(?i)^\\s*-{2,}\\s*(original message|oorspronkelijk bericht|origineel bericht|forwarded message|doorgestuurd bericht)\\s*-{2,}\\s*$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?i)^\\s*\\*?(from|van)\\s*:\\*?\\s+.+");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("(?i)^\\s*\\*?(sent|verzonden|date|datum|to|aan|subject|onderwerp)\\s*:.*");

    private ReplyText() {}

    /** Plain text from HTML; nothing of the markup (and no script's content) is kept. */
    static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        String s = COMMENTS.matcher(html).replaceAll("");
        s = DROP_BLOCKS.matcher(s).replaceAll("");
        // blockquotes hold the quoted history: mark their lines as quotes
        s = quoteBlockquotes(s);
        s = BLOCK_BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll("");
        s = decodeEntities(s);
        return s.replace('\u00a0', ' ').replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String quoteBlockquotes(String s) {
        int start = s.toLowerCase(Locale.ROOT).indexOf("<blockquote");
        if (start < 0) {
            return s;
        }
        // everything from the first blockquote on is history
        return s.substring(0, start) + "\n>\n";
    }

    static String decodeEntities(String s) {
        var m = NUMERIC_ENTITY.matcher(s);
        var out = new StringBuilder();
        while (m.find()) {
            int code;
            try {
                code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException e) {
                code = 0xFFFD;
            }
            String replacement = Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "\uFFFD";
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
            .replace("&#39;", "'").replace("&apos;", "'").replace("&euro;", "€").replace("&amp;", "&");
    }

    /** The reply without the history it quotes; blank when there is nothing new. */
    static String stripQuoted(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(MARKER) || QUOTE_HEADER.matcher(line).matches() || ORIGINAL.matcher(line).matches()) {
                break;
            }
            // "On Mon, 23 Nov 2026 at 10:00, Spil <…>" wrapped over two lines
            if (i + 1 < lines.length && line.trim().matches("(?i)^(on|op)\\b.*") && (line + " " + lines[i + 1]).trim().matches(
                "(?i)^(on\\b.*\\bwrote:|op\\b.*\\bschreef\\b.*:)$")) {
                break;
            }
            if (OUTLOOK_FROM.matcher(line).matches() && i + 1 < lines.length && OUTLOOK_NEXT.matcher(lines[i + 1]).matches()) {
                break;
            }
            kept.add(line);
        }
        // quotes at the end ("> …") and the signature separator go too
        int end = kept.size();
        while (end > 0 && (kept.get(end - 1).isBlank() || kept.get(end - 1).startsWith(">"))) {
            end--;
        }
        var out = new ArrayList<>(kept.subList(0, end));
        int sig = out.indexOf("-- ");
        if (sig >= 0) {
            out = new ArrayList<>(out.subList(0, sig));
        }
        return String.join("\n", out).strip();
    }
}
