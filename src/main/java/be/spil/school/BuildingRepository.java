package be.spil.school;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface BuildingRepository extends ListCrudRepository<Building, Long> {
    List<Building> findBySchoolIdOrderByNameAsc(Long schoolId);

    Optional<Building> findBySchoolIdAndName(Long schoolId, String name);
}
