package be.spil.learning;

import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.shared.FieldErrorsException;
import be.spil.support.Fixtures;

/** School years are shared by the group: the learning tests take the first free one from 2040 on, so none collides. */
final class LearningFixtures {
    private LearningFixtures() {}

    static synchronized SchoolYearView freshYear(SchoolCalendar calendar) {
        var taken = calendar.schoolYears().stream().map(SchoolYearView::name).toList();
        for (int first = 2040; first < 2100; first++) {
            String name = first + "-" + (first + 1);
            if (taken.contains(name)) {
                continue;
            }
            try {
                return calendar.createSchoolYear(new SchoolYearForm(name, null, null, null), Fixtures.ADMIN);
            } catch (FieldErrorsException e) {
                // taken meanwhile by another test: try the next
            }
        }
        throw new IllegalStateException("no free school year between 2040 and 2100");
    }
}
