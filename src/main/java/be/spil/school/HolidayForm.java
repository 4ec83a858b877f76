package be.spil.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A holiday: name, first and last day (both included) inside one school year. Also the API's body. */
public record HolidayForm(
    @NotBlank @Size(max = 100) String name,
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDay,
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
    Integer version) {

    static HolidayForm empty() {
        return new HolidayForm("", null, null, null);
    }
}
