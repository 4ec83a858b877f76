package be.spil.helpdesk;

/** How soon a ticket needs work, from its impact and urgency; each has its own SLA targets. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** How widely and how badly a problem hits, and how soon it must be solved: low, medium or high. */
    public enum Level { LOW, MEDIUM, HIGH }

    /** The impact × urgency matrix: high × high is critical; one step lower each, down to low. */
    public static Priority of(Level impact, Level urgency) {
        int score = impact.ordinal() + urgency.ordinal();
        return switch (score) {
            case 4 -> CRITICAL;
            case 3 -> HIGH;
            case 2 -> MEDIUM;
            default -> LOW;
        };
    }
}
