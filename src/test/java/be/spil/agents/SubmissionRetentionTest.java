package be.spil.agents;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.school.SchoolView;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Submissions older than the retention are removed in batches; younger ones and the agents' device rows stay. */
@SpilIntegrationTest
class SubmissionRetentionTest {
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired SubmissionRetention configured;

    private void submission(SchoolView school, String device, Instant at) {
        jdbc.sql("""
                insert into agent_submission (school_id, device_id, at, protocol, action, outcome, bytes)
                values (:s, :d, :at, 'OCS', 'INVENTORY', 'OK', 100)""")
            .param("s", school.id()).param("d", device).param("at", Timestamp.from(at)).update();
    }

    private long count(SchoolView school) {
        return jdbc.sql("select count(*) from agent_submission where school_id = :s").param("s", school.id()).query(Long.class).single();
    }

    @Test
    void submissionsOlderThanTheRetentionAreRemovedInBatches() {
        var school = fixtures.school();
        Instant now = clock.instant();
        for (int i = 0; i < 7; i++) {
            submission(school, "old-" + i, now.minus(Duration.ofDays(91 + i)));
        }
        submission(school, "young", now.minus(Duration.ofDays(89)));
        submission(school, "today", now);
        assertThat(count(school)).isEqualTo(9);

        var retention = new SubmissionRetention(jdbc, clock, 90, 3);
        assertThat(retention.removeOld()).isGreaterThanOrEqualTo(7);
        assertThat(count(school)).isEqualTo(2);
        assertThat(jdbc.sql("select device_id from agent_submission where school_id = :s order by at").param("s", school.id())
            .query(String.class).list()).containsExactly("young", "today");
        assertThat(retention.removeOld()).isZero();
    }

    @Test
    void aRetentionOfZeroKeepsEverythingAndTheDefaultIsNinetyDays() {
        var school = fixtures.school();
        submission(school, "ancient", clock.instant().minus(Duration.ofDays(3650)));
        assertThat(new SubmissionRetention(jdbc, clock, 0, 10).removeOld()).isZero();
        assertThat(count(school)).isEqualTo(1);
        assertThat(configured.days()).isEqualTo(90);
        configured.nightly();
        assertThat(count(school)).isZero();
    }
}
