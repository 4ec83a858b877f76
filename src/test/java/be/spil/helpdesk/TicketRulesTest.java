package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.spil.helpdesk.Priority.Level;
import be.spil.shared.FieldErrorsException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ticket's own rules: priority matrix, allowed status changes, assignment and the reporter's reopening. */
class TicketRulesTest {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static Ticket ticket() {
        return Ticket.report(1, 7, 42, "Lies Peeters", new Ticket.Report("Beamer B.12", "geen beeld", null, null, null, null, null,
            null, null), NOW, "lies");
    }

    @Test
    void priorityFollowsImpactTimesUrgency() {
        assertThat(Priority.of(Level.HIGH, Level.HIGH)).isEqualTo(Priority.CRITICAL);
        assertThat(Priority.of(Level.HIGH, Level.MEDIUM)).isEqualTo(Priority.HIGH);
        assertThat(Priority.of(Level.MEDIUM, Level.HIGH)).isEqualTo(Priority.HIGH);
        assertThat(Priority.of(Level.MEDIUM, Level.MEDIUM)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.of(Level.LOW, Level.HIGH)).isEqualTo(Priority.MEDIUM);
        assertThat(Priority.of(Level.MEDIUM, Level.LOW)).isEqualTo(Priority.LOW);
        assertThat(Priority.of(Level.LOW, Level.LOW)).isEqualTo(Priority.LOW);
        assertThat(ticket().priority).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void assigningANewTicketMakesItAssignedAndTakingItBackMakesItNew() {
        var t = ticket();
        t.assign(5L, "Jan ICT", NOW, "x");
        assertThat(t.status).isEqualTo(TicketStatus.ASSIGNED);
        t.assign(null, null, NOW, "x");
        assertThat(t.status).isEqualTo(TicketStatus.NEW);
        assertThat(t.assigneeName).isNull();
    }

    @Test
    void onlyAllowedStatusChanges() {
        var t = ticket();
        assertThatThrownBy(() -> t.moveTo(TicketStatus.ASSIGNED, NOW, "x")).isInstanceOf(FieldErrorsException.class)
            .hasMessageContaining("ticket.status.needsAssignee");
        t.moveTo(TicketStatus.IN_PROGRESS, NOW, "x");
        assertThat(t.firstResponseAt).isEqualTo(NOW);
        t.moveTo(TicketStatus.RESOLVED, NOW.plusSeconds(60), "x");
        assertThat(t.resolvedAt).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> t.moveTo(TicketStatus.NEW, NOW, "x")).isInstanceOf(FieldErrorsException.class)
            .hasMessageContaining("ticket.status.notAllowed");
        t.moveTo(TicketStatus.CLOSED, NOW.plusSeconds(120), "x");
        for (var to : TicketStatus.values()) {
            if (to != TicketStatus.CLOSED) {
                assertThatThrownBy(() -> t.moveTo(to, NOW, "x")).as("closed → %s", to).isInstanceOf(FieldErrorsException.class);
            }
        }
    }

    @Test
    void theReporterReopensWithin14DaysByReplying() {
        var t = ticket();
        t.assign(5L, "Jan ICT", NOW, "x");
        t.moveTo(TicketStatus.RESOLVED, NOW, "x");
        assertThat(t.reporterReplied(NOW.plus(Duration.ofDays(13)), "lies")).isTrue();
        assertThat(t.status).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(t.resolvedAt).isNull();

        var late = ticket();
        late.moveTo(TicketStatus.RESOLVED, NOW, "x");
        late.moveTo(TicketStatus.CLOSED, NOW, "x");
        assertThatThrownBy(() -> late.reporterReplied(NOW.plus(Duration.ofDays(15)), "lies"))
            .isInstanceOf(FieldErrorsException.class).hasMessageContaining("ticket.reopen.tooLate");
        assertThat(late.status).isEqualTo(TicketStatus.CLOSED);
        assertThat(late.reporterReplied(NOW.plus(Duration.ofDays(14)), "lies")).isTrue();
        assertThat(late.status).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void aReplyEndsWaitingForTheReporter() {
        var t = ticket();
        t.moveTo(TicketStatus.WAITING_REPORTER, NOW, "x");
        assertThat(t.reporterReplied(NOW, "lies")).isTrue();
        assertThat(t.status).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(t.reporterReplied(NOW, "lies")).isFalse();
    }

    @Test
    void overdueOnlyWhileOpen() {
        var t = ticket();
        t.setDue(NOW.plusSeconds(60), NOW.plusSeconds(3600));
        assertThat(t.overdue(NOW.plusSeconds(3601))).isTrue();
        assertThat(t.responseOverdue(NOW.plusSeconds(61))).isTrue();
        t.moveTo(TicketStatus.RESOLVED, NOW, "x");
        assertThat(t.overdue(NOW.plusSeconds(3601))).isFalse();
    }
}
