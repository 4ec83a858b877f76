package be.spil.school;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.relational.core.mapping.Table;

/** One lesson period (lesuur) of a school's schedule; weekdays as a bit set (1 = Monday ... 64 = Sunday). */
@Table("lesson_period")
class LessonPeriod {
    static final Set<DayOfWeek> SCHOOL_WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    Long schoolId;
    int number;
    String label;
    LocalTime startTime;
    LocalTime endTime;
    int weekdays;

    static LessonPeriod of(long schoolId, LessonPeriodForm form) {
        var p = new LessonPeriod();
        p.schoolId = schoolId;
        p.number = form.number();
        p.label = be.spil.shared.Text.blankToNull(form.label());
        p.startTime = form.start();
        p.endTime = form.end();
        p.weekdays = mask(form.weekdaysOrDefault());
        return p;
    }

    static int mask(Set<DayOfWeek> days) {
        int m = 0;
        for (DayOfWeek d : days) {
            m |= 1 << (d.getValue() - 1);
        }
        return m;
    }

    static Set<DayOfWeek> days(int mask) {
        var set = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((mask & (1 << (d.getValue() - 1))) != 0) {
                set.add(d);
            }
        }
        return set;
    }

    LessonPeriodView view() {
        return new LessonPeriodView(number, label, startTime, endTime, days(weekdays));
    }

    /** "3 Lesuur 3 08:25–09:15 MON,TUE,THU,FRI" for the history. */
    String describe() {
        var days = days(weekdays).stream().map(d -> d.name().substring(0, 3)).toList();
        return (label == null ? "" : label + " ") + startTime + "–" + endTime + " " + String.join(",", days);
    }
}
