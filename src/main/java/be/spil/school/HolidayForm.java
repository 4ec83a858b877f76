package be.spil.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A holiday: name, first and last day (both included) inside one school year. Also the API's body. */
public record HolidayForm(
    @NotBlank @Size(max = 100) String name,
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @JsonDeserialize(using = JsonTimes.Date.class) LocalDate firstDay,
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @JsonDeserialize(using = JsonTimes.Date.class) LocalDate lastDay,
    Integer version) {

    static HolidayForm empty() {
        return new HolidayForm("", null, null, null);
    }
}
