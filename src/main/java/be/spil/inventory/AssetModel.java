package be.spil.inventory;

import be.spil.shared.Text;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A model of the school group's catalog: manufacturer and name, unique ignoring case and accents. */
@Table("asset_model")
class AssetModel {
    @Id Long id;
    String manufacturer;
    String name;
    AssetCategory category;
    String manufacturerKey;
    String nameKey;
    Instant createdAt;

    static AssetModel create(String manufacturer, String name, AssetCategory category, Instant now) {
        var m = new AssetModel();
        m.manufacturer = manufacturer.strip();
        m.name = name.strip();
        m.category = category;
        m.manufacturerKey = Text.searchKey(manufacturer);
        m.nameKey = Text.searchKey(name);
        m.createdAt = now;
        return m;
    }
}
