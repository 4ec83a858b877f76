package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import be.spil.shared.Paging;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The inventory on the home page: assets per status, how many lose their warranty in the next 90 days, how many were not
 * seen for {@value #NOT_SEEN_DAYS} days (or never), and licences that end in the next 90 days.
 */
@Component
class InventoryHomeCard implements HomeCard {
    static final int NOT_SEEN_DAYS = 30;

    private final Assets assets;
    private final Software software;

    InventoryHomeCard(Assets assets, Software software) {
        this.assets = assets;
        this.software = software;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "inventory/home-card";
    }

    @Override
    public Map<String, Object> values(long schoolId, Caller caller) {
        long warrantyEnding = assets.search(schoolId, new AssetFilter(null, null, null, null, null, null, 90, null),
            new Paging(0, 1), caller).total();
        long notSeen = assets.search(schoolId, new AssetFilter(null, null, null, null, null, null, null, NOT_SEEN_DAYS, null),
            new Paging(0, 1), caller).total();
        return Map.of("byStatus", assets.countByStatus(schoolId, caller), "warrantyEnding", warrantyEnding, "notSeen", notSeen,
            "notSeenDays", NOT_SEEN_DAYS, "licencesExpiring", software.countExpiring(schoolId, caller));
    }
}
