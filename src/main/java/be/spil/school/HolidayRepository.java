package be.spil.school;

import org.springframework.data.repository.ListCrudRepository;

interface HolidayRepository extends ListCrudRepository<Holiday, Long> {}
