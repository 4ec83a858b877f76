package be.spil.directory;

import be.spil.shared.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A person as seen from one school: names, email, kind, roles in this school, class, and optionally a password
 * for a local sign-in. The web form and the API's create body.
 */
public record PersonForm(
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Email @Size(max = 320) String email,
    @NotNull PersonKind kind,
    Set<Role> roles,
    @Size(max = 200) String password,
    @Size(max = 40) String group,
    Integer version) {

    public PersonForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    static PersonForm empty() {
        return new PersonForm("", "", "", PersonKind.STAFF, Set.of(), null, null, null);
    }
}
