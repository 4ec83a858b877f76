package be.spil.school;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** One lesson period: number 0–20, optional label, start and end time, weekdays (Monday to Friday when left out). */
public record LessonPeriodForm(
    @NotNull @Min(0) @Max(20) Integer number,
    @Size(max = 40) String label,
    @NotNull @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime start,
    @NotNull @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime end,
    Set<DayOfWeek> weekdays) {

    static LessonPeriodForm empty() {
        return new LessonPeriodForm(null, "", null, null, LessonPeriod.SCHOOL_WEEK);
    }

    static LessonPeriodForm of(LessonPeriodView p) {
        return new LessonPeriodForm(p.number(), p.label(), p.start(), p.end(), p.weekdays());
    }

    Set<DayOfWeek> weekdaysOrDefault() {
        return weekdays == null ? LessonPeriod.SCHOOL_WEEK : weekdays;
    }
}
