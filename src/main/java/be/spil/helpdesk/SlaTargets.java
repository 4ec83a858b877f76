package be.spil.helpdesk;

import be.spil.school.SchoolCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SLA targets per priority (a school's own, else the group's) and the due times they give, in school hours. */
@Component
class SlaTargets {
    record Target(Duration response, Duration resolve) {}

    record Due(Instant response, Instant resolve) {}

    private final JdbcClient jdbc;
    private final SchoolCalendar calendar;
    private final Clock clock;

    SlaTargets(JdbcClient jdbc, SchoolCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The targets that hold for a school: its own rows override the group's. */
    Map<Priority, Target> targets(long schoolId) {
        var out = new EnumMap<Priority, Target>(Priority.class);
        jdbc.sql("select priority, response_minutes, resolve_minutes from ticket_sla where school_id is null or school_id = :s "
                + "order by case when school_id is null then 0 else 1 end")
            .param("s", schoolId)
            .query((rs, n) -> out.put(Priority.valueOf(rs.getString(1)),
                new Target(Duration.ofMinutes(rs.getInt(2)), Duration.ofMinutes(rs.getInt(3)))))
            .list();
        return out;
    }

    /** The school-hours calendar of a school from this day on ({@link SchoolHours#MAX_DAYS} days). */
    SchoolHours hours(long schoolId, LocalDate from) {
        var days = new HashSet<>(calendar.schoolDays(schoolId, from, from.plusDays(SchoolCalendar.MAX_DAYS)));
        return new SchoolHours(clock.getZone(), days::contains, calendar.lessonPeriods(schoolId).periods());
    }

    Due due(long schoolId, Priority priority, Instant from) {
        var target = targets(schoolId).get(priority);
        if (target == null) {
            return new Due(null, null);
        }
        var hours = hours(schoolId, LocalDate.ofInstant(from, clock.getZone()));
        return new Due(hours.plus(from, target.response()), hours.plus(from, target.resolve()));
    }
}
