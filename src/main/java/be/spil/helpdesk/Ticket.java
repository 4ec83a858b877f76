package be.spil.helpdesk;

import be.spil.helpdesk.Priority.Level;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A ticket of a school: what a person reported and where the team stands with it. Nothing is deleted. */
@Table("ticket")
class Ticket {
    /** A reporter may reopen a resolved ticket by replying within this many days. */
    static final Duration REOPEN_WINDOW = Duration.ofDays(14);

    @Id Long id;
    Long schoolId;
    Long number;
    String subject;
    String description;
    TicketStatus status;
    Long categoryId;
    Level impact;
    Level urgency;
    Priority priority;
    Long reporterId;
    String reporterName;
    Long assigneeId;
    String assigneeName;
    Long assetId;
    String assetTag;
    Long roomId;
    String roomName;
    Instant responseDueAt;
    Instant resolveDueAt;
    Instant firstResponseAt;
    Instant resolvedAt;
    Instant closedAt;
    String searchText;
    @Version Integer version;
    Instant createdAt;
    Instant updatedAt;
    String updatedBy;

    record Report(String subject, String description, Long categoryId, Level impact, Level urgency, Long assetId,
                  String assetTag, Long roomId, String roomName) {}

    static Ticket report(long schoolId, long number, long reporterId, String reporterName, Report r, Instant now, String actor) {
        var t = new Ticket();
        t.schoolId = schoolId;
        t.number = number;
        t.reporterId = reporterId;
        t.reporterName = reporterName;
        t.status = TicketStatus.NEW;
        t.subject = r.subject().trim();
        t.description = r.description() == null ? "" : r.description().strip();
        t.categoryId = r.categoryId();
        t.impact = r.impact() == null ? Level.MEDIUM : r.impact();
        t.urgency = r.urgency() == null ? Level.MEDIUM : r.urgency();
        t.priority = Priority.of(t.impact, t.urgency);
        t.assetId = r.assetId();
        t.assetTag = r.assetTag();
        t.roomId = r.roomId();
        t.roomName = r.roomName();
        t.createdAt = now;
        t.touch(now, actor);
        return t;
    }

    void setDue(Instant responseDue, Instant resolveDue) {
        responseDueAt = responseDue;
        resolveDueAt = resolveDue;
    }

    /** Classification by the team; the priority follows impact and urgency. */
    void classify(String subject, Long categoryId, Level impact, Level urgency, Instant now, String actor) {
        this.subject = subject.trim();
        this.categoryId = categoryId;
        this.impact = impact;
        this.urgency = urgency;
        this.priority = Priority.of(impact, urgency);
        touch(now, actor);
    }

    /** The team corrects the device and the room the ticket is about (either may be none). */
    void locate(Long assetId, String assetTag, Long roomId, String roomName, Instant now, String actor) {
        this.assetId = assetId;
        this.assetTag = assetTag;
        this.roomId = roomId;
        this.roomName = roomName;
        touch(now, actor);
    }

    /** Gives the ticket to a team member (or nobody); a new ticket becomes assigned, an assigned one new again. */
    void assign(Long personId, String name, Instant now, String actor) {
        assigneeId = personId;
        assigneeName = personId == null ? null : name;
        if (personId != null && status == TicketStatus.NEW) {
            status = TicketStatus.ASSIGNED;
        } else if (personId == null && status == TicketStatus.ASSIGNED) {
            status = TicketStatus.NEW;
        }
        touch(now, actor);
    }

    /** A status change by the team, allowed only along {@link TicketStatus#next()}. */
    void moveTo(TicketStatus to, Instant now, String actor) {
        if (to == status) {
            return;
        }
        if (!status.canMoveTo(to)) {
            throw FieldErrorsException.of("status", "ticket.status.notAllowed", status.name(), to.name());
        }
        if (to == TicketStatus.ASSIGNED && assigneeId == null) {
            throw FieldErrorsException.of("status", "ticket.status.needsAssignee");
        }
        status = to;
        if (to == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (to == TicketStatus.CLOSED) {
            closedAt = now;
            if (resolvedAt == null) {
                resolvedAt = now;
            }
        } else {
            resolvedAt = null;
            closedAt = null;
        }
        responded(now);
        touch(now, actor);
    }

    /** The team answered: the first response counts for the SLA. */
    void responded(Instant now) {
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
    }

    /**
     * The reporter replied: waiting for them ends, and a resolved or closed ticket opens again within
     * {@link #REOPEN_WINDOW} of its resolution; later they are asked to report a new problem.
     */
    boolean reporterReplied(Instant now, String actor) {
        if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
            if (resolvedAt == null || resolvedAt.plus(REOPEN_WINDOW).isBefore(now)) {
                throw FieldErrorsException.of("body", "ticket.reopen.tooLate", REOPEN_WINDOW.toDays());
            }
            status = assigneeId == null ? TicketStatus.NEW : TicketStatus.IN_PROGRESS;
            resolvedAt = null;
            closedAt = null;
            touch(now, actor);
            return true;
        }
        if (status == TicketStatus.WAITING_REPORTER) {
            status = TicketStatus.IN_PROGRESS;
            touch(now, actor);
            return true;
        }
        return false;
    }

    boolean overdue(Instant now) {
        return status.open() && resolveDueAt != null && resolveDueAt.isBefore(now);
    }

    boolean responseOverdue(Instant now) {
        return status.open() && firstResponseAt == null && responseDueAt != null && responseDueAt.isBefore(now);
    }

    private void touch(Instant now, String actor) {
        updatedAt = now;
        updatedBy = actor;
        searchText = Text.searchKey(String.join(" ", "#" + number, subject, reporterName, assigneeName == null ? "" : assigneeName,
            assetTag == null ? "" : assetTag));
    }

    Map<String, String> auditView(String categoryName) {
        var m = new LinkedHashMap<String, String>();
        m.put("subject", subject);
        m.put("ticketStatus", status.name());
        m.put("ticketCategory", categoryName);
        m.put("impact", impact.name());
        m.put("urgency", urgency.name());
        m.put("priority", priority.name());
        m.put("assignee", assigneeName);
        m.put("tag", assetTag);
        m.put("room", roomName);
        return m;
    }

    /** Closed as a duplicate of another ticket it was merged into, from any open or resolved status. */
    void closeAsDuplicate(Instant now, String actor) {
        status = TicketStatus.CLOSED;
        closedAt = now;
        if (resolvedAt == null) {
            resolvedAt = now;
        }
        touch(now, actor);
    }
}
