package be.spil.school;

/** Basisonderwijs (primary) or secundair onderwijs (secondary). */
public enum SchoolLevel { BASIS, SECUNDAIR }
