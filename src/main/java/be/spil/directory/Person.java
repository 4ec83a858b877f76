package be.spil.directory;

import be.spil.shared.Role;
import be.spil.shared.Text;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("person")
class Person {
    @Id Long id;
    String firstName;
    String lastName;
    String email;
    PersonKind kind;
    String externalId;
    Long organisationId;
    String searchText;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;
    @MappedCollection(idColumn = "person_id") Set<Membership> memberships = new HashSet<>();
    @MappedCollection(idColumn = "person_id") Set<RoleGrant> roles = new HashSet<>();

    static Person create(String firstName, String lastName, String email, PersonKind kind, Instant now, String actor) {
        var p = new Person();
        p.createdAt = now;
        p.rename(firstName, lastName, email, kind, now, actor);
        return p;
    }

    void rename(String firstName, String lastName, String email, PersonKind kind, Instant now, String actor) {
        this.firstName = firstName.trim();
        this.lastName = lastName.trim();
        this.email = normaliseEmail(email);
        this.kind = kind;
        this.searchText = Text.searchKey(this.firstName + " " + this.lastName + " " + (this.email == null ? "" : this.email));
        touch(now, actor);
    }

    static String normaliseEmail(String email) {
        String e = Text.blankToNull(email);
        return e == null ? null : e.toLowerCase(java.util.Locale.ROOT);
    }

    Optional<Membership> membership(long schoolId) {
        return memberships.stream().filter(m -> m.schoolId() == schoolId).findFirst();
    }

    /** Joins a school (or comes back to it), in a class or none. */
    void joinSchool(long schoolId, Long groupId, Instant now, String actor) {
        memberships.removeIf(m -> m.schoolId() == schoolId);
        memberships.add(new Membership(schoolId, groupId, false));
        touch(now, actor);
    }

    void setArchivedIn(long schoolId, boolean archived, Instant now, String actor) {
        var m = membership(schoolId).orElseThrow();
        memberships.remove(m);
        memberships.add(new Membership(schoolId, m.groupId(), archived));
        touch(now, actor);
    }

    boolean activeAnywhere() {
        return memberships.stream().anyMatch(m -> !m.archived()) || isCentralAdmin();
    }

    boolean isCentralAdmin() {
        return roles.stream().anyMatch(r -> r.role() == Role.CENTRAL_ADMIN);
    }

    Set<Role> rolesIn(long schoolId) {
        return roles.stream().filter(r -> r.schoolId() != null && r.schoolId() == schoolId)
            .map(RoleGrant::role).collect(Collectors.toCollection(() -> new TreeSet<>()));
    }

    /** Replaces the roles in one school; CENTRAL_ADMIN is kept or set separately. */
    void setRolesIn(long schoolId, Set<Role> newRoles, Instant now, String actor) {
        roles.removeIf(r -> r.schoolId() != null && r.schoolId() == schoolId);
        newRoles.stream().filter(Role::perSchool).forEach(r -> roles.add(new RoleGrant(schoolId, r)));
        touch(now, actor);
    }

    void setCentralAdmin(boolean on, Instant now, String actor) {
        roles.removeIf(r -> r.role() == Role.CENTRAL_ADMIN);
        if (on) {
            roles.add(new RoleGrant(null, Role.CENTRAL_ADMIN));
        }
        touch(now, actor);
    }

    /** Works for this organisation of the group (a firm's technician), or for none. */
    void worksFor(Long organisationId, Instant now, String actor) {
        if (!java.util.Objects.equals(this.organisationId, organisationId)) {
            this.organisationId = organisationId;
            touch(now, actor);
        }
    }

    void linkExternalId(String externalId, Instant now, String actor) {
        this.externalId = externalId;
        touch(now, actor);
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    String name() {
        return firstName + " " + lastName;
    }

    /** The fields shown in the history, as seen from one school. */
    Map<String, String> auditView(long schoolId, String groupName) {
        var m = new LinkedHashMap<String, String>();
        m.put("firstName", firstName);
        m.put("lastName", lastName);
        m.put("email", email);
        m.put("kind", kind.name());
        m.put("group", groupName);
        m.put("organisation", organisationId == null ? null : "#" + organisationId);
        m.put("roles", rolesIn(schoolId).stream().map(Enum::name).collect(Collectors.joining(", ")));
        m.put("centralAdmin", isCentralAdmin() ? "true" : null);
        m.put("archived", String.valueOf(membership(schoolId).map(Membership::archived).orElse(false)));
        return m;
    }
}
