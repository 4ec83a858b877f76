package be.spil.directory;

/** Leverancier, externe firma, koepel (umbrella organisation), overheid, andere. */
public enum OrganisationKind { SUPPLIER, FIRM, UMBRELLA, GOVERNMENT, OTHER }
