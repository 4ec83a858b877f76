package be.spil.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import org.springframework.format.Formatter;

/**
 * Amounts typed in forms the way people in Flanders type them: "899,99", "1.250,50", "€ 1 250", as well as "899.99".
 * With both a dot and a comma, the last one is the decimal mark. Anything else is refused as a type mismatch, which the
 * form shows next to its field.
 */
class DecimalFormatter implements Formatter<BigDecimal> {
    @Override
    public BigDecimal parse(String text, Locale locale) throws ParseException {
        String s = text.replace("€", "").replace("\u00a0", "").replace(" ", "").trim();
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new ParseException(text, 0);
        }
    }

    @Override
    public String print(BigDecimal value, Locale locale) {
        return value.toPlainString();
    }
}
