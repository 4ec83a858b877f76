package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes resolved tickets nobody reacted to: resolved more than {@code spil.helpdesk.auto-close.days} days ago
 * (default 14, the same window in which the reporter may reopen by replying; 0 switches it off). Runs daily, in
 * batches of one transaction each, and every closure is in the ticket's history as done by "system".
 */
@Component
class AutoClose {
    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);
    static final String ACTOR = "system";

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int days;
    private final int batchSize;

    AutoClose(JdbcClient jdbc, TicketRepository tickets, AuditTrail audit, ApplicationEventPublisher events,
              PlatformTransactionManager transactions, Clock clock, @Value("${spil.helpdesk.auto-close.days:14}") int days,
              @Value("${spil.helpdesk.auto-close.batch-size:200}") int batchSize) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.days = days;
        this.batchSize = Math.max(1, batchSize);
    }

    @Scheduled(cron = "${spil.helpdesk.auto-close.cron:0 30 2 * * *}", zone = "${spil.helpdesk.zone:Europe/Brussels}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Auto-close of resolved tickets stopped: {}", e.toString());
        }
    }

    /** Closes every resolved ticket past the window, batch by batch; answers how many. */
    int run() {
        if (days <= 0) {
            return 0;
        }
        int total = 0;
        long after = 0;
        while (true) {
            Instant now = clock.instant();
            Instant cutoff = now.minus(Duration.ofDays(days));
            List<Long> ids = jdbc.sql("""
                    select id from ticket where status = 'RESOLVED' and resolved_at < :cutoff and id > :after
                    order by id limit :n""")
                .param("cutoff", Timestamp.from(cutoff)).param("after", after).param("n", batchSize).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            Integer closed;
            try {
                closed = tx.execute(s -> {
                    int n = 0;
                    for (long id : ids) {
                        n += close(id, cutoff, now) ? 1 : 0;
                    }
                    return n;
                });
            } catch (RuntimeException e) {
                // somebody changed a ticket of this batch meanwhile: close the batch one by one
                closed = 0;
                for (long id : ids) {
                    try {
                        closed += Boolean.TRUE.equals(tx.execute(s -> close(id, cutoff, now))) ? 1 : 0;
                    } catch (RuntimeException again) {
                        log.warn("Auto-close of ticket {} skipped: {}", id, again.toString());
                    }
                }
            }
            total += closed == null ? 0 : closed;
        }
        if (total > 0) {
            log.info("Auto-close: {} resolved tickets without reaction for {} days closed", total, days);
        }
        return total;
    }

    private boolean close(long id, Instant cutoff, Instant now) {
        var t = tickets.findById(id).orElse(null);
        // someone may have reopened it since the batch was read
        if (t == null || t.status != TicketStatus.RESOLVED || t.resolvedAt == null || !t.resolvedAt.isBefore(cutoff)) {
            return false;
        }
        String category = t.categoryId == null ? null
            : jdbc.sql("select name from ticket_category where id = :id").param("id", t.categoryId).query(String.class).optional().orElse(null);
        var before = t.auditView(category);
        t.moveTo(TicketStatus.CLOSED, now, ACTOR);
        tickets.save(t);
        audit.record(Tickets.AUDIT_TYPE, t.id, t.schoolId, Action.UPDATED, "#" + t.number + " " + t.subject + " (auto-close)", before,
            t.auditView(category));
        events.publishEvent(new TicketEvent(t.id, TicketEvent.Kind.STATUS_CHANGED, null, 0L));
        return true;
    }
}
