package be.spil.team;

import be.spil.team.Finding.Kind;
import be.spil.team.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a school year's task division is fragile, rule by rule: tasks and clusters nobody carries, tasks without a
 * backup, clusters one person carries alone, how much rests on the ICT coordinator alone, load against available hours
 * (in total and per funding source), implausible hours, profile fit and core tasks the guide says could be carried
 * centrally or by others. Plain Java over plain records: no database, no Spring.
 */
final class CoverageAnalysis {
    /** A full-time job in hours per year (about 40 hours a week for 40 weeks): above this we warn. */
    static final double FULL_TIME_HOURS = 1600;
    /** Below this share of unused hours a member is not reported as under-used. */
    static final int UNDERUSE_PERCENT = 20;

    record Task(String code, String name, Cluster cluster, Set<Level> levels) {}

    record Member(long id, String name, Set<Cluster> profile, Map<FundingSource, Double> available, boolean coordinator) {
        double totalAvailable() {
            return available.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    record Assignment(String task, Long responsible, Set<Long> backups, Level level, FundingSource funding, double hours) {}

    private CoverageAnalysis() {}

    static List<Finding> analyse(List<Task> tasks, List<Member> members, List<Assignment> assignments) {
        var findings = new ArrayList<Finding>();
        var membersById = new HashMap<Long, Member>();
        members.forEach(m -> membersById.put(m.id(), m));
        var byTask = new HashMap<String, Assignment>();
        assignments.forEach(a -> byTask.put(a.task(), a));
        var tasksByCode = new LinkedHashMap<String, Task>();
        tasks.forEach(t -> tasksByCode.put(t.code(), t));

        unassigned(tasks, byTask, findings);
        for (var a : assignments) {
            var task = tasksByCode.get(a.task());
            if (task == null) {
                continue;
            }
            perAssignment(task, a, membersById.get(a.responsible()), findings);
        }
        singlePersonClusters(tasksByCode, assignments, membersById, findings);
        coordinatorDependency(members, assignments, findings);
        load(members, assignments, findings);
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::kind)
            .thenComparing(f -> f.task() == null ? "" : f.task()));
        return findings;
    }

    private static Finding finding(Kind kind, Severity severity, String task, Long member, Cluster cluster, FundingSource funding,
                                   Map<String, Number> numbers, Object... args) {
        return new Finding(kind, severity, task, member, cluster, funding, numbers, "team.finding." + kind, List.of(args));
    }

    /** Tasks nobody is responsible for; a cluster where nobody is responsible for anything. */
    private static void unassigned(List<Task> tasks, Map<String, Assignment> byTask, List<Finding> findings) {
        var open = new EnumMap<Cluster, Integer>(Cluster.class);
        var total = new EnumMap<Cluster, Integer>(Cluster.class);
        for (var t : tasks) {
            total.merge(t.cluster(), 1, Integer::sum);
            var a = byTask.get(t.code());
            if (a == null || a.responsible() == null) {
                open.merge(t.cluster(), 1, Integer::sum);
                findings.add(finding(Kind.NO_RESPONSIBLE, Severity.WARNING, t.code(), null, t.cluster(), null, Map.of(), t.name()));
            }
        }
        for (var e : total.entrySet()) {
            if (open.getOrDefault(e.getKey(), 0).equals(e.getValue())) {
                findings.add(finding(Kind.CLUSTER_UNCOVERED, Severity.CRITICAL, null, null, e.getKey(), null,
                    Map.of("tasks", e.getValue()), e.getValue()));
            }
        }
    }

    private static void perAssignment(Task task, Assignment a, Member responsible, List<Finding> findings) {
        if (a.hours() > FULL_TIME_HOURS) {
            findings.add(finding(Kind.ABOVE_FULL_TIME, Severity.WARNING, task.code(), a.responsible(), task.cluster(), a.funding(),
                Map.of("hours", a.hours(), "fullTime", FULL_TIME_HOURS), task.name(), a.hours(), FULL_TIME_HOURS));
        }
        if (responsible == null) {
            return;
        }
        var backups = new HashSet<>(a.backups());
        backups.remove(responsible.id());
        if (backups.isEmpty()) {
            findings.add(finding(Kind.NO_BACKUP, Severity.WARNING, task.code(), responsible.id(), task.cluster(), null,
                Map.of("hours", a.hours()), task.name(), responsible.name()));
        }
        if (!responsible.profile().contains(task.cluster())) {
            findings.add(finding(Kind.PROFILE_MISMATCH, Severity.WARNING, task.code(), responsible.id(), task.cluster(), null,
                Map.of(), task.name(), responsible.name()));
        }
        if (a.level() == Level.CORE && (task.levels().contains(Level.CENTRAL) || task.levels().contains(Level.OTHER))) {
            var elsewhere = task.levels().contains(Level.CENTRAL) ? Level.CENTRAL : Level.OTHER;
            findings.add(finding(Kind.COULD_BE_ELSEWHERE, Severity.INFO, task.code(), responsible.id(), task.cluster(), null,
                Map.of("hours", a.hours()), task.name(), elsewhere.name()));
        }
    }

    /** Clusters whose divided tasks, responsibles and backups together, rest on one person. */
    private static void singlePersonClusters(Map<String, Task> tasks, List<Assignment> assignments, Map<Long, Member> members,
                                             List<Finding> findings) {
        var carriers = new EnumMap<Cluster, Set<Long>>(Cluster.class);
        var counts = new EnumMap<Cluster, Integer>(Cluster.class);
        for (var a : assignments) {
            var task = tasks.get(a.task());
            if (task == null || a.responsible() == null) {
                continue;
            }
            var set = carriers.computeIfAbsent(task.cluster(), c -> new HashSet<>());
            set.add(a.responsible());
            set.addAll(a.backups());
            counts.merge(task.cluster(), 1, Integer::sum);
        }
        for (var e : carriers.entrySet()) {
            if (e.getValue().size() == 1) {
                long only = e.getValue().iterator().next();
                var member = members.get(only);
                findings.add(finding(Kind.SINGLE_PERSON_CLUSTER, Severity.CRITICAL, null, only, e.getKey(), null,
                    Map.of("tasks", counts.get(e.getKey())), member == null ? "?" : member.name(), counts.get(e.getKey())));
            }
        }
    }

    /** How many divided tasks the ICT coordinator carries alone (without a backup), and what share of all. */
    private static void coordinatorDependency(List<Member> members, List<Assignment> assignments, List<Finding> findings) {
        long divided = assignments.stream().filter(a -> a.responsible() != null).count();
        for (var m : members) {
            if (!m.coordinator()) {
                continue;
            }
            var alone = assignments.stream()
                .filter(a -> Long.valueOf(m.id()).equals(a.responsible()))
                .filter(a -> a.backups().stream().allMatch(b -> b == m.id()))
                .toList();
            if (alone.isEmpty()) {
                continue;
            }
            int percent = (int) Math.round(alone.size() * 100.0 / divided);
            double hours = alone.stream().mapToDouble(Assignment::hours).sum();
            findings.add(finding(Kind.COORDINATOR_DEPENDENCY, percent >= 50 ? Severity.CRITICAL : Severity.WARNING, null, m.id(),
                null, null, Map.of("tasks", alone.size(), "percent", percent, "hours", hours), m.name(), alone.size(), percent, hours));
        }
    }

    /** Assigned hours (as responsible) against available hours, per member and per funding source. */
    private static void load(List<Member> members, List<Assignment> assignments, List<Finding> findings) {
        for (var m : members) {
            var mine = assignments.stream().filter(a -> Long.valueOf(m.id()).equals(a.responsible())).toList();
            double assigned = mine.stream().mapToDouble(Assignment::hours).sum();
            double available = m.totalAvailable();
            if (available > FULL_TIME_HOURS) {
                findings.add(finding(Kind.ABOVE_FULL_TIME, Severity.WARNING, null, m.id(), null, null,
                    Map.of("hours", available, "fullTime", FULL_TIME_HOURS), m.name(), available, FULL_TIME_HOURS));
            }
            if (assigned > available) {
                Integer percent = available > 0 ? (int) Math.round((assigned - available) * 100 / available) : null;
                var numbers = new LinkedHashMap<String, Number>();
                numbers.put("assigned", assigned);
                numbers.put("available", available);
                if (percent != null) {
                    numbers.put("percent", percent);
                }
                findings.add(finding(Kind.OVERLOADED, percent == null || percent >= 25 ? Severity.CRITICAL : Severity.WARNING, null,
                    m.id(), null, null, numbers, m.name(), assigned, available, percent == null ? 100 : percent));
            } else if (available > 0) {
                int unused = (int) Math.round((available - assigned) * 100 / available);
                if (unused >= UNDERUSE_PERCENT) {
                    findings.add(finding(Kind.UNDERUSED, Severity.INFO, null, m.id(), null, null,
                        Map.of("assigned", assigned, "available", available, "percent", unused), m.name(), assigned, available, unused));
                }
            }
            var perSource = new EnumMap<FundingSource, Double>(FundingSource.class);
            mine.forEach(a -> perSource.merge(a.funding(), a.hours(), Double::sum));
            for (var e : perSource.entrySet()) {
                double have = m.available().getOrDefault(e.getKey(), 0.0);
                if (e.getValue() > have) {
                    var numbers = new LinkedHashMap<String, Number>();
                    numbers.put("assigned", e.getValue());
                    numbers.put("available", have);
                    if (have > 0) {
                        numbers.put("percent", (int) Math.round((e.getValue() - have) * 100 / have));
                    }
                    findings.add(finding(Kind.FUNDING_OVERLOADED, Severity.WARNING, null, m.id(), null, e.getKey(), numbers,
                        m.name(), e.getValue(), have));
                }
            }
        }
    }
}
