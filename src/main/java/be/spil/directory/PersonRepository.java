package be.spil.directory;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, Long> {
    Optional<Person> findByEmail(String email);

    Optional<Person> findByExternalId(String externalId);
}
