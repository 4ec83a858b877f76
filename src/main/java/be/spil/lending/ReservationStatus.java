package be.spil.lending;

/** Where a reservation is: awaiting approval, confirmed, devices handed out, all returned, or cancelled. */
public enum ReservationStatus {
    REQUESTED, CONFIRMED, HANDED_OUT, RETURNED, CANCELLED;

    /** A live reservation holds its devices. */
    boolean holds() {
        return this == REQUESTED || this == CONFIRMED || this == HANDED_OUT;
    }
}
