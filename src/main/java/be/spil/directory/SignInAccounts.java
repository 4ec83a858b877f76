package be.spil.directory;

/**
 * Local sign-ins of people, implemented by the security module (which depends on this one): the directory
 * asks it to set a password when a person is created with one, and to end sign-in when a person leaves.
 */
public interface SignInAccounts {
    /** Sets (or replaces) a person's password; rejects weak passwords with a field error on "password". */
    void setPassword(long personId, String rawPassword, boolean mustChange);

    /** Whether the person has a local password. */
    boolean hasPassword(long personId);

    /** Ends every session of the person at once and refuses new sign-ins (or allows them again). */
    void setEnabled(long personId, boolean enabled);
}
