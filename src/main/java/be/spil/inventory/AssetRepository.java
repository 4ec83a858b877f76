package be.spil.inventory;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface AssetRepository extends CrudRepository<Asset, Long> {
    Optional<Asset> findBySchoolIdAndTag(long schoolId, String tag);

    Optional<Asset> findBySchoolIdAndSerial(long schoolId, String serial);
}
