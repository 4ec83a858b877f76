package be.spil.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ClassGroupRepository extends ListCrudRepository<ClassGroup, Long> {
    List<ClassGroup> findBySchoolIdOrderByGradeAscNameAsc(Long schoolId);

    Optional<ClassGroup> findBySchoolIdAndName(Long schoolId, String name);
}
