package be.spil.team;

/**
 * Who may carry a task: CENTRAL (umbrella organisations, government, purchasing centres, the school group), CORE (the
 * school's core ICT team), OTHER (external firms, the TAC, teachers, admin staff, the communication officer, the director).
 */
public enum Level { CENTRAL, CORE, OTHER }
