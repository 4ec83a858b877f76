package be.spil.school;

/** A building as other modules and the API see it. */
public record BuildingView(long id, String name, String address, boolean archived, int version) {}
