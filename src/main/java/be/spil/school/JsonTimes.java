package be.spil.school;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * ISO dates and times in JSON bodies whose errors name the field: a value that is not a date fails as a Jackson
 * format error of that field ("firstDay: '2026-13-01' is not a valid LocalDate"), not as a bare parse error.
 */
final class JsonTimes {
    private JsonTimes() {}

    /** yyyy-mm-dd. */
    static final class Date extends StdScalarDeserializer<LocalDate> {
        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().trim();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalDate.class, "expected a date as yyyy-mm-dd");
            }
        }
    }

    /** hh:mm or hh:mm:ss. */
    static final class Time extends StdScalarDeserializer<LocalTime> {
        Time() {
            super(LocalTime.class);
        }

        @Override
        public LocalTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalTime) ctxt.handleUnexpectedToken(LocalTime.class, p);
            }
            String text = p.getString().trim();
            try {
                return LocalTime.parse(text);
            } catch (DateTimeParseException e) {
                throw ctxt.weirdStringException(text, LocalTime.class, "expected a time as hh:mm");
            }
        }
    }
}
