package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of an e-mail reply lands on the ticket: the new text only, and nothing of HTML's markup. */
class ReplyTextTest {
    @Test
    void cutsTheQuotedHistoryOfCommonMailPrograms() {
        assertThat(ReplyText.stripQuoted("Werkt weer!\n\nOp ma 23 nov. 2026 om 10:12 schreef Spil <spil@school.be>:\n> Uw melding")).isEqualTo("Werkt weer!");
        assertThat(ReplyText.stripQuoted("Fixed.\n\nOn Mon, Nov 23, 2026 at 10:12 AM Spil <spil@school.be> wrote:\n> Your ticket")).isEqualTo("Fixed.");
        assertThat(ReplyText.stripQuoted("Dank je\r\n\r\n-----Oorspronkelijk bericht-----\r\nVan: Spil\r\nOnderwerp: x")).isEqualTo("Dank je");
        assertThat(ReplyText.stripQuoted("Oké\n\nVan: Spil <spil@school.be>\nVerzonden: maandag 23 november 2026 10:12\nAan: Jan")).isEqualTo("Oké");
        assertThat(ReplyText.stripQuoted("Boven\n" + ReplyText.MARKER + "\nonder")).isEqualTo("Boven");
        assertThat(ReplyText.stripQuoted("Groet,\nJan\n-- \nJan Peeters\nLeerkracht")).isEqualTo("Groet,\nJan");
        assertThat(ReplyText.stripQuoted("On Mon, 23 Nov 2026, Spil\n<spil@school.be> wrote:\n> x")).isEmpty();
    }

    @Test
    void keepsQuotesTheWriterAnswersInBetween() {
        assertThat(ReplyText.stripQuoted("> Werkt de printer?\nNee, nog steeds niet.\n> Welk lokaal?\nB.12"))
            .isEqualTo("> Werkt de printer?\nNee, nog steeds niet.\n> Welk lokaal?\nB.12");
        assertThat(ReplyText.stripQuoted("> alleen een citaat\n> meer niet\n")).isEmpty();
    }

    @Test
    void htmlBecomesPlainTextWithoutScriptsOrMarkup() {
        String text = ReplyText.fromHtml("<html><head><title>t</title><style>p{}</style></head><body><p>Eerste &amp; <b>vet</b></p>"
            + "<div>Tweede<br>regel &lt;script&gt; &#233;&#x20AC;</div><script>alert(1)</script><!-- verborgen -->"
            + "<img src=x onerror=alert(2)><blockquote>geciteerd</blockquote></body></html>");
        assertThat(text).startsWith("Eerste & vet\n").contains("Tweede\nregel <script> é€").doesNotContain("alert", "verborgen",
            "geciteerd", "<b>", "<img", "p{}");
        assertThat(ReplyText.stripQuoted(text)).doesNotContain("geciteerd").endsWith("é€");
        assertThat(ReplyText.fromHtml(null)).isEmpty();
        assertThat(ReplyText.fromHtml("&#0;&#xFFFFFF;")).isEqualTo("\uFFFD\uFFFD");
    }
}
