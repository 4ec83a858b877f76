package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Training (nascholing) of a school's staff: sessions of the ICT team ("voortonen") and of external providers, in the
 * school year that holds their first day, with the DigCompEdu competences they address, who is registered and who
 * attended, and the hours per teacher per school year. The training plan sets the team's self-assessment (aggregates of
 * at least {@value SelfAssessments#MIN_GROUP} people only) against the trainings of the year. Everybody of the school
 * reads the trainings (and only their own registration); managers plan them and see who takes part.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Trainings {
    static final String AUDIT_TYPE = "learning-training";
    static final int MAX_PARTICIPANTS = 500;

    private final JdbcClient jdbc;
    private final SchoolCalendar calendar;
    private final Frameworks frameworks;
    private final SelfAssessments assessments;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    Trainings(JdbcClient jdbc, SchoolCalendar calendar, Frameworks frameworks, SelfAssessments assessments, People people,
              AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.frameworks = frameworks;
        this.assessments = assessments;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /** DigCompEdu (newest shipped version): the competences trainings address. */
    FrameworkView framework() {
        return frameworks.byId(frameworks.shipped("digcompedu").orElseThrow(() -> new NotFoundException("framework", "digcompedu")));
    }

    private static final String SELECT = """
        select t.*, y.name as year_name from learning_training t join school_year y on y.id = t.school_year_id
        """;

    /** The trainings of a school year, by first day; archived ones only when asked. */
    public List<TrainingView> list(long schoolId, SchoolYearView year, boolean archived, Caller caller) {
        requireSee(schoolId, caller);
        var rows = jdbc.sql(SELECT + " where t.school_id = :school and t.school_year_id = :year and t.archived = :archived"
                + " order by t.start_date, t.id")
            .param("school", schoolId).param("year", year.id()).param("archived", archived)
            .query((rs, n) -> row(rs)).list();
        return withParticipants(schoolId, rows, caller);
    }

    public TrainingView get(long schoolId, long id, Caller caller) {
        requireSee(schoolId, caller);
        return find(schoolId, id, caller).orElseThrow(() -> new NotFoundException("training", id));
    }

    private Optional<TrainingView> find(long schoolId, long id, Caller caller) {
        var rows = jdbc.sql(SELECT + " where t.school_id = :school and t.id = :id").param("school", schoolId).param("id", id)
            .query((rs, n) -> row(rs)).list();
        return withParticipants(schoolId, rows, caller).stream().findFirst();
    }

    private static TrainingView row(ResultSet rs) throws SQLException {
        String c = rs.getString("competences");
        var end = rs.getObject("end_date", java.time.LocalDate.class);
        return new TrainingView(rs.getLong("id"), rs.getString("year_name"), rs.getString("title"), rs.getString("provider"),
            rs.getBoolean("internal"), rs.getObject("start_date", java.time.LocalDate.class), end,
            plain(rs.getBigDecimal("hours")), rs.getBigDecimal("cost"),
            c == null || c.isEmpty() ? List.of() : Arrays.asList(c.split("\\|")), rs.getString("materials"), List.of(),
            rs.getBoolean("archived"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    /** Adds the participants in one query; others than managers see only their own entry. */
    private List<TrainingView> withParticipants(long schoolId, List<TrainingView> rows, Caller caller) {
        if (rows.isEmpty()) {
            return rows;
        }
        boolean all = caller.canManage(schoolId);
        var byTraining = new HashMap<Long, List<TrainingView.Participant>>();
        jdbc.sql("""
                select tp.training_id, tp.person_id, tp.status, p.first_name, p.last_name from learning_training_person tp
                join person p on p.id = tp.person_id where tp.training_id in (:ids) order by p.last_name, p.first_name""")
            .param("ids", rows.stream().map(TrainingView::id).toList())
            .query(rs -> {
                long person = rs.getLong("person_id");
                if (all || person == caller.personId()) {
                    byTraining.computeIfAbsent(rs.getLong("training_id"), k -> new ArrayList<>()).add(new TrainingView.Participant(person,
                        rs.getString("first_name") + " " + rs.getString("last_name"), TrainingView.Status.valueOf(rs.getString("status"))));
                }
            });
        return rows.stream().map(t -> new TrainingView(t.id(), t.year(), t.title(), t.provider(), t.internal(), t.startDate(),
            t.endDate(), t.hours(), t.cost(), t.competences(), t.materials(), byTraining.getOrDefault(t.id(), List.of()),
            t.archived(), t.version(), t.updatedAt(), t.updatedBy())).toList();
    }

    /** Checks beyond the annotations: days in order, a school year holding the first day, known competences, a web link. */
    private record Checked(SchoolYearView year, List<String> competences) {}

    private Checked check(TrainingForm form) {
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        SchoolYearView year = null;
        if (form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            errors.add(new FieldErrorsException.FieldError("endDate", "learning.training.endDate.beforeStart"));
        }
        if (form.endDate() != null && form.endDate().isAfter(form.startDate().plusYears(1))) {
            errors.add(new FieldErrorsException.FieldError("endDate", "learning.training.endDate.tooLate"));
        }
        var y = calendar.schoolYearOn(form.startDate());
        if (y.isEmpty()) {
            errors.add(new FieldErrorsException.FieldError("startDate", "learning.training.startDate.noYear"));
        } else {
            year = y.get();
        }
        var codes = framework().leaves().stream().map(FrameworkView.CompetenceView::code).toList();
        var competences = new LinkedHashSet<String>();
        for (var c : form.competences() == null ? List.<String>of() : form.competences()) {
            String t = c == null ? "" : c.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!codes.contains(t)) {
                errors.add(new FieldErrorsException.FieldError("competences", "learning.training.competence.unknown",
                    t.length() > 40 ? t.substring(0, 40) : t));
            } else {
                competences.add(t);
            }
        }
        String m = blankToNull(form.materials());
        boolean link = m == null || m.startsWith("https://") || m.startsWith("http://")
            || m.startsWith("/") && !m.startsWith("//");
        if (!link || m != null && m.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldErrorsException.FieldError("materials", "learning.training.materials.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return new Checked(year, List.copyOf(competences));
    }

    @Transactional
    public TrainingView create(long schoolId, @Valid TrainingForm form, Caller caller) {
        caller.requireManage(schoolId);
        var checked = check(form);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_training (school_id, school_year_id, title, provider, internal, start_date, end_date, hours,
                  cost, competences, materials, archived, version, updated_at, updated_by)
                values (:school, :year, :title, :provider, :internal, :start, :end, :hours, :cost, :competences, :materials, false,
                  0, :now, :by)""")
            .param("school", schoolId).param("year", checked.year().id()).param("title", form.title().strip())
            .param("provider", blankToNull(form.provider())).param("internal", Boolean.TRUE.equals(form.internal())).param("start", form.startDate())
            .param("end", form.endDate()).param("hours", form.hours()).param("cost", form.cost())
            .param("competences", String.join("|", checked.competences())).param("materials", blankToNull(form.materials()))
            .param("now", Timestamp.from(clock.instant())).param("by", Caller.currentActor())
            .update(keys, "id");
        long id = keys.getKey().longValue();
        var view = get(schoolId, id, caller);
        audit.record(AUDIT_TYPE, id, schoolId, Action.CREATED, view.title(), Map.of(), auditView(view));
        return view;
    }

    @Transactional
    public TrainingView update(long schoolId, long id, @Valid TrainingForm form, Caller caller) {
        caller.requireManage(schoolId);
        var before = get(schoolId, id, caller);
        StaleVersionException.check(form.version(), before.version(), before.updatedBy(), before.updatedAt(), () -> auditView(before));
        var checked = check(form);
        int updated = jdbc.sql("""
                update learning_training set school_year_id = :year, title = :title, provider = :provider, internal = :internal,
                start_date = :start, end_date = :end, hours = :hours, cost = :cost, competences = :competences,
                materials = :materials, version = version + 1, updated_at = :now, updated_by = :by
                where id = :id and school_id = :school and version = :version""")
            .param("year", checked.year().id()).param("title", form.title().strip()).param("provider", blankToNull(form.provider()))
            .param("internal", Boolean.TRUE.equals(form.internal())).param("start", form.startDate()).param("end", form.endDate())
            .param("hours", form.hours()).param("cost", form.cost()).param("competences", String.join("|", checked.competences()))
            .param("materials", blankToNull(form.materials())).param("now", Timestamp.from(clock.instant()))
            .param("by", Caller.currentActor()).param("id", id).param("school", schoolId).param("version", form.version()).update();
        var after = get(schoolId, id, caller);
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), auditView(after));
        }
        audit.record(AUDIT_TYPE, id, schoolId, Action.UPDATED, after.title(), auditView(before), auditView(after));
        return after;
    }

    @Transactional
    public TrainingView setArchived(long schoolId, long id, boolean archived, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var before = get(schoolId, id, caller);
        StaleVersionException.check(version, before.version(), before.updatedBy(), before.updatedAt(), () -> auditView(before));
        if (before.archived() == archived) {
            return before;
        }
        jdbc.sql("""
                update learning_training set archived = :archived, version = version + 1, updated_at = :now, updated_by = :by
                where id = :id and school_id = :school""")
            .param("archived", archived).param("now", Timestamp.from(clock.instant())).param("by", Caller.currentActor())
            .param("id", id).param("school", schoolId).update();
        var after = get(schoolId, id, caller);
        audit.record(AUDIT_TYPE, id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, after.title(), auditView(before),
            auditView(after));
        return after;
    }

    /**
     * Replaces who takes part: person id → PLANNED or ATTENDED. Each must be staff (not a pupil) of the school; with any
     * error nothing changes.
     */
    @Transactional
    public TrainingView setParticipants(long schoolId, long id, Map<Long, TrainingView.Status> participants, Integer version,
                                        Caller caller) {
        caller.requireManage(schoolId);
        var before = get(schoolId, id, caller);
        StaleVersionException.check(version, before.version(), before.updatedBy(), before.updatedAt(), () -> auditView(before));
        var given = participants == null ? Map.<Long, TrainingView.Status>of() : participants;
        if (given.size() > MAX_PARTICIPANTS) {
            throw FieldErrorsException.of("participants", "learning.training.participants.tooMany", MAX_PARTICIPANTS);
        }
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        for (var e : given.entrySet()) {
            String field = "participants[" + e.getKey() + "]";
            if (e.getKey() == null || e.getValue() == null) {
                errors.add(new FieldErrorsException.FieldError(field, "learning.training.participant.unknown"));
                continue;
            }
            try {
                if (people.get(schoolId, e.getKey(), caller).kind() == PersonKind.PUPIL) {
                    errors.add(new FieldErrorsException.FieldError(field, "learning.training.participant.unknown"));
                }
            } catch (NotFoundException ex) {
                errors.add(new FieldErrorsException.FieldError(field, "learning.training.participant.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        jdbc.sql("delete from learning_training_person where training_id = :id").param("id", id).update();
        for (var e : given.entrySet()) {
            jdbc.sql("insert into learning_training_person (training_id, person_id, status) values (:id, :person, :status)")
                .param("id", id).param("person", e.getKey()).param("status", e.getValue().name()).update();
        }
        jdbc.sql("update learning_training set version = version + 1, updated_at = :now, updated_by = :by where id = :id")
            .param("now", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).param("id", id).update();
        var after = get(schoolId, id, caller);
        audit.record(AUDIT_TYPE, id, schoolId, Action.UPDATED, after.title(), auditView(before), auditView(after));
        return after;
    }

    private static Map<String, String> auditView(TrainingView t) {
        var m = new LinkedHashMap<String, String>();
        m.put("title", t.title());
        m.put("provider", t.provider() == null ? "" : t.provider());
        m.put("internal", Boolean.toString(t.internal()));
        m.put("startDate", String.valueOf(t.startDate()));
        m.put("endDate", t.endDate() == null ? "" : t.endDate().toString());
        m.put("hours", t.hours().toPlainString());
        m.put("cost", t.cost() == null ? "" : t.cost().toPlainString());
        m.put("competences", String.join(", ", t.competences()));
        m.put("materials", t.materials() == null ? "" : t.materials());
        m.put("planned", Long.toString(t.planned()));
        m.put("attended", Long.toString(t.attended()));
        m.put("archived", Boolean.toString(t.archived()));
        return m;
    }

    public List<AuditTrail.Entry> history(long schoolId, long id, Caller caller) {
        get(schoolId, id, caller);
        return audit.history(AUDIT_TYPE, id);
    }

    /** Training hours of one person in a school year: attended and still planned. */
    public record Hours(long person, String name, BigDecimal attended, BigDecimal planned, int trainings) {}

    /** Hours per teacher in the school year (managers): everybody registered for or present at a training, by name. */
    public List<Hours> hours(long schoolId, SchoolYearView year, Caller caller) {
        requireSee(schoolId, caller);
        caller.requireManage(schoolId);
        return jdbc.sql("""
                select p.id, p.first_name, p.last_name,
                  sum(case when tp.status = 'ATTENDED' then t.hours else 0 end) as attended,
                  sum(case when tp.status = 'PLANNED' then t.hours else 0 end) as planned, count(*) as n
                from learning_training_person tp join learning_training t on t.id = tp.training_id join person p on p.id = tp.person_id
                where t.school_id = :school and t.school_year_id = :year and t.archived = false
                group by p.id, p.first_name, p.last_name order by p.last_name, p.first_name""")
            .param("school", schoolId).param("year", year.id())
            .query((rs, n) -> new Hours(rs.getLong("id"), rs.getString("first_name") + " " + rs.getString("last_name"),
                plain(rs.getBigDecimal("attended")), plain(rs.getBigDecimal("planned")), rs.getInt("n")))
            .list();
    }

    /**
     * One competence of the plan: the team's mean (only when at least five people answered it), whether it is weak (mean
     * below B1) and the trainings of the year that address it with how many people take part.
     */
    public record PlanRow(String code, String name, boolean shown, Double mean, boolean weak, int trainings, int participants) {
        /** A weak competence no training of the year addresses: where to plan one. */
        public boolean gap() {
            return weak && trainings == 0;
        }
    }

    /** The training plan of a school year: per competence and the weak ones without a training. */
    public record Plan(String year, int respondents, int minimum, boolean shown, List<PlanRow> rows, List<PlanRow> gaps) {}

    public Plan plan(long schoolId, SchoolYearView year, boolean english, Caller caller) {
        requireSee(schoolId, caller);
        caller.requireManage(schoolId);
        var team = assessments.team(schoolId, year, english, caller);
        var trainings = list(schoolId, year, false, caller);
        var rows = new ArrayList<PlanRow>();
        for (var a : team.competences()) {
            var mine = trainings.stream().filter(t -> t.competences().contains(a.code())).toList();
            int participants = (int) mine.stream().flatMap(t -> t.participants().stream()).map(TrainingView.Participant::person)
                .distinct().count();
            rows.add(new PlanRow(a.code(), a.name(), a.shown(), a.mean(), a.suggestTraining(), mine.size(), participants));
        }
        return new Plan(year.name(), team.respondents(), team.minimum(), team.shown(), rows, rows.stream().filter(PlanRow::gap).toList());
    }

    /** 3.00 as 3, 2.50 as 2.5, 10 as 10 (not 1E+1). */
    static BigDecimal plain(BigDecimal b) {
        var s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
