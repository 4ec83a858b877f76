package be.spil.school;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A room: building of the same school, name unique in the building, type, optional floor and capacity. */
public record RoomForm(
    @NotNull Long buildingId,
    @NotBlank @Size(max = 100) String name,
    @NotNull RoomType type,
    @Min(-5) @Max(50) Integer floor,
    @Min(1) @Max(2000) Integer capacity,
    Integer version) {

    static RoomForm empty() {
        return new RoomForm(null, "", RoomType.CLASSROOM, null, null, null);
    }

    static RoomForm of(RoomView r) {
        return new RoomForm(r.buildingId(), r.name(), r.type(), r.floor(), r.capacity(), r.version());
    }
}
