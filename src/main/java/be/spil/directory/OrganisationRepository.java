package be.spil.directory;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface OrganisationRepository extends ListCrudRepository<Organisation, Long> {
    Optional<Organisation> findByNameIgnoreCase(String name);
}
