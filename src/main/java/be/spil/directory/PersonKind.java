package be.spil.directory;

public enum PersonKind { STAFF, PUPIL, EXTERNAL }
