package be.spil.directory;

import org.springframework.data.relational.core.mapping.Table;

/** A person's belonging to a school, with their class (for pupils); archived when they leave that school. */
@Table("membership")
record Membership(Long schoolId, Long groupId, boolean archived) {}
