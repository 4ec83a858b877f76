package be.spil.inventory;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface AssetModelRepository extends CrudRepository<AssetModel, Long> {
    Optional<AssetModel> findByManufacturerKeyAndNameKey(String manufacturerKey, String nameKey);
}
