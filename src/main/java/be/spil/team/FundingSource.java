package be.spil.team;

/** Where the hours come from: ICT-uren, BPT-uren, werkingsmiddelen, puntenenveloppe, other. */
public enum FundingSource { ICT_HOURS, BPT_HOURS, OPERATING_FUNDS, POINTS_ENVELOPE, OTHER }
