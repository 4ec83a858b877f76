package be.spil.helpdesk;

import be.spil.shared.ChartScale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The helpdesk's figures as plain geometry for server-rendered SVG (no chart library, no script): columns per month
 * (reported, resolved) with the backlog as a line, and horizontal bars for counts. Pages show the same numbers as
 * tables beside the charts.
 */
final class FigureCharts {
    static final int WIDTH = 640;
    private static final int AXIS = 40;
    private static final int TOP = 10;
    private static final int PLOT_HEIGHT = 180;
    private static final int LABEL = 200;
    private static final int BAR = 18;
    private static final int GAP = 6;

    /** A month's two columns (reported, resolved) and where its label goes. */
    record Column(String label, double x, double width, double reportedY, double reportedHeight, double resolvedY,
                  double resolvedHeight, double labelX) {}

    /** A grid line of the value axis. */
    record Tick(long value, double y) {}

    /** {@code backlog}: the points of the backlog line ("x,y x,y …"); {@code base}: the y of zero. */
    record Columns(List<Column> columns, String backlog, List<Tick> ticks, int height, double base) {}

    record Bar(String label, double y, double width, long count) {}

    record Bars(List<Bar> bars, int height) {}

    private FigureCharts() {}

    static Columns months(List<HelpdeskFigures.Month> months, Locale locale) {
        long max = 1;
        for (var m : months) {
            max = Math.max(max, Math.max(m.backlog(), Math.max(m.reported(), m.resolved())));
        }
        long step = step(max);
        long top = (max + step - 1) / step * step;
        double base = TOP + PLOT_HEIGHT;
        double slot = (double) (WIDTH - AXIS - 10) / Math.max(1, months.size());
        double width = Math.max(2, slot * 0.35);
        var columns = new ArrayList<Column>();
        var line = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            var m = months.get(i);
            double x = AXIS + i * slot + slot * 0.1;
            double reported = m.reported() * PLOT_HEIGHT / (double) top;
            double resolved = m.resolved() * PLOT_HEIGHT / (double) top;
            columns.add(new Column(m.month().getMonth().getDisplayName(java.time.format.TextStyle.SHORT, locale), x, width,
                base - reported, reported, base - resolved, resolved, AXIS + i * slot + slot / 2));
            line.append(line.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", AXIS + i * slot + slot / 2,
                base - m.backlog() * PLOT_HEIGHT / (double) top));
        }
        var ticks = new ArrayList<Tick>();
        for (long v = 0; v <= top; v += step) {
            ticks.add(new Tick(v, base - v * PLOT_HEIGHT / (double) top));
        }
        return new Columns(columns, line.toString(), ticks, (int) base + 40, base);
    }

    static Bars bars(List<HelpdeskFigures.Count> counts) {
        long max = Math.max(1, counts.stream().mapToLong(HelpdeskFigures.Count::count).max().orElse(1));
        var bars = new ArrayList<Bar>();
        double y = GAP;
        for (var c : counts) {
            bars.add(new Bar(c.label(), y, c.count() * (WIDTH - LABEL - 50) / (double) max, c.count()));
            y += BAR + GAP;
        }
        return new Bars(bars, (int) y + GAP);
    }

    static long step(long max) {
        return (long) ChartScale.step(max);
    }
}
