package be.spil.lending;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface ReservationRepository extends ListCrudRepository<Reservation, Long> {
    List<Reservation> findBySeriesIdOrderByDay(Long seriesId);
}
