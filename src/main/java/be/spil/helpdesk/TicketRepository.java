package be.spil.helpdesk;

import java.util.Optional;
import org.springframework.data.repository.CrudRepository;

interface TicketRepository extends CrudRepository<Ticket, Long> {
    Optional<Ticket> findBySchoolIdAndNumber(long schoolId, long number);
}
