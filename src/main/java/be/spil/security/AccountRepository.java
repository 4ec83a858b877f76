package be.spil.security;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {
    Optional<Account> findByPersonId(Long personId);
}
