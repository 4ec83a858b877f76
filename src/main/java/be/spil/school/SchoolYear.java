package be.spil.school;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A school year of the whole school group, e.g. "2026-2027" from 1 September 2026 to 31 August 2027. */
@Table("school_year")
class SchoolYear {
    @Id Long id;
    String name;
    LocalDate startDate;
    LocalDate endDate;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    static SchoolYear create(String name, DateRange days, Instant now, String actor) {
        var y = new SchoolYear();
        y.name = name;
        y.createdAt = now;
        y.change(days, now, actor);
        return y;
    }

    void change(DateRange days, Instant now, String actor) {
        startDate = days.first();
        endDate = days.last();
        updatedAt = now;
        updatedBy = actor;
    }

    /** 1 September of the first year to 31 August of the second: the days of "2026-2027" when none are given. */
    static DateRange defaultDays(String name) {
        int first = Integer.parseInt(name.substring(0, 4));
        return new DateRange(LocalDate.of(first, Month.SEPTEMBER, 1), LocalDate.of(first + 1, Month.AUGUST, 31));
    }

    DateRange days() {
        return new DateRange(startDate, endDate);
    }

    Map<String, String> auditView() {
        var m = new LinkedHashMap<String, String>();
        m.put("name", name);
        m.put("startDate", String.valueOf(startDate));
        m.put("endDate", String.valueOf(endDate));
        return m;
    }

    SchoolYearView view(LocalDate today) {
        return new SchoolYearView(id, name, startDate, endDate, days().contains(today), version);
    }
}
