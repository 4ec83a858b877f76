package be.spil.lending;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A pool: name unique in the school, optional description and home room, who may reserve it, the most devices one
 * reservation may take (none: the whole pool), whether reservations need approval, and its devices by asset tag.
 */
public record PoolForm(
    @NotBlank @Size(max = 80) String name,
    @Size(max = 1000) String description,
    Long homeRoomId,
    ReservableBy reservableBy,
    @Min(1) @Max(1000) Integer maxPerReservation,
    Boolean needsApproval,
    @Size(max = 1000) List<@NotBlank @Size(max = 30) String> devices,
    Integer version) {

    static PoolForm empty() {
        return new PoolForm("", "", null, ReservableBy.STAFF, null, false, List.of(), null);
    }
}
