package be.spil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DecimalFormatterTest {
    private final DecimalFormatter formatter = new DecimalFormatter();

    @Test
    void amountsAreReadTheWayTheyAreTypedInFlandersAndElsewhere() throws ParseException {
        var nl = Locale.forLanguageTag("nl-BE");
        assertThat(formatter.parse("899,99", nl)).isEqualByComparingTo("899.99");
        assertThat(formatter.parse("899.99", nl)).isEqualByComparingTo("899.99");
        assertThat(formatter.parse("1.250,50", nl)).isEqualByComparingTo("1250.50");
        assertThat(formatter.parse("1,250.50", Locale.ENGLISH)).isEqualByComparingTo("1250.50");
        assertThat(formatter.parse("€ 1 250", nl)).isEqualByComparingTo("1250");
        assertThat(formatter.parse(" 12\u00a0500,1 ", nl)).isEqualByComparingTo("12500.1");
        assertThat(formatter.print(new java.math.BigDecimal("12.50"), nl)).isEqualTo("12.50");
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"abc", "12,5,0x", "1e", "--1", "12€50€x"}) {
            assertThatThrownBy(() -> formatter.parse(bad, Locale.ENGLISH)).as(bad).isInstanceOf(ParseException.class);
        }
    }
}
