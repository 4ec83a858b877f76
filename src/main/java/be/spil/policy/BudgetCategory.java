package be.spil.policy;

import be.spil.inventory.AssetCategory;
import java.util.Set;

/** What a budget line of the investment plan pays for. */
public enum BudgetCategory {
    DEVICES, NETWORK, SOFTWARE, TRAINING, SUPPORT;

    private static final Set<AssetCategory> NETWORK_GEAR = Set.of(AssetCategory.SWITCH, AssetCategory.ACCESS_POINT,
        AssetCategory.ROUTER, AssetCategory.SERVER, AssetCategory.NAS);

    /** The budget that pays for replacing a device of this kind: network gear from NETWORK, the rest from DEVICES. */
    static BudgetCategory of(AssetCategory category) {
        return NETWORK_GEAR.contains(category) ? NETWORK : DEVICES;
    }
}
