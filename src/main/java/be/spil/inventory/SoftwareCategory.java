package be.spil.inventory;

/** What kind of software a title is. */
public enum SoftwareCategory {
    OPERATING_SYSTEM, OFFICE, EDUCATIONAL, BROWSER, SECURITY, MULTIMEDIA, DEVELOPMENT, UTILITY, ADMINISTRATION, OTHER
}
