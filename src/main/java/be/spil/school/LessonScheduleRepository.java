package be.spil.school;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface LessonScheduleRepository extends ListCrudRepository<LessonSchedule, Long> {
    Optional<LessonSchedule> findBySchoolId(Long schoolId);
}
