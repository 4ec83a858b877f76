package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.DevicePools;
import be.spil.shared.FieldErrorsException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk action "assign to pool" of the asset list: the selection by tag, put in a device pool of the module that keeps
 * pools ({@link DevicePools}, lending), which the inventory does not know. Without such a module there are no pools.
 */
@Service
class AssetPools {
    private final Assets assets;
    private final ObjectProvider<DevicePools> pools;

    AssetPools(Assets assets, ObjectProvider<DevicePools> pools) {
        this.assets = assets;
        this.pools = pools;
    }

    /** The school's pools the caller may put assets in; empty without a pools module, pools or the right. */
    List<DevicePools.Choice> choices(long schoolId, Caller caller) {
        var p = pools.getIfAvailable();
        return p == null || !Assets.canManage(caller, schoolId) ? List.of() : p.choices(schoolId, caller);
    }

    /** Puts the selected assets (by tag) in the pool, all or nothing. */
    @Transactional
    Assets.BulkResult assign(long schoolId, List<String> tags, Long poolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new be.spil.shared.NotFoundException("school", schoolId);
        }
        if (!Assets.canManage(caller, schoolId)) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
        var p = pools.getIfAvailable();
        if (p == null) {
            throw FieldErrorsException.of("poolId", "asset.bulk.noPools");
        }
        var ids = assets.selectionIds(schoolId, tags);
        if (poolId == null) {
            throw FieldErrorsException.of("poolId", "asset.bulk.poolRequired");
        }
        var result = p.assign(schoolId, caller, ids, poolId);
        return new Assets.BulkResult(result.added(), result.unchanged());
    }
}
