package be.spil.school;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A holiday or other day(s) without lessons, for one school or (school id null) for every school. */
@Table("holiday")
class Holiday {
    @Id Long id;
    Long schoolId;
    Long schoolYearId;
    String name;
    LocalDate firstDay;
    LocalDate lastDay;
    boolean archived;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static Holiday create(Long schoolId, long schoolYearId, HolidayForm form, Instant now, String actor) {
        var h = new Holiday();
        h.schoolId = schoolId;
        h.createdAt = now;
        h.change(schoolYearId, form, now, actor);
        return h;
    }

    void change(long schoolYearId, HolidayForm form, Instant now, String actor) {
        this.schoolYearId = schoolYearId;
        name = form.name().trim();
        firstDay = form.firstDay();
        lastDay = form.lastDay();
        touch(now, actor);
    }

    void setArchived(boolean archived, Instant now, String actor) {
        this.archived = archived;
        touch(now, actor);
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
    }

    DateRange days() {
        return new DateRange(firstDay, lastDay);
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("name", name);
        m.put("firstDay", String.valueOf(firstDay));
        m.put("lastDay", String.valueOf(lastDay));
        m.put("archived", String.valueOf(archived));
        return m;
    }
}
