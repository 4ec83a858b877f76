package be.spil.school;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface RoomRepository extends ListCrudRepository<Room, Long> {
    Optional<Room> findByBuildingIdAndName(Long buildingId, String name);
}
