package be.spil.directory;

import be.spil.shared.Caller;
import be.spil.shared.Role;
import java.util.Map;
import java.util.Set;

/** Who a person is for sign-in: their roles per school (active memberships only) and whether they may sign in at all. */
public record Identity(long personId, String email, String name, boolean centralAdmin, Map<Long, Set<Role>> rolesBySchool,
                       boolean active) {
    public Caller caller() {
        return new Caller(personId, email, name, centralAdmin, rolesBySchool);
    }
}
