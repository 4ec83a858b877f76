package be.spil.shared;

import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: the signed-in person with their roles per school (school id → roles). Every module uses it
 * to decide what a request may see and do; it is built by the security module at sign-in.
 */
public record Caller(long personId, String email, String name, boolean centralAdmin, Map<Long, Set<Role>> rolesBySchool) {

    /** Implemented by the security module's principal. */
    public interface Source {
        Caller caller();
    }

    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Source source) {
            return source.caller();
        }
        throw new org.springframework.security.access.AccessDeniedException("not signed in");
    }

    /** A short text naming the current actor for audit trails: "Name <email>", or "system". */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Source source) {
            Caller c = source.caller();
            return c.name() + " <" + c.email() + ">";
        }
        return "system";
    }

    public boolean canSee(long schoolId) {
        return centralAdmin || rolesBySchool.containsKey(schoolId);
    }

    public boolean has(long schoolId, Role role) {
        return rolesBySchool.getOrDefault(schoolId, Set.of()).contains(role);
    }

    /** Central admins, ICT coordinators and directors manage a school's people, groups and rooms. */
    public boolean canManage(long schoolId) {
        return centralAdmin || has(schoolId, Role.ICT_COORDINATOR) || has(schoolId, Role.DIRECTOR);
    }

    /** Only central admins and ICT coordinators may give people a password (a local sign-in). */
    public boolean canSetPasswords(long schoolId) {
        return centralAdmin || has(schoolId, Role.ICT_COORDINATOR);
    }

    public Set<Long> schoolIds() {
        return rolesBySchool.keySet();
    }

    /** 403 unless the caller manages this school. */
    public void requireManage(long schoolId) {
        if (!canManage(schoolId)) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
    }

    public void requireCentralAdmin() {
        if (!centralAdmin) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
    }
}
