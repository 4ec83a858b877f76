package be.spil.inventory;

/** Who recorded an installation: a person by hand, or an inventory agent. */
public enum InstallationSource {
    MANUAL, AGENT
}
