package be.spil.helpdesk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SLA clock stops while a ticket waits for its reporter or a supplier: going waiting opens a pause, going on
 * closes it and moves the resolution due time on by the school time the pause lasted (lesson periods on school days,
 * as the targets count). A due time computed again (the priority changed) keeps every earlier pause.
 */
@Component
class SlaPause {
    static final Set<TicketStatus> WAITING = EnumSet.of(TicketStatus.WAITING_REPORTER, TicketStatus.WAITING_SUPPLIER);

    private final JdbcClient jdbc;
    private final SlaTargets sla;
    private final Clock clock;

    SlaPause(JdbcClient jdbc, SlaTargets sla, Clock clock) {
        this.jdbc = jdbc;
        this.sla = sla;
        this.clock = clock;
    }

    /** The due time moved on by the school time between pause and resume (null stays null: no due time). */
    static Instant resumedDue(SchoolHours hours, Instant due, Instant pausedAt, Instant resumedAt) {
        if (due == null) {
            return null;
        }
        return hours.plus(due, hours.between(pausedAt, resumedAt));
    }

    /**
     * Call after a ticket's status (and maybe priority) changed, before it is saved: opens or closes the pause and sets
     * the resolution due time. {@code dueRecomputed}: the due time was just computed again from the report time.
     */
    void statusChanged(Ticket t, TicketStatus from, boolean dueRecomputed, Instant now) {
        if (dueRecomputed && t.resolveDueAt != null) {
            long earlier = jdbc.sql("select coalesce(sum(paused_seconds), 0) from ticket_sla_pause where ticket_id = :t and resumed_at is not null")
                .param("t", t.id).query(Long.class).single();
            if (earlier > 0) {
                var hours = sla.hours(t.schoolId, LocalDate.ofInstant(t.resolveDueAt, clock.getZone()));
                t.resolveDueAt = hours.plus(t.resolveDueAt, Duration.ofSeconds(earlier));
            }
        }
        if (from == t.status) {
            return;
        }
        if (WAITING.contains(from)) {
            resume(t, now);
        }
        if (WAITING.contains(t.status)) {
            jdbc.sql("insert into ticket_sla_pause (ticket_id, status, paused_at) values (:t, :s, :at)")
                .param("t", t.id).param("s", t.status.name()).param("at", Timestamp.from(now)).update();
        }
    }

    private void resume(Ticket t, Instant now) {
        var open = jdbc.sql("select id, paused_at from ticket_sla_pause where ticket_id = :t and resumed_at is null order by id")
            .param("t", t.id).query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()}).list();
        for (var p : open) {
            Instant pausedAt = (Instant) p[1];
            LocalDate start = LocalDate.ofInstant(pausedAt, clock.getZone());
            if (t.resolveDueAt != null && t.resolveDueAt.isBefore(pausedAt)) {
                start = LocalDate.ofInstant(t.resolveDueAt, clock.getZone());
            }
            var hours = sla.hours(t.schoolId, start);
            Duration paused = hours.between(pausedAt, now);
            jdbc.sql("update ticket_sla_pause set resumed_at = :at, paused_seconds = :sec where id = :id")
                .param("at", Timestamp.from(now)).param("sec", paused.toSeconds()).param("id", p[0]).update();
            if (t.resolveDueAt != null) {
                t.resolveDueAt = hours.plus(t.resolveDueAt, paused);
            }
        }
    }
}
