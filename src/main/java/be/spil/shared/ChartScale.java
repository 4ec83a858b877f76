package be.spil.shared;

/** The value axis of the charts Spil draws itself (SVG pages, PDF): round steps that give about five grid lines. */
public final class ChartScale {
    private ChartScale() {}

    /** A round step (1, 2 or 5 × 10ⁿ, at least 1) for values up to {@code max}. */
    public static double step(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return Math.max(1, nice * magnitude);
    }
}
