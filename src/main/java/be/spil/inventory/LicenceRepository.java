package be.spil.inventory;

import org.springframework.data.repository.CrudRepository;

interface LicenceRepository extends CrudRepository<Licence, Long> {
}
