package be.spil.team;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The team's two charts as plain geometry for server-rendered SVG (no chart library, no script): hours per member
 * stacked by cluster against the hours they have, and the coverage of each cluster (tasks with a responsible and a
 * backup, with a responsible only, with nobody). The page shows the same numbers as a table next to each chart.
 */
final class TeamCharts {
    static final int WIDTH = 640;
    static final int LABEL = 170;
    static final int BAR = 22;
    static final int GAP = 10;
    static final int PLOT = WIDTH - LABEL - 60;

    /** A piece of a bar: what it stands for (a cluster or a coverage state), where it starts, how wide, its value. */
    record Segment(String key, double x, double width, double value) {}

    /** One bar: its label, where it sits, its pieces, the total and (hours chart) where the available hours end. */
    record Bar(String label, double y, List<Segment> segments, double total, double available, double availableX) {}

    /** A chart: its bars, height and the largest value on the axis. */
    record Chart(List<Bar> bars, int height, double max) {}

    /** Per cluster: tasks, with a responsible and a backup, with a responsible only, with nobody. */
    record ClusterCoverage(Cluster cluster, int tasks, int withBackup, int responsibleOnly, int uncovered) {}

    private TeamCharts() {}

    static Chart hoursPerMember(List<MemberView> members, List<AssignmentView> assignments) {
        var perMember = new java.util.LinkedHashMap<Long, Map<Cluster, Double>>();
        members.forEach(m -> perMember.put(m.id(), new EnumMap<>(Cluster.class)));
        for (var a : assignments) {
            if (a.responsible() != null && perMember.containsKey(a.responsible())) {
                perMember.get(a.responsible()).merge(a.cluster(), a.hours(), Double::sum);
            }
        }
        double max = 1;
        for (var m : members) {
            double sum = perMember.get(m.id()).values().stream().mapToDouble(Double::doubleValue).sum();
            max = Math.max(max, Math.max(sum, m.totalHours()));
        }
        var bars = new ArrayList<Bar>();
        double y = GAP;
        for (var m : members) {
            double x = LABEL;
            var segments = new ArrayList<Segment>();
            double total = 0;
            for (var c : Cluster.values()) {
                double h = perMember.get(m.id()).getOrDefault(c, 0.0);
                double w = h / max * PLOT;
                segments.add(new Segment(c.name(), x, w, h));
                x += w;
                total += h;
            }
            bars.add(new Bar(m.name(), y, segments, total, m.totalHours(), LABEL + m.totalHours() / max * PLOT));
            y += BAR + GAP;
        }
        return new Chart(bars, (int) y + 20, max);
    }

    static List<ClusterCoverage> coverage(List<TaskView> activeTasks, List<AssignmentView> assignments) {
        var byTask = new java.util.HashMap<String, AssignmentView>();
        assignments.forEach(a -> byTask.put(a.task(), a));
        var rows = new ArrayList<ClusterCoverage>();
        for (var c : Cluster.values()) {
            int tasks = 0;
            int backup = 0;
            int only = 0;
            for (var t : activeTasks) {
                if (t.cluster() != c) {
                    continue;
                }
                tasks++;
                var a = byTask.get(t.code());
                if (a != null && a.responsible() != null) {
                    if (a.backups().stream().anyMatch(b -> !b.equals(a.responsible()))) {
                        backup++;
                    } else {
                        only++;
                    }
                }
            }
            rows.add(new ClusterCoverage(c, tasks, backup, only, tasks - backup - only));
        }
        return rows;
    }

    /** The coverage as bars of 100%: with backup, responsible only, uncovered. */
    static Chart coverageChart(List<ClusterCoverage> rows, Map<Cluster, String> labels) {
        var bars = new ArrayList<Bar>();
        double y = GAP;
        for (var r : rows) {
            double x = LABEL;
            var segments = new ArrayList<Segment>();
            int[] values = {r.withBackup(), r.responsibleOnly(), r.uncovered()};
            String[] keys = {"backup", "responsible", "uncovered"};
            for (int i = 0; i < 3; i++) {
                double w = r.tasks() == 0 ? 0 : (double) values[i] / r.tasks() * PLOT;
                segments.add(new Segment(keys[i], x, w, values[i]));
                x += w;
            }
            bars.add(new Bar(labels.getOrDefault(r.cluster(), r.cluster().name()), y, segments, r.tasks(), r.tasks(), LABEL + PLOT));
            y += BAR + GAP;
        }
        return new Chart(bars, (int) y + 20, 100);
    }
}
