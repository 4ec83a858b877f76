package be.spil.inventory;

import static be.spil.inventory.AssetStatus.DISPOSED;
import static be.spil.inventory.AssetStatus.IN_REPAIR;
import static be.spil.inventory.AssetStatus.IN_STOCK;
import static be.spil.inventory.AssetStatus.IN_USE;
import static be.spil.inventory.AssetStatus.LOST;
import static be.spil.inventory.AssetStatus.ORDERED;
import static be.spil.inventory.AssetStatus.RETIRED;
import static be.spil.inventory.AssetStatus.STOLEN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed status changes: ordered → in stock → in use ↔ in repair (and back to stock); in stock, in use or in
 * repair → lost or stolen; anything not yet retired → retired → disposed. Disposed is final.
 */
final class StatusPolicy {
    private static final Map<AssetStatus, Set<AssetStatus>> NEXT = Map.of(
        ORDERED, EnumSet.of(IN_STOCK, RETIRED),
        IN_STOCK, EnumSet.of(IN_USE, LOST, STOLEN, RETIRED),
        IN_USE, EnumSet.of(IN_REPAIR, IN_STOCK, LOST, STOLEN, RETIRED),
        IN_REPAIR, EnumSet.of(IN_USE, IN_STOCK, LOST, STOLEN, RETIRED),
        LOST, EnumSet.of(RETIRED),
        STOLEN, EnumSet.of(RETIRED),
        RETIRED, EnumSet.of(DISPOSED),
        DISPOSED, EnumSet.noneOf(AssetStatus.class));

    private StatusPolicy() {}

    static boolean allowed(AssetStatus from, AssetStatus to) {
        return from != to && NEXT.get(from).contains(to);
    }

    /** The statuses an asset in {@code from} may go to, in the enum's order. */
    static Set<AssetStatus> next(AssetStatus from) {
        return EnumSet.copyOf(NEXT.get(from).isEmpty() ? EnumSet.noneOf(AssetStatus.class) : NEXT.get(from));
    }
}
