package be.spil.helpdesk;

/** A request waits for approval, or was approved or refused: the approvers or the requester hear about it by mail. */
record RequestEvent(long ticketId, Kind kind, long actorId) {
    enum Kind { AWAITING_APPROVAL, APPROVED, REFUSED }
}
