package be.spil.school;

import be.spil.support.Fixtures;
import java.util.concurrent.atomic.AtomicInteger;

/** School years are shared by the whole group: each test takes its own, far in the future, so tests never collide. */
final class TestYears {
    private static final AtomicInteger NEXT = new AtomicInteger(2100);

    private TestYears() {}

    /** A name like "2107-2108" that no other test uses. */
    static String fresh() {
        int first = NEXT.getAndIncrement();
        return first + "-" + (first + 1);
    }

    /** A new school year from 1 September to 31 August, made by a central admin. */
    static SchoolYearView create(SchoolCalendar calendar) {
        return calendar.createSchoolYear(new SchoolYearForm(fresh(), null, null, null), Fixtures.ADMIN);
    }
}
