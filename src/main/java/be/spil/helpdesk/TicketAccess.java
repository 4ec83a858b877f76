package be.spil.helpdesk;

import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import be.spil.shared.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may see and work which tickets of a school: the one place that knows the rule. The school's managers (central
 * admins, ICT coordinators, directors) work the whole queue. An external technician (a technician of the school who does
 * not manage it) works only the tickets assigned to them: reply, note, attach, move the status along, hand the ticket
 * back; never assigns to others, merges, approves or sees the figures. Everybody else follows the tickets they reported
 * or follow.
 */
final class TicketAccess {
    /** The statuses an external technician may move their ticket to. */
    static final Set<TicketStatus> EXTERNAL_STATUSES =
        EnumSet.of(TicketStatus.IN_PROGRESS, TicketStatus.WAITING_REPORTER, TicketStatus.WAITING_SUPPLIER, TicketStatus.RESOLVED);

    private TicketAccess() {}

    /** Works the school's whole queue. */
    static boolean queue(Caller caller, long schoolId) {
        return caller.canManage(schoolId);
    }

    /** A technician of the school who does not manage it: sees and works only the tickets assigned to them. */
    static boolean external(Caller caller, long schoolId) {
        return !caller.canManage(schoolId) && caller.has(schoolId, Role.TECHNICIAN);
    }

    /** Works tickets at all (the whole queue or their own assigned ones): the queue page's team view. */
    static boolean team(Caller caller, long schoolId) {
        return queue(caller, schoolId) || external(caller, schoolId);
    }

    /** Works this ticket: sees internal notes and files, changes it within their limits. */
    static boolean works(Caller caller, long schoolId, Long assigneeId) {
        return queue(caller, schoolId) || (external(caller, schoolId) && assigneeId != null && assigneeId == caller.personId());
    }

    /**
     * The SQL condition (over {@code t}, a ticket of the school) that limits a list to the tickets the caller may see,
     * or an empty string for the queue; it binds {@code :accessMe}.
     */
    static String where(Caller caller, long schoolId, Map<String, Object> params) {
        if (queue(caller, schoolId)) {
            return "";
        }
        params.put("accessMe", caller.personId());
        String own = "t.reporter_id = :accessMe or t.id in (select f.ticket_id from ticket_follower f where f.person_id = :accessMe)";
        return external(caller, schoolId) ? " and (t.assignee_id = :accessMe or " + own + ")" : " and (" + own + ")";
    }

    /** 404 unless the caller belongs to the school, 403 unless they work its whole queue. */
    static void requireQueue(Caller caller, long schoolId) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        if (!queue(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
    }

    /**
     * What an external technician may change on their ticket: the status along {@link #EXTERNAL_STATUSES}, and handing it
     * back (no assignee) or keeping it; not the assignee to somebody else, nor subject, category, impact or urgency. 403
     * otherwise; the queue's managers are not limited here.
     */
    static void checkChange(Caller caller, Ticket ticket, TicketChange change) {
        if (queue(caller, ticket.schoolId)) {
            return;
        }
        boolean allowed = (change.assigneeId() == null || change.assigneeId() == 0 || change.assigneeId() == caller.personId())
            && (change.status() == null || change.status() == ticket.status || EXTERNAL_STATUSES.contains(change.status()))
            && (change.subject() == null || change.subject().equals(ticket.subject))
            && (change.categoryId() == null || java.util.Objects.equals(change.categoryId() == 0 ? null : change.categoryId(), ticket.categoryId))
            && (change.impact() == null || change.impact() == ticket.impact)
            && (change.urgency() == null || change.urgency() == ticket.urgency);
        if (!allowed) {
            throw new AccessDeniedException("not allowed");
        }
    }
}
