package be.spil.directory;

import be.spil.shared.Role;
import java.time.Instant;
import java.util.Set;

/** A person as one school sees them. */
public record PersonView(long id, String firstName, String lastName, String email, PersonKind kind, Set<Role> roles,
                         boolean centralAdmin, String group, boolean archived, boolean signIn, int version,
                         Instant updatedAt, String updatedBy, Long organisationId, String organisationName) {
    public String name() {
        return firstName + " " + lastName;
    }
}
