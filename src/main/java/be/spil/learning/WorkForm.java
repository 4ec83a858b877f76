package be.spil.learning;

/** The work form an activity uses (the job description asks to connect ICT with these). */
public enum WorkForm { CLASS, PARTNER, CORNER, GROUP, CONTRACT, SELF_DIRECTED }
