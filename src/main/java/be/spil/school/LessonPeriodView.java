package be.spil.school;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** A lesson period (lesuur) as other modules and the API see it. */
public record LessonPeriodView(int number, String label, @JsonFormat(pattern = "HH:mm") LocalTime start,
                               @JsonFormat(pattern = "HH:mm") LocalTime end, Set<DayOfWeek> weekdays) {
    public boolean on(DayOfWeek day) {
        return weekdays.contains(day);
    }
}
