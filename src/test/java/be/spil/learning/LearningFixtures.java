package be.spil.learning;

import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.support.Fixtures;
import java.util.concurrent.atomic.AtomicInteger;

/** School years are shared by the group: the learning tests take their own, from 1991 on, so no other test collides. */
final class LearningFixtures {
    private static final AtomicInteger YEARS = new AtomicInteger(1991);

    private LearningFixtures() {}

    static SchoolYearView freshYear(SchoolCalendar calendar) {
        int first = YEARS.getAndIncrement();
        return calendar.createSchoolYear(new SchoolYearForm(first + "-" + (first + 1), null, null, null), Fixtures.ADMIN);
    }
}
