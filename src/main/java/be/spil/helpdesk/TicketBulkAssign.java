package be.spil.helpdesk;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The team gives several tickets of the queue to one member (or to nobody) at once: all or nothing. */
@Service
public class TicketBulkAssign {
    static final int MAX = 200;

    private final Tickets tickets;

    TicketBulkAssign(Tickets tickets) {
        this.tickets = tickets;
    }

    /** Assigns the tickets (by number) to the person ({@code 0} or null: unassigns); one bad ticket changes none. */
    @Transactional
    public int assign(long schoolId, List<Long> numbers, Long assigneeId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        if (!Tickets.worksQueue(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
        var distinct = new LinkedHashSet<Long>(numbers == null ? List.of() : numbers);
        distinct.remove(null);
        if (distinct.isEmpty()) {
            throw FieldErrorsException.of("numbers", "ticket.bulk.none");
        }
        if (distinct.size() > MAX) {
            throw FieldErrorsException.of("numbers", "ticket.bulk.tooMany", MAX);
        }
        long to = assigneeId == null ? 0 : assigneeId;
        for (long number : distinct) {
            TicketView ticket;
            try {
                ticket = tickets.get(schoolId, number, caller);
            } catch (NotFoundException e) {
                throw FieldErrorsException.of("numbers", "ticket.bulk.unknown", number);
            }
            if (ticket.status() == TicketStatus.CLOSED) {
                throw FieldErrorsException.of("numbers", "ticket.bulk.closed", number);
            }
            tickets.change(schoolId, number, new TicketChange(ticket.version(), null, to, null, null, null, null), caller);
        }
        return distinct.size();
    }
}
