package be.spil.helpdesk;

/**
 * Something happened to a ticket that people should hear about: published inside the change's transaction, e-mailed
 * after it commits. {@code commentId} is set for a public reply.
 */
public record TicketEvent(long ticketId, Kind kind, Long commentId, long actorId) {
    public enum Kind { REPORTED, STATUS_CHANGED, ASSIGNED, PUBLIC_REPLY }
}
