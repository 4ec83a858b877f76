package be.spil.knowledge;

import be.spil.inventory.Assets;
import be.spil.shared.AssetSection;
import be.spil.shared.Caller;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The manuals of an asset's model on the asset's page: the articles linked to that model which the caller may read. */
@Component
class KnowledgeAssetSection implements AssetSection {
    private final Assets assets;
    private final Articles articles;

    KnowledgeAssetSection(Assets assets, Articles articles) {
        this.assets = assets;
        this.articles = articles;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String template() {
        return "knowledge/asset-section";
    }

    @Override
    public Map<String, Object> values(long schoolId, long assetId, Caller caller) {
        var asset = assets.get(schoolId, assetId, caller);
        if (asset.modelId() == null) {
            return Map.of();
        }
        var manuals = articles.forModel(schoolId, asset.modelId(), caller);
        return manuals.isEmpty() ? Map.of() : Map.of("manuals", manuals);
    }
}
