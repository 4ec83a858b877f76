package be.spil.inventory;

import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import be.spil.shared.Paging;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The inventory on the home page: assets per status and how many lose their warranty in the next 90 days. */
@Component
class InventoryHomeCard implements HomeCard {
    private final Assets assets;

    InventoryHomeCard(Assets assets) {
        this.assets = assets;
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
        return Map.of("byStatus", assets.countByStatus(schoolId, caller), "warrantyEnding", warrantyEnding);
    }
}
