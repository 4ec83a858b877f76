package be.spil.school;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The lesson periods of one school, ordered by number; changed only as a whole, with one version. */
@Table("lesson_schedule")
class LessonSchedule {
    @Id Long id;
    Long schoolId;
    @MappedCollection(idColumn = "schedule_id", keyColumn = "position")
    List<LessonPeriod> periods = new ArrayList<>();
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static LessonSchedule create(long schoolId, Instant now, String actor) {
        var s = new LessonSchedule();
        s.schoolId = schoolId;
        s.createdAt = now;
        s.updatedAt = now;
        s.updatedBy = actor;
        return s;
    }

    /** Replaces the whole list; the forms have been checked by {@link LessonPeriodRules}. */
    void replace(List<LessonPeriodForm> forms, Instant now, String actor) {
        periods = new ArrayList<>(forms.stream().map(f -> LessonPeriod.of(schoolId, f))
            .sorted(Comparator.comparingInt(p -> p.number)).toList());
        updatedAt = now;
        updatedBy = actor;
    }

    /** One entry per period number, e.g. "period 3" → "08:25–09:15 MON,TUE,WED,THU,FRI". */
    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        periods.forEach(p -> m.put("period." + p.number, p.describe()));
        return m;
    }

    LessonScheduleView view() {
        return new LessonScheduleView(periods.stream().map(LessonPeriod::view).toList(), version == null ? 0 : version,
            updatedAt, updatedBy);
    }
}
