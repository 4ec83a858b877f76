package be.spil.lending;

import java.time.Instant;
import java.util.List;

/**
 * A pool as the API shows it: {@code size} devices, of which {@code capacity} can be lent now (not in repair,
 * lost or retired).
 */
public record PoolView(long id, String name, String description, Long homeRoomId, String homeRoom, ReservableBy reservableBy,
                       Integer maxPerReservation, boolean needsApproval, boolean archived, int size, int capacity,
                       List<Device> devices, int version, Instant updatedAt, String updatedBy) {

    /** A device of the pool with its inventory status. */
    public record Device(long assetId, String tag, String model, String status, boolean available) {}
}
