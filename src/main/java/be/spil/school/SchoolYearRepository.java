package be.spil.school;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface SchoolYearRepository extends ListCrudRepository<SchoolYear, Long> {
    Optional<SchoolYear> findByName(String name);

    List<SchoolYear> findAllByOrderByStartDateDesc();
}
