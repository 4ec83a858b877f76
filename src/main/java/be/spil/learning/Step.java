package be.spil.learning;

/** The level of a step in the build-up of a competence: introduce, then practise, then master. */
public enum Step { INTRODUCE, PRACTISE, MASTER }
