package be.spil.lending;

/** Who may reserve a pool: every member of the school, or only the ICT team (coordinators, directors, technicians). */
public enum ReservableBy {
    STAFF, MANAGERS
}
