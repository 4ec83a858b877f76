package be.spil.inventory;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface SoftwareTitleRepository extends CrudRepository<SoftwareTitle, Long> {
    Optional<SoftwareTitle> findBySchoolIdAndNameKey(Long schoolId, String nameKey);
}
