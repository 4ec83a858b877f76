package be.spil.agents;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the traceability rows of agents' submissions older than the retention ({@code spil.agents.submission-retention-days},
 * 90 by default; 0 keeps them forever), every night, in batches of {@code spil.agents.retention-batch} rows, each its own
 * short transaction, so a busy table is never locked for long. What an agent last reported stays on its device row.
 */
@Component
class SubmissionRetention {
    private static final Logger log = LoggerFactory.getLogger(SubmissionRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int days;
    private final int batch;

    SubmissionRetention(JdbcClient jdbc, Clock clock, @Value("${spil.agents.submission-retention-days:90}") int days,
                        @Value("${spil.agents.retention-batch:5000}") int batch) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.days = days;
        this.batch = Math.max(1, batch);
    }

    @Scheduled(cron = "${spil.agents.retention-cron:0 17 3 * * *}")
    void nightly() {
        try {
            int removed = removeOld();
            if (removed > 0) {
                log.info("removed {} agent submissions older than {} days", removed, days);
            }
        } catch (RuntimeException e) {
            log.warn("removing old agent submissions failed; the next run tries again", e);
        }
    }

    /** Removes the submissions older than the retention, batch by batch; answers how many. */
    int removeOld() {
        if (days <= 0) {
            return 0;
        }
        var before = Timestamp.from(clock.instant().minus(Duration.ofDays(days)));
        int total = 0;
        while (true) {
            int n = jdbc.sql("""
                    delete from agent_submission where id in (
                      select id from agent_submission where at < :before order by at limit :batch)""")
                .param("before", before).param("batch", batch).update();
            total += n;
            if (n < batch) {
                return total;
            }
        }
    }

    int days() {
        return days;
    }
}
