package be.spil.directory;

import be.spil.shared.Role;
import java.util.Set;

/** A row of the people list. */
public record PersonSummary(long id, String firstName, String lastName, String email, PersonKind kind, String group,
                            Set<Role> roles, boolean archived) {
    public String name() {
        return firstName + " " + lastName;
    }
}
