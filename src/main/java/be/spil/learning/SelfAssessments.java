package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teachers' digital competence: each person of a school fills in a self-assessment on DigCompEdu per school year (a
 * level A1–C2 per competence and the level they aim for). The answers are personal data: only the person reads their
 * own. The coordinator, the director and central admins see aggregates only, and only of at least
 * {@value #MIN_GROUP} people (per competence too), per area and over the years: the input for training and the policy
 * plan.
 */
@Service
@Transactional(readOnly = true)
public class SelfAssessments {
    /** Aggregates of fewer people than this are not shown. */
    public static final int MIN_GROUP = 5;
    /** Competences whose team mean is below this level index (B1 = 3) are suggested for training. */
    static final double TRAINING_BELOW = 3.0;
    static final String AUDIT_TYPE = "learning-self-assessment";

    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final SchoolCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    SelfAssessments(JdbcClient jdbc, Frameworks frameworks, SchoolCalendar calendar, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** One answer: the level now and the level aimed for (may be null). */
    public record Answer(String level, String goal) {}

    /** A person's own self-assessment of a school year on a framework. */
    public record Mine(String year, long framework, String frameworkName, List<String> levels, Map<String, Answer> answers) {}

    /** The aggregate of one competence or area: how many answered, the mean level (1 = lowest) and people per level. */
    public record Aggregate(String code, String name, int respondents, boolean shown, Double mean, Map<String, Integer> perLevel,
                            boolean suggestTraining) {}

    /** The team's aggregate of a school year, and the mean per area in every school year with enough answers. */
    public record TeamView(String year, long framework, int respondents, int minimum, boolean shown, List<Aggregate> areas,
                           List<Aggregate> competences, Map<String, Map<String, Double>> areaMeansByYear) {}

    /** The school year by name, or (blank) the current one, or else the newest. */
    public SchoolYearView year(String name) {
        return calendar.yearOrCurrent(name);
    }

    /** All school years, newest first (for a year chooser). */
    public List<SchoolYearView> years() {
        return calendar.schoolYears();
    }

    /** The teacher framework used: DigCompEdu (its newest shipped version). */
    private FrameworkView framework() {
        return frameworks.byId(frameworks.shipped("digcompedu").orElseThrow(() -> new NotFoundException("framework", "digcompedu")));
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    public Mine mine(long schoolId, SchoolYearView year, Caller caller) {
        requireSee(schoolId, caller);
        var f = framework();
        var answers = new LinkedHashMap<String, Answer>();
        jdbc.sql("""
                select competence_code, level, goal from learning_self_assessment
                where school_id = :school and person_id = :person and school_year_id = :year and framework_id = :f""")
            .param("school", schoolId).param("person", caller.personId()).param("year", year.id()).param("f", f.id())
            .query(rs -> {
                answers.put(rs.getString("competence_code"), new Answer(rs.getString("level"), rs.getString("goal")));
            });
        var ordered = new LinkedHashMap<String, Answer>();
        f.leaves().forEach(c -> {
            if (answers.containsKey(c.code())) {
                ordered.put(c.code(), answers.get(c.code()));
            }
        });
        return new Mine(year.name(), f.id(), f.label(), f.levels(), ordered);
    }

    /**
     * Saves the caller's own answers for the year (the whole set: competences left out are no longer answered). Each
     * code must be a competence of the framework, each level and goal one of its levels, the goal not below the level.
     */
    @Transactional
    public Mine save(long schoolId, SchoolYearView year, Map<String, Answer> answers, Caller caller) {
        requireSee(schoolId, caller);
        var f = framework();
        var codes = f.leaves().stream().map(FrameworkView.CompetenceView::code).toList();
        var levels = f.levels();
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        var given = answers == null ? Map.<String, Answer>of() : answers;
        for (var e : given.entrySet()) {
            String field = "answers[" + e.getKey() + "]";
            if (!codes.contains(e.getKey())) {
                errors.add(new FieldErrorsException.FieldError(field, "learning.self.competence.unknown", String.valueOf(e.getKey())));
                continue;
            }
            var a = e.getValue();
            if (a == null || a.level() == null || !levels.contains(a.level())) {
                errors.add(new FieldErrorsException.FieldError(field + ".level", "learning.self.level.unknown", String.join(", ", levels)));
            } else if (a.goal() != null && !a.goal().isBlank()
                && (!levels.contains(a.goal()) || levels.indexOf(a.goal()) < levels.indexOf(a.level()))) {
                errors.add(new FieldErrorsException.FieldError(field + ".goal", "learning.self.goal.invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        jdbc.sql("""
                delete from learning_self_assessment
                where school_id = :school and person_id = :person and school_year_id = :year and framework_id = :f""")
            .param("school", schoolId).param("person", caller.personId()).param("year", year.id()).param("f", f.id()).update();
        for (var e : given.entrySet()) {
            var goal = e.getValue().goal() == null || e.getValue().goal().isBlank() ? null : e.getValue().goal();
            jdbc.sql("""
                    insert into learning_self_assessment (school_id, person_id, school_year_id, framework_id, competence_code,
                      level, goal, updated_at) values (:school, :person, :year, :f, :code, :level, :goal, :now)""")
                .param("school", schoolId).param("person", caller.personId()).param("year", year.id()).param("f", f.id())
                .param("code", e.getKey()).param("level", e.getValue().level()).param("goal", goal)
                .param("now", Timestamp.from(clock.instant())).update();
        }
        // the history says that, not what: the levels are the person's own
        audit.note(AUDIT_TYPE, caller.personId(), schoolId, Action.UPDATED, year.name() + ": " + given.size());
        return mine(schoolId, year, caller);
    }

    /** The team's aggregates (managers only); nothing per person, nothing of fewer than {@link #MIN_GROUP} people. */
    public TeamView team(long schoolId, SchoolYearView year, boolean english, Caller caller) {
        requireSee(schoolId, caller);
        caller.requireManage(schoolId);
        var f = framework();
        var levels = f.levels();
        record Row(String code, String level, long n) {}
        var rows = jdbc.sql("""
                select competence_code, level, count(*) as n from learning_self_assessment
                where school_id = :school and school_year_id = :year and framework_id = :f group by competence_code, level""")
            .param("school", schoolId).param("year", year.id()).param("f", f.id())
            .query((rs, i) -> new Row(rs.getString("competence_code"), rs.getString("level"), rs.getLong("n"))).list();
        int respondents = jdbc.sql("""
                select count(distinct person_id) from learning_self_assessment
                where school_id = :school and school_year_id = :year and framework_id = :f""")
            .param("school", schoolId).param("year", year.id()).param("f", f.id()).query(Integer.class).single();
        boolean shown = respondents >= MIN_GROUP;
        var competences = new ArrayList<Aggregate>();
        var areas = new ArrayList<Aggregate>();
        for (var c : f.competences()) {
            var children = f.competences().stream().filter(x -> c.code().equals(x.parent())).map(FrameworkView.CompetenceView::code).toList();
            boolean area = !children.isEmpty();
            var mine = rows.stream().filter(r -> area ? children.contains(r.code()) : r.code().equals(c.code())).toList();
            var perLevel = new LinkedHashMap<String, Integer>();
            levels.forEach(l -> perLevel.put(l, 0));
            mine.forEach(r -> perLevel.merge(r.level(), (int) r.n(), Integer::sum));
            int answers = perLevel.values().stream().mapToInt(Integer::intValue).sum();
            int people = area ? respondentsOf(schoolId, year.id(), f.id(), children) : answers;
            boolean ok = shown && people >= MIN_GROUP;
            Double mean = null;
            if (ok && answers > 0) {
                double sum = 0;
                for (var e : perLevel.entrySet()) {
                    sum += (levels.indexOf(e.getKey()) + 1) * e.getValue();
                }
                mean = Math.round(sum / answers * 10) / 10.0;
            }
            var agg = new Aggregate(c.code(), english ? c.nameEn() : c.name(), people, ok, mean, ok ? perLevel : Map.of(),
                !area && mean != null && mean < TRAINING_BELOW);
            (area ? areas : competences).add(agg);
        }
        return new TeamView(year.name(), f.id(), respondents, MIN_GROUP, shown, areas, competences, overTime(schoolId, f));
    }

    private int respondentsOf(long schoolId, long yearId, long frameworkId, List<String> codes) {
        return jdbc.sql("""
                select count(distinct person_id) from learning_self_assessment
                where school_id = :school and school_year_id = :year and framework_id = :f and competence_code in (:codes)""")
            .param("school", schoolId).param("year", yearId).param("f", frameworkId).param("codes", codes).query(Integer.class).single();
    }

    /** Mean level per area for every school year in which at least {@link #MIN_GROUP} people answered that area. */
    private Map<String, Map<String, Double>> overTime(long schoolId, FrameworkView f) {
        var parentOf = new LinkedHashMap<String, String>();
        f.competences().forEach(c -> {
            if (c.parent() != null) {
                parentOf.put(c.code(), c.parent());
            }
        });
        record Row(String year, String code, String level, long person) {}
        var rows = jdbc.sql("""
                select y.name, a.competence_code, a.level, a.person_id from learning_self_assessment a
                join school_year y on y.id = a.school_year_id where a.school_id = :school and a.framework_id = :f
                order by y.start_date""")
            .param("school", schoolId).param("f", f.id())
            .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        var result = new LinkedHashMap<String, Map<String, Double>>();
        var byYear = new LinkedHashMap<String, List<Row>>();
        rows.forEach(r -> byYear.computeIfAbsent(r.year(), k -> new ArrayList<>()).add(r));
        for (var y : byYear.entrySet()) {
            var means = new LinkedHashMap<String, Double>();
            for (var area : f.competences().stream().filter(FrameworkView.CompetenceView::area).toList()) {
                var mine = y.getValue().stream().filter(r -> area.code().equals(parentOf.get(r.code()))).toList();
                long people = mine.stream().map(Row::person).distinct().count();
                if (people >= MIN_GROUP) {
                    double mean = mine.stream().mapToInt(r -> f.levels().indexOf(r.level()) + 1).average().orElse(0);
                    means.put(area.code(), Math.round(mean * 10) / 10.0);
                }
            }
            if (!means.isEmpty()) {
                result.put(y.getKey(), means);
            }
        }
        return result;
    }
}
