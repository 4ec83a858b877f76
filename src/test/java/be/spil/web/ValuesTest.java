package be.spil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

class ValuesTest {
    private final StaticMessageSource messages = new StaticMessageSource();
    private final Values values = new Values(messages);

    @BeforeEach
    void dutch() {
        Locale nl = Locale.forLanguageTag("nl");
        LocaleContextHolder.setLocale(nl);
        messages.addMessage("value.true", nl, "Ja");
        messages.addMessage("value.false", nl, "Nee");
        messages.addMessage("person.kind.PUPIL", nl, "Leerling");
        messages.addMessage("role.STAFF", nl, "Personeel");
        messages.addMessage("role.DIRECTOR", nl, "Directie");
        messages.addMessage("value.centralAdmin.true", nl, "Centrale beheerder");
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void namesStoredCodesInTheReadersLanguage() {
        assertThat(values.show("kind", "PUPIL")).isEqualTo("Leerling");
        assertThat(values.show("roles", "DIRECTOR, STAFF")).isEqualTo("Directie, Personeel");
        assertThat(values.show("archived", "false")).isEqualTo("Nee");
        assertThat(values.show("centralAdmin", "true")).as("a field may name its own values").isEqualTo("Centrale beheerder");
    }

    @Test
    void showsNothingAsADashAndFreeTextAsItIs() {
        assertThat(values.show("group", null)).isEqualTo("—");
        assertThat(values.show("roles", "")).isEqualTo("—");
        assertThat(values.show("street", "Kerkstraat 1,bus 2")).isEqualTo("Kerkstraat 1,bus 2");
        assertThat(values.show("kind", "UNKNOWN")).isEqualTo("UNKNOWN");
        assertThat(values.show("lastName", "<script>x</script>")).as("escaped by the template, not here").isEqualTo("<script>x</script>");
    }
}
