package be.spil.inventory;

/**
 * How a licence counts: FREE (free or open source) and SITE licences cover any number of installations; PER_DEVICE,
 * PER_USER and SUBSCRIPTION licences cover as many as their seats.
 */
public enum LicenceType {
    FREE, PER_DEVICE, PER_USER, SITE, SUBSCRIPTION;

    /** Whether this type covers any number of installations (seats do not apply). */
    public boolean unlimited() {
        return this == FREE || this == SITE;
    }
}
