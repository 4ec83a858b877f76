package be.spil.inventory;

/** Who or what an asset is assigned to; later modules add device pools. */
public enum AssigneeType {
    PERSON, GROUP, ROOM
}
