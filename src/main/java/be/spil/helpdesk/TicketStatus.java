package be.spil.helpdesk;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a ticket and which status may follow which (the team's changes; the reporter reopens by replying). */
public enum TicketStatus {
    NEW, ASSIGNED, IN_PROGRESS, WAITING_REPORTER, WAITING_SUPPLIER, RESOLVED, CLOSED;

    /** Statuses of tickets that still need work. */
    public static final Set<TicketStatus> OPEN = EnumSet.of(NEW, ASSIGNED, IN_PROGRESS, WAITING_REPORTER, WAITING_SUPPLIER);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** The statuses the team may move a ticket to from this one. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ASSIGNED, IN_PROGRESS, WAITING_REPORTER, WAITING_SUPPLIER, RESOLVED, CLOSED);
            case ASSIGNED -> EnumSet.of(NEW, IN_PROGRESS, WAITING_REPORTER, WAITING_SUPPLIER, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(ASSIGNED, WAITING_REPORTER, WAITING_SUPPLIER, RESOLVED);
            case WAITING_REPORTER -> EnumSet.of(IN_PROGRESS, WAITING_SUPPLIER, RESOLVED);
            case WAITING_SUPPLIER -> EnumSet.of(IN_PROGRESS, WAITING_REPORTER, RESOLVED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus to) {
        return next().contains(to);
    }
}
