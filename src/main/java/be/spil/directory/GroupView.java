package be.spil.directory;

/** A class/group as the API shows it. */
public record GroupView(long id, String name, Integer grade, boolean archived, int version) {}
