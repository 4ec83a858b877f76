package be.spil.lending;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface PoolRepository extends ListCrudRepository<Pool, Long> {
    Optional<Pool> findBySchoolIdAndName(Long schoolId, String name);
}
