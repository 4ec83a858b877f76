package be.spil.learning;

import be.spil.learning.LineFinding.Kind;
import be.spil.learning.LineFinding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The analysis of a learning line, rule by rule. Gradual build-up per competence: introduced before practised before
 * mastered in rising grades (the same grade may hold several steps); steps that come too early, mastery without an
 * introduction, grades skipped between the first and last grade, a grade that only introduces again what an earlier grade
 * already practised (regression). Coverage: every competence of the framework has activities and is mastered by the last
 * grade. Balanced spread: activities per grade and per learning domain against the mean — more than
 * {@value #BALANCE_PERCENT}% above or below it is flagged — domains that carry nothing, and the mix of work forms.
 * Plain Java over plain records: no database, no Spring.
 */
final class LineAnalysis {
    /** A grade or domain more than this percentage above or below the mean is flagged. */
    static final int BALANCE_PERCENT = 50;
    /** From this many activities with a work form on, the mix of work forms is judged. */
    static final int WORK_FORM_MINIMUM = 10;
    /** One work form carrying more than this percentage of the activities is flagged. */
    static final int WORK_FORM_DOMINANT_PERCENT = 60;

    record Competence(String code, String name) {}

    record Activity(String competence, Grade grade, String domain, Step step, WorkForm workForm) {}

    /** The number of activities and the highest step of one cell of the matrix. */
    record Cell(int count, Step highest) {}

    record Result(List<LineFinding> findings, Map<String, Map<Grade, Cell>> heat, Map<Grade, Integer> perGrade,
                  Map<String, Integer> perDomain, Map<WorkForm, Integer> perWorkForm, int covered, int mastered, int total) {
        /** Share of the competences with at least one activity, 0–100. */
        int coveragePercent() {
            return total == 0 ? 0 : (int) Math.round(covered * 100.0 / total);
        }
    }

    private LineAnalysis() {}

    static Result analyse(List<Competence> competences, List<Grade> grades, List<String> domains, List<Activity> all) {
        var findings = new ArrayList<LineFinding>();
        var known = competences.stream().map(Competence::code).collect(Collectors.toSet());
        var gradeSet = Set.copyOf(grades);
        var activities = all.stream().filter(a -> known.contains(a.competence()) && gradeSet.contains(a.grade())).toList();
        unknown(all, known, gradeSet, findings);

        var heat = new LinkedHashMap<String, Map<Grade, Cell>>();
        var byCompetence = activities.stream().collect(Collectors.groupingBy(Activity::competence));
        int covered = 0;
        int mastered = 0;
        for (var c : competences) {
            var mine = byCompetence.getOrDefault(c.code(), List.of());
            var row = new EnumMap<Grade, Cell>(Grade.class);
            for (var a : mine) {
                row.merge(a.grade(), new Cell(1, a.step()), (x, y) -> new Cell(x.count() + y.count(),
                    x.highest().compareTo(y.highest()) >= 0 ? x.highest() : y.highest()));
            }
            heat.put(c.code(), row);
            if (!mine.isEmpty()) {
                covered++;
            }
            if (mine.stream().anyMatch(a -> a.step() == Step.MASTER)) {
                mastered++;
            }
        }
        var perGrade = new EnumMap<Grade, Integer>(Grade.class);
        grades.forEach(g -> perGrade.put(g, 0));
        activities.forEach(a -> perGrade.merge(a.grade(), 1, Integer::sum));
        var perDomain = new LinkedHashMap<String, Integer>();
        domains.forEach(d -> perDomain.put(d, 0));
        activities.forEach(a -> perDomain.computeIfPresent(a.domain(), (k, v) -> v + 1));
        var perWorkForm = new EnumMap<WorkForm, Integer>(WorkForm.class);
        activities.stream().filter(a -> a.workForm() != null).forEach(a -> perWorkForm.merge(a.workForm(), 1, Integer::sum));

        if (activities.isEmpty()) {
            findings.add(finding(Kind.EMPTY_LINE, Severity.CRITICAL, null, null, null, Map.of("competences", competences.size()),
                competences.size()));
        } else {
            for (var c : competences) {
                buildUp(c, grades, byCompetence.getOrDefault(c.code(), List.of()), findings);
            }
            gradeBalance(grades, perGrade, activities.size(), findings);
            domainBalance(activities, domains, perDomain, findings);
            workForms(perWorkForm, findings);
        }
        var order = new HashMap<String, Integer>();
        for (int i = 0; i < competences.size(); i++) {
            order.put(competences.get(i).code(), i);
        }
        findings.sort(Comparator.comparing(LineFinding::severity).thenComparing(LineFinding::kind)
            .thenComparing(f -> f.competence() == null ? -1 : order.getOrDefault(f.competence(), Integer.MAX_VALUE))
            .thenComparing(f -> f.grade() == null ? -1 : f.grade().ordinal()));
        return new Result(findings, heat, perGrade, perDomain, perWorkForm, covered, mastered, competences.size());
    }

    private static LineFinding finding(Kind kind, Severity severity, String competence, Grade grade, String domain,
                                       Map<String, Number> numbers, Object... args) {
        return new LineFinding(kind, severity, competence, grade, domain, numbers, "learning.finding." + kind, List.of(args));
    }

    /** Activities for competences the framework (version) does not have, or for grades the school does not have. */
    private static void unknown(List<Activity> all, Set<String> known, Set<Grade> grades, List<LineFinding> findings) {
        var counts = new LinkedHashMap<String, Integer>();
        all.stream().filter(a -> !known.contains(a.competence()) || !grades.contains(a.grade()))
            .forEach(a -> counts.merge(a.competence(), 1, Integer::sum));
        counts.forEach((code, n) -> findings.add(finding(Kind.UNKNOWN_COMPETENCE, Severity.WARNING, code, null, null,
            Map.of("activities", n), code, n)));
    }

    /** Introduce before practise before master, no grades skipped, no step back to introducing. */
    private static void buildUp(Competence c, List<Grade> grades, List<Activity> mine, List<LineFinding> findings) {
        if (mine.isEmpty()) {
            findings.add(finding(Kind.MISSING, Severity.CRITICAL, c.code(), null, null, Map.of(), c.code(), c.name()));
            return;
        }
        var highest = new EnumMap<Grade, Step>(Grade.class);
        var first = new EnumMap<Step, Integer>(Step.class);
        for (var a : mine) {
            highest.merge(a.grade(), a.step(), (x, y) -> x.compareTo(y) >= 0 ? x : y);
            first.merge(a.step(), grades.indexOf(a.grade()), Math::min);
        }
        Integer intro = first.get(Step.INTRODUCE);
        Integer practise = first.get(Step.PRACTISE);
        Integer master = first.get(Step.MASTER);
        boolean masteredBlind = master != null && (intro == null || intro > master);
        if (masteredBlind) {
            findings.add(finding(Kind.MASTERED_WITHOUT_INTRODUCTION, Severity.WARNING, c.code(), grades.get(master), null, Map.of(),
                c.code(), c.name(), grades.get(master).label()));
        }
        if (practise != null && (intro == null || intro > practise)) {
            findings.add(new LineFinding(Kind.TOO_EARLY, Severity.WARNING, c.code(), grades.get(practise), null, Map.of(),
                "learning.finding.TOO_EARLY.PRACTISE", List.of(c.code(), c.name(), grades.get(practise).label())));
        }
        if (!masteredBlind && master != null && (practise == null || practise > master)) {
            findings.add(new LineFinding(Kind.TOO_EARLY, Severity.WARNING, c.code(), grades.get(master), null, Map.of(),
                "learning.finding.TOO_EARLY.MASTER", List.of(c.code(), c.name(), grades.get(master).label())));
        }
        if (master == null) {
            findings.add(finding(Kind.NOT_MASTERED, Severity.WARNING, c.code(), null, null, Map.of(), c.code(), c.name(),
                grades.get(grades.size() - 1).label()));
        }
        // grades skipped between the first and the last grade with activities
        int from = grades.size();
        int to = -1;
        for (var g : highest.keySet()) {
            from = Math.min(from, grades.indexOf(g));
            to = Math.max(to, grades.indexOf(g));
        }
        int gapStart = -1;
        for (int i = from; i <= to; i++) {
            boolean empty = !highest.containsKey(grades.get(i));
            if (empty && gapStart < 0) {
                gapStart = i;
            } else if (!empty && gapStart >= 0) {
                int length = i - gapStart;
                findings.add(finding(Kind.GAP, length >= 2 ? Severity.WARNING : Severity.INFO, c.code(), grades.get(gapStart), null,
                    Map.of("grades", length), c.code(), c.name(), grades.get(gapStart).label(), grades.get(i - 1).label(), length));
                gapStart = -1;
            }
        }
        // a grade that only introduces after an earlier grade practised or mastered
        Step reached = null;
        for (var g : grades) {
            var step = highest.get(g);
            if (step == null) {
                continue;
            }
            if (step == Step.INTRODUCE && reached != null && reached != Step.INTRODUCE) {
                findings.add(finding(Kind.REGRESSION, Severity.WARNING, c.code(), g, null, Map.of(), c.code(), c.name(), g.label(),
                    reached));
            }
            reached = reached == null || step.compareTo(reached) > 0 ? step : reached;
        }
    }

    private static int percentFromMean(int value, double mean) {
        return (int) Math.round((value - mean) * 100 / mean);
    }

    /** Activities per grade against the mean over the school's grades. */
    private static void gradeBalance(List<Grade> grades, Map<Grade, Integer> perGrade, int total, List<LineFinding> findings) {
        double mean = total / (double) grades.size();
        for (var g : grades) {
            int n = perGrade.get(g);
            int percent = percentFromMean(n, mean);
            Map<String, Number> numbers = Map.of("activities", n, "mean", round(mean), "percent", percent);
            if (n == 0) {
                findings.add(finding(Kind.GRADE_EMPTY, Severity.WARNING, null, g, null, numbers, g.label()));
            } else if (percent > BALANCE_PERCENT) {
                findings.add(finding(Kind.GRADE_HEAVY, Severity.INFO, null, g, null, numbers, g.label(), n, round(mean), percent));
            } else if (percent < -BALANCE_PERCENT) {
                findings.add(finding(Kind.GRADE_LIGHT, Severity.WARNING, null, g, null, numbers, g.label(), n, round(mean), -percent));
            }
        }
    }

    /** Activities per learning domain against the mean over the configured domains; domains nobody uses. */
    private static void domainBalance(List<Activity> activities, List<String> domains, Map<String, Integer> perDomain,
                                      List<LineFinding> findings) {
        var outside = new LinkedHashMap<String, Integer>();
        activities.stream().filter(a -> !perDomain.containsKey(a.domain())).forEach(a -> outside.merge(a.domain(), 1, Integer::sum));
        outside.forEach((d, n) -> findings.add(finding(Kind.UNKNOWN_DOMAIN, Severity.INFO, null, null, d, Map.of("activities", n), d, n)));
        if (domains.isEmpty()) {
            return;
        }
        int inDomains = perDomain.values().stream().mapToInt(Integer::intValue).sum();
        double mean = inDomains / (double) domains.size();
        for (var d : domains) {
            int n = perDomain.get(d);
            if (n == 0) {
                findings.add(finding(Kind.DOMAIN_UNUSED, Severity.WARNING, null, null, d, Map.of("activities", 0), d));
                continue;
            }
            int percent = percentFromMean(n, mean);
            Map<String, Number> numbers = Map.of("activities", n, "mean", round(mean), "percent", percent);
            if (percent > BALANCE_PERCENT) {
                findings.add(finding(Kind.DOMAIN_HEAVY, Severity.INFO, null, null, d, numbers, d, n, round(mean), percent));
            } else if (percent < -BALANCE_PERCENT) {
                findings.add(finding(Kind.DOMAIN_LIGHT, Severity.INFO, null, null, d, numbers, d, n, round(mean), -percent));
            }
        }
    }

    /** One work form carrying most activities; work forms never used (besides whole-class teaching). */
    private static void workForms(Map<WorkForm, Integer> perWorkForm, List<LineFinding> findings) {
        int total = perWorkForm.values().stream().mapToInt(Integer::intValue).sum();
        if (total < WORK_FORM_MINIMUM) {
            return;
        }
        for (var e : perWorkForm.entrySet()) {
            int percent = (int) Math.round(e.getValue() * 100.0 / total);
            if (percent > WORK_FORM_DOMINANT_PERCENT) {
                findings.add(finding(Kind.WORK_FORM_DOMINANT, Severity.INFO, null, null, null,
                    Map.of("activities", e.getValue(), "percent", percent), e.getKey(), percent));
            }
        }
        var unused = java.util.Arrays.stream(WorkForm.values()).filter(w -> w != WorkForm.CLASS && !perWorkForm.containsKey(w))
            .toList();
        if (!unused.isEmpty()) {
            findings.add(finding(Kind.WORK_FORMS_UNUSED, Severity.INFO, null, null, null, Map.of("unused", unused.size()),
                unused));
        }
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
