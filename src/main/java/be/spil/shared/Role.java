package be.spil.shared;

/** Roles a person can hold: {@link #CENTRAL_ADMIN} for the whole school group, the others per school. */
public enum Role {
    CENTRAL_ADMIN, ICT_COORDINATOR, DIRECTOR, STAFF, TECHNICIAN;

    public boolean perSchool() {
        return this != CENTRAL_ADMIN;
    }
}
