package be.spil.knowledge;

/** Who reads an article: everybody of the school (teachers and other staff), or only the ICT team. */
public enum Audience { TEACHERS, ICT_TEAM }
