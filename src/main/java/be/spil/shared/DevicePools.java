package be.spil.shared;

import java.util.List;

/**
 * Device pools (laptop carts, tablet cases) for modules that put devices in them (the inventory's bulk action "assign to
 * pool") without depending on the module that keeps them (lending). Absent when no module provides them.
 */
public interface DevicePools {
    /** A pool to choose: its id and name. */
    record Choice(long id, String name) {}

    /** What an assignment did: devices added to the pool, and those that were in it already. */
    record Result(int added, int unchanged) {}

    /** The school's pools (not archived, by name) the caller may put devices in; empty when none or not allowed. */
    List<Choice> choices(long schoolId, Caller caller);

    /**
     * Puts the school's assets (by id) in the school's pool {@code poolId}, all or nothing. Refused with a
     * {@link FieldErrorsException} on field {@code poolId} (unknown, archived or another school's pool) or {@code tags}
     * (an asset that is retired, in another pool, or not the school's), naming the asset.
     */
    Result assign(long schoolId, Caller caller, List<Long> assetIds, long poolId);
}
