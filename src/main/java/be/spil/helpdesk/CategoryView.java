package be.spil.helpdesk;

/** A ticket category of the group; {@code code} names a seeded one whose name comes from the message bundles. */
public record CategoryView(long id, Long parentId, String code, String name, int position, boolean archived, int version) {}
