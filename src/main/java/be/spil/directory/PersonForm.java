package be.spil.directory;

import be.spil.shared.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A person as seen from one school: names, email, kind, roles in this school, class, optionally a password
 * for a local sign-in, and the organisation of the group they work for (an external technician's firm), if any. The web form and the API's create body.
 */
public record PersonForm(
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Email @Size(max = 320) String email,
    @NotNull PersonKind kind,
    Set<Role> roles,
    @Size(max = 200) String password,
    @Size(max = 40) String group,
    Integer version,
    @io.swagger.v3.oas.annotations.media.Schema(description = "The organisation of the group the person works for (an external "
        + "technician's firm); must be an active organisation") Long organisationId) {

    public PersonForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A person who works for no organisation. */
    public PersonForm(String firstName, String lastName, String email, PersonKind kind, Set<Role> roles, String password,
                      String group, Integer version) {
        this(firstName, lastName, email, kind, roles, password, group, version, null);
    }

    static PersonForm empty() {
        return new PersonForm("", "", "", PersonKind.STAFF, Set.of(), null, null, null, null);
    }
}
