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

    /** The targets of a school by priority, each marked as the school's own or the group's. */
    java.util.List<SlaTarget> list(long schoolId) {
        var out = new EnumMap<Priority, SlaTarget>(Priority.class);
        jdbc.sql("select priority, response_minutes, resolve_minutes, school_id from ticket_sla where school_id is null or school_id = :s "
                + "order by case when school_id is null then 0 else 1 end")
            .param("s", schoolId)
            .query((rs, n) -> {
                rs.getLong(4);
                boolean own = !rs.wasNull();
                return out.put(Priority.valueOf(rs.getString(1)), new SlaTarget(Priority.valueOf(rs.getString(1)), rs.getInt(2),
                    rs.getInt(3), own));
            })
            .list();
        return java.util.List.copyOf(out.values());
    }

    /** Replaces a school's own targets (none: the group's defaults hold again). */
    void replace(long schoolId, java.util.List<SlaTarget> targets) {
        jdbc.sql("delete from ticket_sla where school_id = :s").param("s", schoolId).update();
        for (var t : targets) {
            jdbc.sql("insert into ticket_sla (school_id, priority, response_minutes, resolve_minutes) values (:s, :p, :r, :x)")
                .param("s", schoolId).param("p", t.priority().name()).param("r", t.responseMinutes()).param("x", t.resolveMinutes())
                .update();
        }
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
