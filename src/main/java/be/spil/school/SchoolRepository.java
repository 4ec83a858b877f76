package be.spil.school;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface SchoolRepository extends ListCrudRepository<School, Long> {
    Optional<School> findByCode(String code);
}
