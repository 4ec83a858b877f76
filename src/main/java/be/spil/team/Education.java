package be.spil.team;

/** A member's education level, as the guide names preferences: ICT bachelor, teaching degree, master. */
public enum Education { SECONDARY, BACHELOR, BACHELOR_ICT, TEACHER, MASTER, OTHER, UNKNOWN }
