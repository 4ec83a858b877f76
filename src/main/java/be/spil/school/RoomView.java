package be.spil.school;

import java.time.Instant;

/** A room as other modules and the API see it, with the name of its building. */
public record RoomView(long id, long buildingId, String building, String name, RoomType type, Integer floor, Integer capacity,
                       boolean archived, int version, Instant updatedAt, String updatedBy) {}
