package be.spil.directory;

import be.spil.shared.Role;
import org.springframework.data.relational.core.mapping.Table;

/** A role in one school, or in the whole school group when {@code schoolId} is null. */
@Table("role_grant")
record RoleGrant(Long schoolId, Role role) {}
