package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolLevel;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The learning module's API for a school's learning line: which framework (version) it follows and its learning
 * domains, the planned activities per competence and grade, and the analysis. Everybody of the school reads; central
 * admins and the school's ICT coordinators and directors change (with the class teachers, who are named per activity).
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LearningLines {
    static final String LINE_AUDIT_TYPE = "learning-line";
    static final String ACTIVITY_AUDIT_TYPE = "learning-activity";
    static final List<String> BASIS_DOMAINS = List.of("Wiskunde", "Taal", "Frans", "Wereldoriëntatie", "Muzische vorming",
        "Lichamelijke opvoeding");
    static final List<String> SECUNDAIR_DOMAINS = List.of("Nederlands", "Frans", "Engels", "Wiskunde", "Natuurwetenschappen",
        "Geschiedenis", "Aardrijkskunde", "Techniek", "Lichamelijke opvoeding");
    static final int MAX_DOMAINS = 30;
    static final int MAX_ACTIVITIES = 5_000;

    private final JdbcClient jdbc;
    private final Schools schools;
    private final Frameworks frameworks;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final LinePdf pdf;

    LearningLines(JdbcClient jdbc, Schools schools, Frameworks frameworks, People people, AuditTrail audit, Clock clock,
                  org.springframework.context.MessageSource messages, LinePdf pdf) {
        this.messages = messages;
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.schools = schools;
        this.frameworks = frameworks;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /** The grades of the school, from its kind (basis: K1–K3, L1–L6; secundair: 1–6). */
    public List<Grade> grades(long schoolId) {
        return Grade.of(schools.byId(schoolId).level());
    }

    /** The default learning domains for a school of this kind. */
    public List<String> defaultDomains(long schoolId) {
        return schools.byId(schoolId).level() == SchoolLevel.SECUNDAIR ? SECUNDAIR_DOMAINS : BASIS_DOMAINS;
    }

    /** The school's learning line, if it has started one. */
    public Optional<LineView> line(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return lineOf(schoolId);
    }

    private Optional<LineView> lineOf(long schoolId) {
        var grades = grades(schoolId);
        return jdbc.sql("select * from learning_line where school_id = :school").param("school", schoolId)
            .query((rs, n) -> lineView(rs, grades)).optional();
    }

    private LineView lineView(ResultSet rs, List<Grade> grades) throws SQLException {
        long frameworkId = rs.getLong("framework_id");
        String domains = rs.getString("domains");
        return new LineView(rs.getLong("id"), frameworkId, frameworks.byId(frameworkId).label(),
            domains.isEmpty() ? List.of() : Arrays.asList(domains.split("\\|")), grades, rs.getInt("version"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getBoolean("shared"));
    }

    /** The line, or 404 when the school has not started one. */
    public LineView requireLine(long schoolId, Caller caller) {
        return line(schoolId, caller).orElseThrow(() -> new NotFoundException("learning-line", schoolId));
    }

    /**
     * Starts the learning line (version null) or changes its framework and learning domains (version: the one read).
     * Changing to another framework (version) keeps every activity; those whose competence the new framework lacks are
     * reported by the analysis, so nothing is silently lost.
     */
    @Transactional
    public LineView setUp(long schoolId, Long frameworkId, List<String> domains, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var before = lineOf(schoolId);
        var cleaned = domains(domains);
        if (frameworkId == null || !frameworks.usableBy(frameworkId, schoolId)
            || !"PUPIL".equals(frameworks.byId(frameworkId).audience())) {
            throw FieldErrorsException.of("framework", "learning.line.framework.unknown");
        }
        String joined = String.join("|", cleaned);
        if (before.isEmpty()) {
            jdbc.sql("""
                    insert into learning_line (school_id, framework_id, domains, version, updated_at, updated_by)
                    values (:school, :f, :domains, 0, :now, :by)""")
                .param("school", schoolId).param("f", frameworkId).param("domains", joined).param("now", Timestamp.from(now()))
                .param("by", Caller.currentActor()).update();
            var after = lineOf(schoolId).orElseThrow();
            audit.record(LINE_AUDIT_TYPE, after.id(), schoolId, Action.CREATED, after.framework(), Map.of(), lineAudit(after));
            return after;
        }
        var line = before.get();
        StaleVersionException.check(version, line.version(), line.updatedBy(), line.updatedAt(), () -> lineAudit(line));
        int updated = jdbc.sql("""
                update learning_line set framework_id = :f, domains = :domains, version = version + 1, updated_at = :now,
                updated_by = :by where id = :id and version = :version""")
            .param("f", frameworkId).param("domains", joined).param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .param("id", line.id()).param("version", version).update();
        var after = lineOf(schoolId).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), lineAudit(after));
        }
        audit.record(LINE_AUDIT_TYPE, line.id(), schoolId, Action.UPDATED, after.framework(), lineAudit(line), lineAudit(after));
        return after;
    }

    private static List<String> domains(List<String> domains) {
        var cleaned = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (var d : domains == null ? List.<String>of() : domains) {
            String t = d == null ? "" : d.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 100 || t.contains("|")) {
                throw FieldErrorsException.of("domains", "learning.line.domain.invalid", t.length() > 40 ? t.substring(0, 40) : t);
            }
            if (seen.add(t.toLowerCase(java.util.Locale.ROOT))) {
                cleaned.add(t);
            }
        }
        if (cleaned.isEmpty()) {
            throw FieldErrorsException.of("domains", "learning.line.domains.empty");
        }
        if (cleaned.size() > MAX_DOMAINS) {
            throw FieldErrorsException.of("domains", "learning.line.domains.tooMany", MAX_DOMAINS);
        }
        return cleaned;
    }

    private static Map<String, String> lineAudit(LineView l) {
        var m = new LinkedHashMap<String, String>();
        m.put("framework", l.framework());
        m.put("domains", String.join(", ", l.domains()));
        m.put("shared", Boolean.toString(l.shared()));
        return m;
    }

    // ---- adopting a new version of the framework ----

    /** A competence of the line's framework that the new version changes: its names before and after, activities on it. */
    public record CodeChange(String code, String oldName, String newName, int activities) {}

    /**
     * What adopting another version would do: competences kept as they are, renamed (same code, other text), removed
     * (with the activities planned on them, which need a new code or stay flagged), and added.
     */
    public record Adoption(long from, String fromName, long to, String toName, int kept, List<CodeChange> renamed,
                           List<CodeChange> removed, List<CodeChange> added, List<FrameworkView.CompetenceView> choices) {
        public int activitiesOnRemoved() {
            return removed.stream().mapToInt(CodeChange::activities).sum();
        }
    }

    /** The preview of adopting framework (version) {@code frameworkId} in the school's line. */
    public Adoption adoptPreview(long schoolId, long frameworkId, Caller caller) {
        var line = requireLine(schoolId, caller);
        if (!frameworks.usableBy(frameworkId, schoolId) || !"PUPIL".equals(frameworks.byId(frameworkId).audience())) {
            throw FieldErrorsException.of("framework", "learning.line.framework.unknown");
        }
        if (frameworkId == line.frameworkId()) {
            throw FieldErrorsException.of("framework", "learning.adopt.same");
        }
        var from = frameworks.byId(line.frameworkId());
        var to = frameworks.byId(frameworkId);
        var counts = new java.util.HashMap<String, Integer>();
        jdbc.sql("""
                select competence_code, count(*) as n from learning_activity where school_id = :school and line_id = :line
                and archived = false group by competence_code""")
            .param("school", schoolId).param("line", line.id())
            .query(rs -> {
                counts.put(rs.getString("competence_code"), rs.getInt("n"));
            });
        var oldLeaves = new LinkedHashMap<String, String>();
        from.leaves().forEach(c -> oldLeaves.put(c.code(), c.name()));
        counts.keySet().stream().filter(c -> !oldLeaves.containsKey(c)).sorted().forEach(c -> oldLeaves.put(c, c));
        var newLeaves = new LinkedHashMap<String, String>();
        to.leaves().forEach(c -> newLeaves.put(c.code(), c.name()));
        int kept = 0;
        var renamed = new ArrayList<CodeChange>();
        var removed = new ArrayList<CodeChange>();
        for (var e : oldLeaves.entrySet()) {
            int n = counts.getOrDefault(e.getKey(), 0);
            if (!newLeaves.containsKey(e.getKey())) {
                removed.add(new CodeChange(e.getKey(), e.getValue(), null, n));
            } else if (!newLeaves.get(e.getKey()).strip().equals(e.getValue().strip())) {
                renamed.add(new CodeChange(e.getKey(), e.getValue(), newLeaves.get(e.getKey()), n));
            } else {
                kept++;
            }
        }
        var added = newLeaves.entrySet().stream().filter(e -> !oldLeaves.containsKey(e.getKey()))
            .map(e -> new CodeChange(e.getKey(), null, e.getValue(), 0)).toList();
        return new Adoption(from.id(), from.label(), to.id(), to.label(), kept, renamed, removed, added, to.leaves());
    }

    /** What adopting did: the line on its new framework, activities moved to a new code, activities left on a removed code. */
    public record Adopted(LineView line, int moved, int flagged) {}

    /**
     * Adopts another version in one step: the line follows it from now on, and the activities of removed competences move
     * to the code given in {@code mapping} (old code → new code). Activities of a removed code without a mapping stay as they
     * are and the analysis flags them; nothing is lost. Every mapping is checked first; with any error nothing changes.
     */
    @Transactional
    public Adopted adopt(long schoolId, long frameworkId, Map<String, String> mapping, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var preview = adoptPreview(schoolId, frameworkId, caller);
        var line = requireLine(schoolId, caller);
        var removed = preview.removed().stream().map(CodeChange::code).toList();
        var targets = preview.choices().stream().map(FrameworkView.CompetenceView::code).toList();
        var given = mapping == null ? Map.<String, String>of() : mapping;
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        for (var e : given.entrySet()) {
            String to = e.getValue() == null ? "" : e.getValue().strip();
            if (!removed.contains(e.getKey())) {
                errors.add(new FieldErrorsException.FieldError("mapping[" + e.getKey() + "]", "learning.adopt.notRemoved",
                    String.valueOf(e.getKey()).length() > 40 ? String.valueOf(e.getKey()).substring(0, 40) : e.getKey()));
            } else if (!to.isEmpty() && !targets.contains(to)) {
                errors.add(new FieldErrorsException.FieldError("mapping[" + e.getKey() + "]", "learning.activity.competence.unknown",
                    to.length() > 40 ? to.substring(0, 40) : to));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        var after = setUp(schoolId, frameworkId, line.domains(), version, caller);
        int moved = 0;
        for (var e : given.entrySet()) {
            String to = e.getValue() == null ? "" : e.getValue().strip();
            if (to.isEmpty()) {
                continue;
            }
            var ids = jdbc.sql("""
                    select id from learning_activity where school_id = :school and line_id = :line and archived = false
                    and competence_code = :code""")
                .param("school", schoolId).param("line", line.id()).param("code", e.getKey()).query(Long.class).list();
            for (long id : ids) {
                var before = activityOf(schoolId, id).orElseThrow();
                jdbc.sql("""
                        update learning_activity set competence_code = :to, version = version + 1, updated_at = :now, updated_by = :by
                        where id = :id""")
                    .param("to", to).param("now", Timestamp.from(now())).param("by", Caller.currentActor()).param("id", id).update();
                var view = activityOf(schoolId, id).orElseThrow();
                audit.record(ACTIVITY_AUDIT_TYPE, id, schoolId, Action.UPDATED, summary(view), activityAudit(before), activityAudit(view));
                moved++;
            }
        }
        int flagged = preview.removed().stream().filter(c -> given.get(c.code()) == null || given.get(c.code()).isBlank())
            .mapToInt(CodeChange::activities).sum();
        return new Adopted(after, moved, flagged);
    }

    // ---- templates: lines shared with the other schools of the group ----

    /** A learning line another school shares: whose, which framework, how many activities, when last changed. */
    public record Template(String school, String schoolName, String level, long framework, String frameworkName, int activities,
                           Instant updatedAt) {}

    /** Offers the line to the other schools of the group as a template (shared) or stops doing so. */
    @Transactional
    public LineView setShared(long schoolId, boolean shared, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var line = requireLine(schoolId, caller);
        StaleVersionException.check(version, line.version(), line.updatedBy(), line.updatedAt(), () -> lineAudit(line));
        if (line.shared() == shared) {
            return line;
        }
        jdbc.sql("""
                update learning_line set shared = :shared, version = version + 1, updated_at = :now, updated_by = :by
                where id = :id""")
            .param("shared", shared).param("now", Timestamp.from(now())).param("by", Caller.currentActor()).param("id", line.id())
            .update();
        var after = lineOf(schoolId).orElseThrow();
        audit.record(LINE_AUDIT_TYPE, line.id(), schoolId, Action.UPDATED, after.framework(), lineAudit(line), lineAudit(after));
        return after;
    }

    /**
     * The lines the schools of the group share, for everybody signed in to a school of the group (or a central admin).
     * Spil serves one school group, so every school's shared line is the group's; a line not shared is nobody else's.
     */
    public List<Template> templates(Caller caller) {
        requireGroupMember(caller);
        return jdbc.sql("""
                select s.code, s.name, s.level, l.framework_id, l.updated_at,
                  (select count(*) from learning_activity a where a.line_id = l.id and a.archived = false) as n
                from learning_line l join school s on s.id = l.school_id
                where l.shared = true and s.archived = false order by s.name""")
            .query((rs, n) -> new Template(rs.getString("code"), rs.getString("name"), rs.getString("level"),
                rs.getLong("framework_id"), frameworks.byId(rs.getLong("framework_id")).label(), rs.getInt("n"),
                rs.getTimestamp("updated_at").toInstant()))
            .list();
    }

    private static void requireGroupMember(Caller caller) {
        if (!caller.centralAdmin() && caller.schoolIds().isEmpty()) {
            throw new NotFoundException("learning-template", "");
        }
    }

    /** A shared line with its activities (without the class teachers, who belong to that school); 404 when not shared. */
    public record TemplateLine(Template template, List<String> domains, List<ActivityView> activities) {}

    public TemplateLine template(String schoolCode, Caller caller) {
        var t = templates(caller).stream().filter(x -> x.school().equals(schoolCode)).findFirst()
            .orElseThrow(() -> new NotFoundException("learning-template", schoolCode));
        long schoolId = schools.idOfCode(schoolCode).orElseThrow();
        var line = lineOf(schoolId).orElseThrow();
        var activities = jdbc.sql(ACTIVITY_SELECT + " where a.school_id = :school and a.archived = false order by a.id")
            .param("school", schoolId).query((rs, n) -> activityView(rs)).list().stream()
            .map(a -> new ActivityView(a.id(), a.competence(), a.grade(), a.domain(), a.description(), a.tool(), a.step(), a.workForm(),
                null, null, false, a.version(), a.updatedAt(), a.updatedBy()))
            .toList();
        return new TemplateLine(t, line.domains(), activities);
    }

    /** What starting from a template did: the new line, activities copied, and those left out (grades the school lacks). */
    public record Started(LineView line, int copied, int skipped) {}

    /**
     * Starts the school's own line from a shared one: its framework, learning domains and activities (those in grades the
     * school has; without class teachers) are copied, after which both lines go their own way. Only while the school has
     * no line (else 409).
     */
    @Transactional
    public Started startFrom(long schoolId, String templateSchool, Caller caller) {
        caller.requireManage(schoolId);
        requireSee(schoolId, caller);
        var template = template(templateSchool == null ? "" : templateSchool.strip(), caller);
        if (lineOf(schoolId).isPresent()) {
            throw FieldErrorsException.conflict("template", "learning.template.lineExists");
        }
        if (!frameworks.usableBy(template.template().framework(), schoolId)) {
            throw FieldErrorsException.of("template", "learning.template.ownFramework");
        }
        var line = setUp(schoolId, template.template().framework(), template.domains(), null, caller);
        int copied = 0;
        int skipped = 0;
        for (var a : template.activities()) {
            if (!line.grades().contains(a.grade())) {
                skipped++;
                continue;
            }
            long id = insert(schoolId, line.id(), new ActivityForm(a.competence(), a.grade(), a.domain(), a.description(), a.tool(),
                a.step(), a.workForm(), null, null));
            var view = activityOf(schoolId, id).orElseThrow();
            audit.record(ACTIVITY_AUDIT_TYPE, id, schoolId, Action.CREATED, summary(view), Map.of(), activityAudit(view));
            copied++;
        }
        return new Started(line, copied, skipped);
    }

    // ---- activities ----

    private static final String ACTIVITY_SELECT = """
        select a.*, p.first_name, p.last_name from learning_activity a left join person p on p.id = a.teacher_id
        """;

    /** The line's current (not archived) activities, by grade and competence; optionally of one grade or competence. */
    public List<ActivityView> activities(long schoolId, Grade grade, String competence, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql(ACTIVITY_SELECT + " where a.school_id = :school and a.archived = false"
                + (grade == null ? "" : " and a.grade = :grade") + (competence == null ? "" : " and a.competence_code = :c")
                + " order by a.id")
            .param("school", schoolId).param("grade", grade == null ? "" : grade.name()).param("c", competence == null ? "" : competence)
            .query((rs, n) -> activityView(rs)).list();
    }

    public ActivityView activity(long schoolId, long id, Caller caller) {
        requireSee(schoolId, caller);
        return activityOf(schoolId, id).orElseThrow(() -> new NotFoundException("activity", id));
    }

    private Optional<ActivityView> activityOf(long schoolId, long id) {
        return jdbc.sql(ACTIVITY_SELECT + " where a.school_id = :school and a.id = :id").param("school", schoolId).param("id", id)
            .query((rs, n) -> activityView(rs)).optional();
    }

    private static ActivityView activityView(ResultSet rs) throws SQLException {
        Long teacher = (Long) rs.getObject("teacher_id", Long.class);
        return new ActivityView(rs.getLong("id"), rs.getString("competence_code"), Grade.valueOf(rs.getString("grade")),
            rs.getString("domain"), rs.getString("description"), rs.getString("tool"), Step.valueOf(rs.getString("step")),
            rs.getString("work_form") == null ? null : WorkForm.valueOf(rs.getString("work_form")), teacher,
            teacher == null ? null : rs.getString("first_name") + " " + rs.getString("last_name"), rs.getBoolean("archived"),
            rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    /** The checks of an activity against the line: competence of the framework, grade of the school, teacher of the school. */
    private List<FieldErrorsException.FieldError> check(long schoolId, LineView line, ActivityForm form, String prefix, Caller caller) {
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        var framework = frameworks.byId(line.frameworkId());
        String code = form.competence() == null ? "" : form.competence().strip();
        if (framework.leaves().stream().noneMatch(c -> c.code().equals(code))) {
            errors.add(new FieldErrorsException.FieldError(prefix + "competence", "learning.activity.competence.unknown", code));
        }
        if (form.grade() != null && !line.grades().contains(form.grade())) {
            errors.add(new FieldErrorsException.FieldError(prefix + "grade", "learning.activity.grade.unknown", form.grade().name()));
        }
        if (form.teacher() != null) {
            try {
                if (people.get(schoolId, form.teacher(), caller).kind() == PersonKind.PUPIL) {
                    errors.add(new FieldErrorsException.FieldError(prefix + "teacher", "learning.activity.teacher.unknown"));
                }
            } catch (NotFoundException e) {
                errors.add(new FieldErrorsException.FieldError(prefix + "teacher", "learning.activity.teacher.unknown"));
            }
        }
        return errors;
    }

    @Transactional
    public ActivityView createActivity(long schoolId, @Valid ActivityForm form, Caller caller) {
        caller.requireManage(schoolId);
        var line = requireLine(schoolId, caller);
        var errors = check(schoolId, line, form, "", caller);
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        long id = insert(schoolId, line.id(), form);
        var view = activityOf(schoolId, id).orElseThrow();
        audit.record(ACTIVITY_AUDIT_TYPE, id, schoolId, Action.CREATED, summary(view), Map.of(), activityAudit(view));
        return view;
    }

    private long insert(long schoolId, long lineId, ActivityForm form) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into learning_activity (school_id, line_id, competence_code, grade, domain, description, tool, step,
                  work_form, teacher_id, archived, version, updated_at, updated_by)
                values (:school, :line, :competence, :grade, :domain, :description, :tool, :step, :workForm, :teacher, false, 0,
                  :now, :by)""")
            .param("school", schoolId).param("line", lineId).param("competence", form.competence().strip())
            .param("grade", form.grade().name()).param("domain", form.domain().strip()).param("description", form.description().strip())
            .param("tool", blankToNull(form.tool())).param("step", form.step().name())
            .param("workForm", form.workForm() == null ? null : form.workForm().name()).param("teacher", form.teacher())
            .param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Transactional
    public ActivityView updateActivity(long schoolId, long id, @Valid ActivityForm form, Caller caller) {
        caller.requireManage(schoolId);
        var before = activity(schoolId, id, caller);
        StaleVersionException.check(form.version(), before.version(), before.updatedBy(), before.updatedAt(),
            () -> activityAudit(before));
        var line = requireLine(schoolId, caller);
        var errors = check(schoolId, line, form, "", caller);
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        int updated = jdbc.sql("""
                update learning_activity set competence_code = :competence, grade = :grade, domain = :domain,
                description = :description, tool = :tool, step = :step, work_form = :workForm, teacher_id = :teacher,
                version = version + 1, updated_at = :now, updated_by = :by where id = :id and version = :version""")
            .param("competence", form.competence().strip()).param("grade", form.grade().name()).param("domain", form.domain().strip())
            .param("description", form.description().strip()).param("tool", blankToNull(form.tool())).param("step", form.step().name())
            .param("workForm", form.workForm() == null ? null : form.workForm().name()).param("teacher", form.teacher())
            .param("now", Timestamp.from(now())).param("by", Caller.currentActor()).param("id", id).param("version", form.version())
            .update();
        var after = activityOf(schoolId, id).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), activityAudit(after));
        }
        audit.record(ACTIVITY_AUDIT_TYPE, id, schoolId, Action.UPDATED, summary(after), activityAudit(before), activityAudit(after));
        return after;
    }

    /** Takes an activity out of the line (archived, kept in the history) or back in. */
    @Transactional
    public ActivityView setArchived(long schoolId, long id, boolean archived, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var before = activity(schoolId, id, caller);
        StaleVersionException.check(version, before.version(), before.updatedBy(), before.updatedAt(), () -> activityAudit(before));
        if (before.archived() == archived) {
            return before;
        }
        int updated = jdbc.sql("""
                update learning_activity set archived = :archived, version = version + 1, updated_at = :now, updated_by = :by
                where id = :id and version = :version""")
            .param("archived", archived).param("now", Timestamp.from(now())).param("by", Caller.currentActor()).param("id", id)
            .param("version", version).update();
        var after = activityOf(schoolId, id).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), activityAudit(after));
        }
        audit.record(ACTIVITY_AUDIT_TYPE, id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, summary(after),
            activityAudit(before), activityAudit(after));
        return after;
    }

    /**
     * Replaces the whole line at once: framework, domains and (when given) all activities. Every activity is checked
     * first; with any error nothing changes. Current activities are archived (kept in the history), the given ones created.
     */
    @Transactional
    public LineView replace(long schoolId, Long frameworkId, List<String> domains, List<@Valid ActivityForm> activities,
                            Integer version, Caller caller) {
        caller.requireManage(schoolId);
        if (activities != null && activities.size() > MAX_ACTIVITIES) {
            throw FieldErrorsException.of("activities", "learning.line.activities.tooMany", MAX_ACTIVITIES);
        }
        var line = setUp(schoolId, frameworkId, domains, lineOf(schoolId).isPresent() ? version : null, caller);
        if (activities == null) {
            return line;
        }
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        for (int i = 0; i < activities.size(); i++) {
            errors.addAll(check(schoolId, line, activities.get(i), "activities[" + i + "].", caller));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        var current = activities(schoolId, null, null, caller);
        for (var a : current) {
            jdbc.sql("update learning_activity set archived = true, version = version + 1, updated_at = :now, updated_by = :by where id = :id")
                .param("now", Timestamp.from(now())).param("by", Caller.currentActor()).param("id", a.id()).update();
            audit.record(ACTIVITY_AUDIT_TYPE, a.id(), schoolId, Action.ARCHIVED, summary(a), activityAudit(a),
                activityAudit(new ActivityView(a.id(), a.competence(), a.grade(), a.domain(), a.description(), a.tool(), a.step(),
                    a.workForm(), a.teacher(), a.teacherName(), true, a.version() + 1, a.updatedAt(), a.updatedBy())));
        }
        for (var form : activities) {
            long id = insert(schoolId, line.id(), form);
            var view = activityOf(schoolId, id).orElseThrow();
            audit.record(ACTIVITY_AUDIT_TYPE, id, schoolId, Action.CREATED, summary(view), Map.of(), activityAudit(view));
        }
        return line;
    }

    private static String summary(ActivityView a) {
        return a.competence() + " · " + a.grade().label() + " · " + a.domain();
    }

    private static Map<String, String> activityAudit(ActivityView a) {
        var m = new LinkedHashMap<String, String>();
        m.put("competence", a.competence());
        m.put("grade", a.grade().label());
        m.put("domain", a.domain());
        m.put("description", a.description());
        m.put("tool", a.tool() == null ? "" : a.tool());
        m.put("step", a.step().name());
        m.put("workForm", a.workForm() == null ? "" : a.workForm().name());
        m.put("teacher", a.teacherName() == null ? "" : a.teacherName());
        m.put("archived", Boolean.toString(a.archived()));
        return m;
    }

    public List<AuditTrail.Entry> activityHistory(long schoolId, long id, Caller caller) {
        activity(schoolId, id, caller);
        return audit.history(ACTIVITY_AUDIT_TYPE, id);
    }

    // ---- analysis ----

    /** The analysis of the school's learning line; names of competences in Dutch or (english) English. */
    public Analysis analysis(long schoolId, boolean english, Caller caller) {
        var line = requireLine(schoolId, caller);
        var framework = frameworks.byId(line.frameworkId());
        var competences = framework.leaves().stream()
            .map(c -> new LineAnalysis.Competence(c.code(), english ? c.nameEn() : c.name())).toList();
        var activities = jdbc.sql("""
                select competence_code, grade, domain, step, work_form from learning_activity
                where school_id = :school and line_id = :line and archived = false""")
            .param("school", schoolId).param("line", line.id())
            .query((rs, n) -> new LineAnalysis.Activity(rs.getString("competence_code"), Grade.valueOf(rs.getString("grade")),
                rs.getString("domain"), Step.valueOf(rs.getString("step")),
                rs.getString("work_form") == null ? null : WorkForm.valueOf(rs.getString("work_form"))))
            .list();
        var result = LineAnalysis.analyse(competences, line.grades(), line.domains(), activities);
        var counts = new java.util.EnumMap<LineFinding.Severity, Long>(LineFinding.Severity.class);
        result.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return new Analysis(line.framework(), result.findings(), counts,
            new Coverage(result.covered(), result.mastered(), result.total(), result.coveragePercent()),
            result.perGrade(), result.perDomain(), result.perWorkForm(), result.heat(), LineAnalysis.BALANCE_PERCENT);
    }

    /** Competences with activities, mastered ones, all competences, and the share with activities in percent. */
    public record Coverage(int covered, int mastered, int total, int percent) {}

    /**
     * The analysis: findings (most serious first) and their counts, coverage, activities per grade / domain / work form,
     * the heat map (competence → grade → number of activities and highest step), and the balance threshold used.
     */
    public record Analysis(String framework, List<LineFinding> findings, Map<LineFinding.Severity, Long> counts, Coverage coverage,
                           Map<Grade, Integer> perGrade, Map<String, Integer> perDomain, Map<WorkForm, Integer> perWorkForm,
                           Map<String, Map<Grade, LineAnalysis.Cell>> heat, int balancePercent) {}

    /** The coverage of the school's line for the home page, if it has one. */
    public Optional<Coverage> coverage(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId) || lineOf(schoolId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(analysis(schoolId, false, caller).coverage());
    }

    /**
     * The line (or one grade of it) as CSV for the team and the inspection: one row per activity, by competence (in the
     * framework's order) and grade; Belgian Excel dialect (; and UTF-8 with BOM), Dutch headers and values.
     */
    public byte[] exportCsv(long schoolId, Grade grade, Caller caller) {
        var line = requireLine(schoolId, caller);
        var framework = frameworks.byId(line.frameworkId());
        var order = new java.util.HashMap<String, Integer>();
        var names = new java.util.HashMap<String, String>();
        var leaves = framework.leaves();
        for (int i = 0; i < leaves.size(); i++) {
            order.put(leaves.get(i).code(), i);
            names.put(leaves.get(i).code(), leaves.get(i).name());
        }
        var list = new ArrayList<>(activities(schoolId, grade, null, caller));
        list.sort(java.util.Comparator.<ActivityView>comparingInt(a -> order.getOrDefault(a.competence(), Integer.MAX_VALUE))
            .thenComparing(ActivityView::grade).thenComparing(ActivityView::step));
        var nl = java.util.Locale.forLanguageTag("nl");
        var out = new java.io.StringWriter();
        out.write('\uFEFF');
        var format = org.apache.commons.csv.CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
        try (var printer = new org.apache.commons.csv.CSVPrinter(out, format)) {
            printer.printRecord("Code", "Competentie", "Leerjaar", "Leerdomein", "Activiteit", "Hulpmiddel", "Stap", "Werkvorm",
                "Klastitularis");
            for (var a : list) {
                printer.printRecord(a.competence(), names.getOrDefault(a.competence(), ""), a.grade().label(), a.domain(),
                    a.description(), a.tool() == null ? "" : a.tool(), messages.getMessage("learning.step." + a.step(), null, nl),
                    a.workForm() == null ? "" : messages.getMessage("learning.workForm." + a.workForm(), null, nl),
                    a.teacherName() == null ? "" : a.teacherName());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The line as PDF: the matrix and every grade's plan, or (grade given) the one-page plan of that grade. */
    public byte[] exportPdf(long schoolId, Grade grade, java.util.Locale locale, Caller caller) {
        var line = requireLine(schoolId, caller);
        if (grade != null && !line.grades().contains(grade)) {
            throw FieldErrorsException.of("grade", "learning.activity.grade.unknown", grade.name());
        }
        boolean english = "en".equals(locale.getLanguage());
        return pdf.line(schools.byId(schoolId).name(), line, frameworks.byId(line.frameworkId()), analysis(schoolId, english, caller),
            activities(schoolId, grade, null, caller), grade, locale);
    }

    /** The analysis with its findings as PDF. */
    public byte[] analysisPdf(long schoolId, java.util.Locale locale, Caller caller) {
        var a = analysis(schoolId, "en".equals(locale.getLanguage()), caller);
        return pdf.analysis(schools.byId(schoolId).name(), a, pdf.findingTexts(a.findings(), locale), locale);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.instant();
    }
}
