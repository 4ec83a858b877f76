package be.spil.team;

/** The four clusters of ICT coordination tasks of the guide. */
public enum Cluster { TECHNICAL, PEDAGOGICAL, POLICY, ADMINISTRATIVE }
