package be.spil.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a central admin fills in for a school; also the API's create and update body. */
public record SchoolForm(
    @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{school.code.pattern}") String code,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String street,
    @Size(max = 10) String postalCode,
    @Size(max = 100) String city,
    @Size(max = 20) @Pattern(regexp = "[0-9]*", message = "{school.institutionNumber.pattern}") String institutionNumber,
    @NotNull SchoolLevel level,
    Integer version) {

    static SchoolForm empty() {
        return new SchoolForm("", "", "", "", "", "", SchoolLevel.BASIS, null);
    }

    static SchoolForm of(SchoolView s) {
        return new SchoolForm(s.code(), s.name(), s.street(), s.postalCode(), s.city(), s.institutionNumber(), s.level(), s.version());
    }
}
