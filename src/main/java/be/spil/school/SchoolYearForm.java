package be.spil.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A school year: name "2026-2027" (two consecutive years); start and end date default to 1 September and
 * 31 August. Also the API's create and update body.
 */
public record SchoolYearForm(
    @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}", message = "{schoolYear.name.pattern}") String name,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
    Integer version) {

    static SchoolYearForm empty() {
        return new SchoolYearForm("", null, null, null);
    }

    static SchoolYearForm of(SchoolYearView y) {
        return new SchoolYearForm(y.name(), y.startDate(), y.endDate(), y.version());
    }
}
