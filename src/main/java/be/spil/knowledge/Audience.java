package be.spil.knowledge;

/**
 * Who reads an article, from the widest to the narrowest: PUBLIC (also without sign-in, on the school's public page),
 * EVERYONE (every signed-in user of the school), STAFF (the school's staff and team), ICT_TEAM (the ICT team only).
 * TEACHERS is the earlier name of STAFF, still accepted on input and stored as STAFF.
 */
public enum Audience {
    PUBLIC, EVERYONE, STAFF, ICT_TEAM,
    /** The earlier name of {@link #STAFF}; accepted on input and stored as STAFF. */
    TEACHERS;

    /** TEACHERS becomes STAFF; others stay. */
    public Audience normalized() {
        return this == TEACHERS ? STAFF : this;
    }

    /** The audiences to choose from (without the old name). */
    public static Audience[] choices() {
        return new Audience[] {PUBLIC, EVERYONE, STAFF, ICT_TEAM};
    }
}
