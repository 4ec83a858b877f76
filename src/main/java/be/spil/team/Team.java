package be.spil.team;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Organisations;
import be.spil.directory.People;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The team module's API: a school's task list (the catalog with its renames and retirements, plus its own tasks), the
 * team of a school year, the task division and the coverage analysis. Everybody of a school reads; central admins and
 * the school's ICT coordinators and directors change. Later modules ask {@link #responsibleFor} who carries a task.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Team {
    /** School weeks in a year: hours per week times this are hours per year. */
    public static final int SCHOOL_WEEKS = 37;
    /** More hours than this on one assignment or one funding source of a member are refused. */
    public static final double MAX_HOURS = 2000;
    static final String TASK_AUDIT_TYPE = "team-task";
    static final String MEMBER_AUDIT_TYPE = "team-member";
    static final String ASSIGNMENT_AUDIT_TYPE = "team-assignment";

    /**
     * Codes of catalog tasks other modules ask about. The catalog ships them (V61) and they are stable: a school renames
     * or retires a task, it never changes its code.
     */
    public static final class Tasks {
        /** A helpdesk: set up and maintain it (helpdesk module: who triages). */
        public static final String HELPDESK = "T03";
        /** First-line help for colleagues' basic skills (helpdesk: whom a new ticket goes to first). */
        public static final String FIRST_LINE_HELP = "T04";
        /** Backup strategy with archiving (continuity, inventory: who answers for backups). */
        public static final String BACKUPS = "T09";
        /** Emergency procedure, e.g. after a cyber attack (continuity: whom to call). */
        public static final String EMERGENCY_PROCEDURE = "T10";

        private Tasks() {}
    }

    /**
     * Who carries a task in a school year: the responsible member and the person (directory) or organisation behind
     * them, and the backups as member ids. For people to contact use {@link #carriers}, which also resolves the backups.
     */
    public record Responsible(long memberId, Long personId, Long organisationId, List<Long> backupMemberIds) {}

    /** A member who carries a task, as another module needs them: person or organisation id (one of both) and name. */
    public record Carrier(long memberId, Long personId, Long organisationId, String name) {}

    /** Who carries a task: the responsible (null when nobody) and the backups in order, for helpdesk, policy and the like. */
    public record Carriers(String task, Carrier responsible, List<Carrier> backups) {
        /** The responsible first, then the backups: whom to ask, in order. */
        public List<Carrier> inOrder() {
            var list = new ArrayList<Carrier>();
            if (responsible != null) {
                list.add(responsible);
            }
            list.addAll(backups);
            return list;
        }
    }

    /** A competence the guide asks for a cluster (cluster null: a generic competence of the job description). */
    public record Competence(Cluster cluster, String name, String nameEn) {}

    /** A cluster of the catalog with the education level the guide prefers. */
    public record ClusterInfo(Cluster cluster, String name, String nameEn, String education, String educationEn) {}

    private final JdbcClient jdbc;
    private final SchoolCalendar calendar;
    private final People people;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Clock clock;

    Team(JdbcClient jdbc, SchoolCalendar calendar, People people, Organisations organisations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.people = people;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- for other modules (no caller: they have checked the caller against the school) ----

    /** Who is responsible for this task (catalog or own code) in the current school year, if anybody is. */
    public Optional<Responsible> responsibleFor(long schoolId, String taskCode) {
        return calendar.currentSchoolYear().flatMap(y -> responsibleFor(schoolId, y.id(), taskCode));
    }

    /** Who is responsible for this task in this school year, if anybody is. */
    public Optional<Responsible> responsibleFor(long schoolId, long schoolYearId, String taskCode) {
        return assignmentsOf(schoolId, schoolYearId).stream()
            .filter(a -> a.task().equals(taskCode) && a.responsible() != null)
            .findFirst()
            .flatMap(a -> jdbc.sql("select person_id, organisation_id from team_member where id = :id")
                .param("id", a.responsible())
                .query((rs, n) -> new Responsible(a.responsible(), (Long) rs.getObject("person_id", Long.class),
                    (Long) rs.getObject("organisation_id", Long.class), a.backups()))
                .optional());
    }

    /**
     * Who carries this task (catalog or own code, e.g. {@link Tasks#FIRST_LINE_HELP}) in the current school year: the
     * responsible and the backups with their person or organisation. Empty when there is no current school year or the
     * task is not divided. No caller: the calling module has checked its caller against the school.
     */
    public Optional<Carriers> carriers(long schoolId, String taskCode) {
        return calendar.currentSchoolYear().flatMap(y -> carriers(schoolId, y.id(), taskCode));
    }

    /** Who carries this task in this school year; empty when it is not divided. */
    public Optional<Carriers> carriers(long schoolId, long schoolYearId, String taskCode) {
        var assignment = assignmentsOf(schoolId, schoolYearId).stream().filter(a -> a.task().equalsIgnoreCase(taskCode)).findFirst();
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        var a = assignment.get();
        var rows = jdbc.sql("select * from team_member where school_id = :school and school_year_id = :year")
            .param("school", schoolId).param("year", schoolYearId).query((rs, n) -> memberRow(rs)).list();
        var byId = new HashMap<Long, Carrier>();
        for (var r : rows) {
            String name = r.personId() != null
                ? people.identityById(r.personId()).map(be.spil.directory.Identity::name).orElse("")
                : organisations.get(r.organisationId()).name();
            byId.put(r.id(), new Carrier(r.id(), r.personId(), r.organisationId(), name));
        }
        return Optional.of(new Carriers(a.task(), a.responsible() == null ? null : byId.get(a.responsible()),
            a.backups().stream().map(byId::get).filter(c -> c != null).toList()));
    }

    // ---- school years ----

    /** The school year by name, or (name null or blank) the current one, or else the newest. */
    public SchoolYearView year(String name) {
        return calendar.yearOrCurrent(name);
    }

    public List<SchoolYearView> years() {
        return calendar.schoolYears();
    }

    // ---- catalog and tasks ----

    public List<ClusterInfo> clusters() {
        return jdbc.sql("select * from team_cluster order by sort_order")
            .query((rs, n) -> new ClusterInfo(Cluster.valueOf(rs.getString("code")), rs.getString("name_nl"), rs.getString("name_en"),
                rs.getString("preferred_education_nl"), rs.getString("preferred_education_en")))
            .list();
    }

    public List<Competence> competences() {
        return jdbc.sql("select * from team_competence order by cluster nulls last, sort_order")
            .query((rs, n) -> new Competence(rs.getString("cluster") == null ? null : Cluster.valueOf(rs.getString("cluster")),
                rs.getString("name_nl"), rs.getString("name_en")))
            .list();
    }

    /** The school's tasks: the catalog as the school named it and its own, by cluster; retired ones only when asked. */
    public List<TaskView> tasks(long schoolId, boolean includeRetired, Caller caller) {
        requireSee(schoolId, caller);
        return tasks(schoolId).stream().filter(t -> includeRetired || !t.retired()).toList();
    }

    private List<TaskView> tasks(long schoolId) {
        return jdbc.sql("""
                select t.*, o.name_nl as o_nl, o.name_en as o_en, o.retired as o_retired, o.version as o_version,
                  o.updated_at as o_at, o.updated_by as o_by
                from team_task t join team_cluster c on c.code = t.cluster
                left join team_task_override o on o.task_id = t.id and o.school_id = :school
                where t.school_id is null or t.school_id = :school
                order by c.sort_order, t.school_id nulls first, t.sort_order, t.code""")
            .param("school", schoolId)
            .query((rs, n) -> taskView(rs)).list();
    }

    private Optional<TaskView> task(long schoolId, String code) {
        return tasks(schoolId).stream().filter(t -> t.code().equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }

    public TaskView task(long schoolId, String code, Caller caller) {
        requireSee(schoolId, caller);
        return task(schoolId, code).orElseThrow(() -> new NotFoundException("task", code));
    }

    @Transactional
    public TaskView createTask(long schoolId, @Valid TaskForm form, Caller caller) {
        caller.requireManage(schoolId);
        String code = form.code().trim();
        if (task(schoolId, code).isPresent()) {
            throw FieldErrorsException.conflict("code", "team.task.code.taken", code);
        }
        String nameEn = form.nameEn() == null || form.nameEn().isBlank() ? form.name().trim() : form.nameEn().trim();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into team_task (school_id, code, cluster, name_nl, name_en, levels, version, updated_at, updated_by)
                values (:school, :code, :cluster, :name, :nameEn, :levels, 0, :now, :by)""")
            .param("school", schoolId).param("code", code).param("cluster", form.cluster().name())
            .param("name", form.name().trim()).param("nameEn", nameEn).param("levels", levels(form.levels()))
            .param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .update(keys, "id");
        long id = keys.getKey().longValue();
        var view = task(schoolId, code).orElseThrow();
        audit.record(TASK_AUDIT_TYPE, id, schoolId, Action.CREATED, code, Map.of(), taskAudit(view));
        return view;
    }

    /** Renames a task (in Dutch and/or English) or retires or restores it; catalog tasks change for this school only. */
    @Transactional
    public TaskView patchTask(long schoolId, String code, String name, String nameEn, Boolean retired, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var task = task(schoolId, code).orElseThrow(() -> new NotFoundException("task", code));
        StaleVersionException.check(version, task.version(), task.updatedBy(), task.updatedAt(), () -> taskAudit(task));
        if (name != null && name.isBlank()) {
            throw FieldErrorsException.of("name", "team.task.name.blank");
        }
        if ((name != null && name.trim().length() > 300) || (nameEn != null && nameEn.trim().length() > 300)) {
            throw FieldErrorsException.of(name != null && name.trim().length() > 300 ? "name" : "nameEn", "team.task.name.long");
        }
        String newName = name == null ? task.name() : name.trim();
        String newEn = nameEn == null || nameEn.isBlank() ? task.nameEn() : nameEn.trim();
        boolean newRetired = retired == null ? task.retired() : retired;
        int updated;
        if (task.own()) {
            updated = jdbc.sql("""
                    update team_task set name_nl = :name, name_en = :en, retired = :retired, version = version + 1,
                    updated_at = :now, updated_by = :by where id = :id and version = :version""")
                .param("name", newName).param("en", newEn).param("retired", newRetired).param("now", Timestamp.from(now()))
                .param("by", Caller.currentActor()).param("id", task.id()).param("version", version).update();
        } else if (task.version() == 0 && !hasOverride(schoolId, task.id())) {
            updated = jdbc.sql("""
                    insert into team_task_override (school_id, task_id, name_nl, name_en, retired, version, updated_at, updated_by)
                    values (:school, :id, :name, :en, :retired, 1, :now, :by)""")
                .param("school", schoolId).param("id", task.id()).param("name", newName).param("en", newEn)
                .param("retired", newRetired).param("now", Timestamp.from(now())).param("by", Caller.currentActor()).update();
        } else {
            updated = jdbc.sql("""
                    update team_task_override set name_nl = :name, name_en = :en, retired = :retired, version = version + 1,
                    updated_at = :now, updated_by = :by where school_id = :school and task_id = :id and version = :version""")
                .param("name", newName).param("en", newEn).param("retired", newRetired).param("now", Timestamp.from(now()))
                .param("by", Caller.currentActor()).param("school", schoolId).param("id", task.id()).param("version", version).update();
        }
        var after = task(schoolId, code).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), taskAudit(after));
        }
        var action = task.retired() == after.retired() ? Action.UPDATED : after.retired() ? Action.ARCHIVED : Action.RESTORED;
        audit.record(TASK_AUDIT_TYPE, task.id(), schoolId, action, task.code(), taskAudit(task), taskAudit(after));
        return after;
    }

    private boolean hasOverride(long schoolId, long taskId) {
        return jdbc.sql("select count(*) from team_task_override where school_id = :school and task_id = :id")
            .param("school", schoolId).param("id", taskId).query(Long.class).single() > 0;
    }

    // ---- members ----

    /** The active members of a school year's team, by name. */
    public List<MemberView> members(long schoolId, long yearId, Caller caller) {
        return members(schoolId, yearId, false, caller);
    }

    /** The members of a school year's team, by name; those who left the team (archived) only when asked. */
    public List<MemberView> members(long schoolId, long yearId, boolean includeArchived, Caller caller) {
        requireSee(schoolId, caller);
        return membersOf(schoolId, yearId, caller).stream().filter(m -> includeArchived || !m.archived()).toList();
    }

    /** Takes a member out of the team (archived) or back in; a member who still carries tasks cannot leave. */
    @Transactional
    public MemberView setMemberArchived(long schoolId, long memberId, boolean archived, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var before = member(schoolId, memberId, caller);
        StaleVersionException.check(version, before.version(), before.updatedBy(), before.updatedAt(), () -> memberAudit(before));
        if (before.archived() == archived) {
            return before;
        }
        if (archived) {
            long carried = jdbc.sql("""
                    select count(*) from team_assignment a where a.responsible_id = :id
                    or exists (select 1 from team_assignment_backup b where b.assignment_id = a.id and b.member_id = :id)""")
                .param("id", memberId).query(Long.class).single();
            if (carried > 0) {
                throw FieldErrorsException.of("archived", "team.member.carriesTasks", carried);
            }
        }
        int updated = jdbc.sql("""
                update team_member set archived = :archived, version = version + 1, updated_at = :now, updated_by = :by
                where id = :id and version = :version""")
            .param("archived", archived).param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .param("id", memberId).param("version", version).update();
        var after = member(schoolId, memberId, caller);
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), memberAudit(after));
        }
        audit.record(MEMBER_AUDIT_TYPE, memberId, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, after.name(),
            memberAudit(before), memberAudit(after));
        return after;
    }

    public MemberView member(long schoolId, long memberId, Caller caller) {
        requireSee(schoolId, caller);
        return memberRow(schoolId, memberId).map(r -> r.view(this, schoolId, caller))
            .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    @Transactional
    public MemberView createMember(long schoolId, long yearId, @Valid MemberForm form, Caller caller) {
        caller.requireManage(schoolId);
        checkWho(schoolId, form, caller);
        var hours = hours(form);
        boolean taken = jdbc.sql("""
                select count(*) from team_member where school_id = :school and school_year_id = :year
                and (person_id = :person or organisation_id = :org)""")
            .param("school", schoolId).param("year", yearId).param("person", form.person()).param("org", form.organisation())
            .query(Long.class).single() > 0;
        if (taken) {
            throw FieldErrorsException.conflict(form.person() != null ? "person" : "organisation", "team.member.taken");
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into team_member (school_id, school_year_id, person_id, organisation_id, profile, education, ict_hours,
                bpt_hours, operating_hours, points_hours, other_hours, version, created_at, updated_at, updated_by)
                values (:school, :year, :person, :org, :profile, :education, :ict, :bpt, :operating, :points, :other, 0, :now, :now, :by)""")
            .param("school", schoolId).param("year", yearId).param("person", form.person()).param("org", form.organisation())
            .param("profile", profile(form.profile())).param("education", form.education().name())
            .param("ict", hours.get(FundingSource.ICT_HOURS)).param("bpt", hours.get(FundingSource.BPT_HOURS))
            .param("operating", hours.get(FundingSource.OPERATING_FUNDS)).param("points", hours.get(FundingSource.POINTS_ENVELOPE))
            .param("other", hours.get(FundingSource.OTHER)).param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .update(keys, "id");
        long id = keys.getKey().longValue();
        var view = member(schoolId, id, caller);
        audit.record(MEMBER_AUDIT_TYPE, id, schoolId, Action.CREATED, view.name(), Map.of(), memberAudit(view));
        return view;
    }

    /** Changes a member's profile, education and hours (who the member is stays). */
    @Transactional
    public MemberView updateMember(long schoolId, long memberId, @Valid MemberForm form, Caller caller) {
        caller.requireManage(schoolId);
        var before = member(schoolId, memberId, caller);
        StaleVersionException.check(form.version(), before.version(), before.updatedBy(), before.updatedAt(), () -> memberAudit(before));
        var hours = hours(form);
        int updated = jdbc.sql("""
                update team_member set profile = :profile, education = :education, ict_hours = :ict, bpt_hours = :bpt,
                operating_hours = :operating, points_hours = :points, other_hours = :other, version = version + 1,
                updated_at = :now, updated_by = :by where id = :id and version = :version""")
            .param("profile", profile(form.profile())).param("education", form.education().name())
            .param("ict", hours.get(FundingSource.ICT_HOURS)).param("bpt", hours.get(FundingSource.BPT_HOURS))
            .param("operating", hours.get(FundingSource.OPERATING_FUNDS)).param("points", hours.get(FundingSource.POINTS_ENVELOPE))
            .param("other", hours.get(FundingSource.OTHER)).param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .param("id", memberId).param("version", form.version()).update();
        var after = member(schoolId, memberId, caller);
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), memberAudit(after));
        }
        audit.record(MEMBER_AUDIT_TYPE, memberId, schoolId, Action.UPDATED, after.name(), memberAudit(before), memberAudit(after));
        return after;
    }

    private void checkWho(long schoolId, MemberForm form, Caller caller) {
        if ((form.person() == null) == (form.organisation() == null)) {
            throw FieldErrorsException.of("person", "team.member.who");
        }
        try {
            if (form.person() != null) {
                if (people.get(schoolId, form.person(), caller).kind() == be.spil.directory.PersonKind.PUPIL) {
                    throw FieldErrorsException.of("person", "team.member.pupil");
                }
            } else {
                organisations.get(form.organisation());
            }
        } catch (NotFoundException e) {
            throw FieldErrorsException.of(form.person() != null ? "person" : "organisation", "team.member.unknown");
        }
    }

    /** The form's hours per year per funding source, with weeks converted; more than {@link #MAX_HOURS} is refused. */
    private static Map<FundingSource, BigDecimal> hours(MemberForm form) {
        int factor = form.unit() == MemberForm.HoursUnit.WEEK ? SCHOOL_WEEKS : 1;
        var given = new LinkedHashMap<String, Double>();
        given.put("ictHours", form.ictHours());
        given.put("bptHours", form.bptHours());
        given.put("operatingHours", form.operatingHours());
        given.put("pointsHours", form.pointsHours());
        given.put("otherHours", form.otherHours());
        var result = new EnumMap<FundingSource, BigDecimal>(FundingSource.class);
        var sources = FundingSource.values();
        int i = 0;
        var errors = new ArrayList<FieldErrorsException.FieldError>();
        for (var e : given.entrySet()) {
            double value = e.getValue() == null ? 0 : e.getValue() * factor;
            if (value < 0 || value > MAX_HOURS || Double.isNaN(value)) {
                errors.add(new FieldErrorsException.FieldError(e.getKey(), "team.hours.absurd", (long) MAX_HOURS));
            }
            result.put(sources[i++], BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        return result;
    }

    private record MemberRow(long id, long yearId, Long personId, Long organisationId, Set<Cluster> profile, Education education,
                             Map<FundingSource, Double> hours, boolean archived, int version, Instant updatedAt, String updatedBy) {
        MemberView view(Team team, long schoolId, Caller caller) {
            String name;
            boolean coordinator = false;
            if (personId != null) {
                var person = team.people.get(schoolId, personId, caller);
                name = person.name();
                coordinator = person.roles().contains(Role.ICT_COORDINATOR);
            } else {
                name = team.organisations.get(organisationId).name();
            }
            double total = hours.values().stream().mapToDouble(Double::doubleValue).sum();
            return new MemberView(id, yearId, personId, organisationId, name, coordinator, profile, education, hours, total, archived,
                version, updatedAt, updatedBy);
        }
    }

    private Optional<MemberRow> memberRow(long schoolId, long memberId) {
        return jdbc.sql("select * from team_member where school_id = :school and id = :id")
            .param("school", schoolId).param("id", memberId).query((rs, n) -> memberRow(rs)).optional();
    }

    private List<MemberView> membersOf(long schoolId, long yearId, Caller caller) {
        return jdbc.sql("select * from team_member where school_id = :school and school_year_id = :year order by id")
            .param("school", schoolId).param("year", yearId).query((rs, n) -> memberRow(rs)).list()
            .stream().map(r -> r.view(this, schoolId, caller))
            .sorted(Comparator.comparing(MemberView::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static MemberRow memberRow(ResultSet rs) throws SQLException {
        var hours = new EnumMap<FundingSource, Double>(FundingSource.class);
        hours.put(FundingSource.ICT_HOURS, rs.getDouble("ict_hours"));
        hours.put(FundingSource.BPT_HOURS, rs.getDouble("bpt_hours"));
        hours.put(FundingSource.OPERATING_FUNDS, rs.getDouble("operating_hours"));
        hours.put(FundingSource.POINTS_ENVELOPE, rs.getDouble("points_hours"));
        hours.put(FundingSource.OTHER, rs.getDouble("other_hours"));
        return new MemberRow(rs.getLong("id"), rs.getLong("school_year_id"), (Long) rs.getObject("person_id", Long.class),
            (Long) rs.getObject("organisation_id", Long.class), clusters(rs.getString("profile")),
            Education.valueOf(rs.getString("education")), hours, rs.getBoolean("archived"), rs.getInt("version"),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getString("updated_by"));
    }

    // ---- assignments ----

    public List<AssignmentView> assignments(long schoolId, long yearId, Caller caller) {
        requireSee(schoolId, caller);
        return assignmentsOf(schoolId, yearId);
    }

    public AssignmentView assignment(long schoolId, long id, Caller caller) {
        requireSee(schoolId, caller);
        return assignmentById(schoolId, id).orElseThrow(() -> new NotFoundException("assignment", id));
    }

    @Transactional
    public AssignmentView createAssignment(long schoolId, long yearId, @Valid AssignmentForm form, Caller caller) {
        caller.requireManage(schoolId);
        var task = task(schoolId, form.task()).filter(t -> !t.retired())
            .orElseThrow(() -> FieldErrorsException.of("task", "team.assignment.task.unknown"));
        var backups = checkMembers(schoolId, yearId, form);
        if (assignmentsOf(schoolId, yearId).stream().anyMatch(a -> a.task().equals(task.code()))) {
            throw FieldErrorsException.conflict("task", "team.assignment.taken", task.code());
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into team_assignment (school_id, school_year_id, task_id, responsible_id, level, funding, hours, version,
                created_at, updated_at, updated_by)
                values (:school, :year, :task, :responsible, :level, :funding, :hours, 0, :now, :now, :by)""")
            .param("school", schoolId).param("year", yearId).param("task", task.id()).param("responsible", form.responsible())
            .param("level", form.level().name()).param("funding", form.funding().name()).param("hours", hoursOf(form))
            .param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .update(keys, "id");
        long id = keys.getKey().longValue();
        writeBackups(id, backups);
        var view = assignmentById(schoolId, id).orElseThrow();
        audit.record(ASSIGNMENT_AUDIT_TYPE, id, schoolId, Action.CREATED, task.code(), Map.of(), assignmentAudit(view));
        return view;
    }

    /** Changes responsible, backups, level, funding and hours of an assignment (its task stays). */
    @Transactional
    public AssignmentView updateAssignment(long schoolId, long id, @Valid AssignmentForm form, Caller caller) {
        caller.requireManage(schoolId);
        var before = assignment(schoolId, id, caller);
        StaleVersionException.check(form.version(), before.version(), before.updatedBy(), before.updatedAt(),
            () -> assignmentAudit(before));
        var backups = checkMembers(schoolId, before.schoolYearId(), form);
        int updated = jdbc.sql("""
                update team_assignment set responsible_id = :responsible, level = :level, funding = :funding, hours = :hours,
                version = version + 1, updated_at = :now, updated_by = :by where id = :id and version = :version""")
            .param("responsible", form.responsible()).param("level", form.level().name()).param("funding", form.funding().name())
            .param("hours", hoursOf(form)).param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .param("id", id).param("version", form.version()).update();
        if (updated == 0) {
            var current = assignment(schoolId, id, caller);
            throw new StaleVersionException(current.updatedBy(), current.updatedAt(), current.version(), assignmentAudit(current));
        }
        jdbc.sql("delete from team_assignment_backup where assignment_id = :id").param("id", id).update();
        writeBackups(id, backups);
        var after = assignment(schoolId, id, caller);
        audit.record(ASSIGNMENT_AUDIT_TYPE, id, schoolId, Action.UPDATED, before.task(), assignmentAudit(before), assignmentAudit(after));
        return after;
    }

    /**
     * Sets who carries a task in a school year, as the matrix edits it: responsible, backups and (when given) hours. A
     * task not divided yet gets an assignment at the level the guide names first among core, other and central, funded
     * from ICT hours; an existing one keeps its level and funding. The same rules hold as for every write: members of that
     * year's team only, hours 0 to {@link #MAX_HOURS}, a stale version answers 409.
     */
    @Transactional
    public AssignmentView divide(long schoolId, long yearId, String taskCode, Long responsible, List<Long> backups, Double hours,
                                 Integer version, Caller caller) {
        caller.requireManage(schoolId);
        var existing = assignmentsOf(schoolId, yearId).stream().filter(a -> a.task().equalsIgnoreCase(taskCode)).findFirst();
        var list = backups == null ? List.<Long>of() : backups;
        if (existing.isPresent()) {
            var a = existing.get();
            return updateAssignment(schoolId, a.id(), new AssignmentForm(a.task(), responsible, list, a.level(), a.funding(),
                hours == null ? a.hours() : hours, version), caller);
        }
        var task = task(schoolId, taskCode).filter(t -> !t.retired())
            .orElseThrow(() -> FieldErrorsException.of("task", "team.assignment.task.unknown"));
        var level = task.levels().contains(Level.CORE) ? Level.CORE : task.levels().contains(Level.OTHER) ? Level.OTHER : Level.CENTRAL;
        return createAssignment(schoolId, yearId, new AssignmentForm(task.code(), responsible, list, level, FundingSource.ICT_HOURS,
            hours == null ? 0.0 : hours, null), caller);
    }

    private static BigDecimal hoursOf(AssignmentForm form) {
        if (form.hours() < 0 || form.hours() > MAX_HOURS || form.hours().isNaN()) {
            throw FieldErrorsException.of("hours", "team.hours.absurd", (long) MAX_HOURS);
        }
        return BigDecimal.valueOf(form.hours()).setScale(1, RoundingMode.HALF_UP);
    }

    /** The responsible and the backups must be members of that year's team; the backups without the responsible. */
    private Set<Long> checkMembers(long schoolId, long yearId, AssignmentForm form) {
        var team = jdbc.sql("select id from team_member where school_id = :school and school_year_id = :year and archived = false")
            .param("school", schoolId).param("year", yearId).query(Long.class).set();
        if (form.responsible() != null && !team.contains(form.responsible())) {
            throw FieldErrorsException.of("responsible", "team.assignment.notMember");
        }
        var backups = new LinkedHashSet<Long>(form.backups() == null ? List.of() : form.backups());
        if (backups.contains(null) || !team.containsAll(backups)) {
            throw FieldErrorsException.of("backups", "team.assignment.notMember");
        }
        backups.remove(form.responsible());
        return backups;
    }

    private void writeBackups(long assignmentId, Set<Long> backups) {
        for (long member : backups) {
            jdbc.sql("insert into team_assignment_backup (assignment_id, member_id) values (:a, :m)")
                .param("a", assignmentId).param("m", member).update();
        }
    }

    private static final String ASSIGNMENT_SQL = """
        select a.*, t.code, t.cluster,
          (select string_agg(cast(b.member_id as varchar), ',') from team_assignment_backup b where b.assignment_id = a.id) as backup_ids
        from team_assignment a join team_task t on t.id = a.task_id
        where a.school_id = :school""";

    private List<AssignmentView> assignmentsOf(long schoolId, long yearId) {
        return jdbc.sql(ASSIGNMENT_SQL + " and a.school_year_id = :year order by t.cluster, t.code")
            .param("school", schoolId).param("year", yearId).query((rs, n) -> assignmentView(rs)).list();
    }

    private Optional<AssignmentView> assignmentById(long schoolId, long id) {
        return jdbc.sql(ASSIGNMENT_SQL + " and a.id = :id").param("school", schoolId).param("id", id)
            .query((rs, n) -> assignmentView(rs)).optional();
    }

    private static AssignmentView assignmentView(ResultSet rs) throws SQLException {
        String ids = rs.getString("backup_ids");
        var backups = ids == null || ids.isBlank() ? List.<Long>of()
            : Arrays.stream(ids.split(",")).map(String::trim).map(Long::valueOf).sorted().toList();
        return new AssignmentView(rs.getLong("id"), rs.getLong("school_year_id"), rs.getString("code"),
            Cluster.valueOf(rs.getString("cluster")), (Long) rs.getObject("responsible_id", Long.class), backups,
            Level.valueOf(rs.getString("level")), FundingSource.valueOf(rs.getString("funding")), rs.getDouble("hours"),
            rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    // ---- school years: copy and compare ----

    /** What a copy made: how many members and assignments, and the assignments whose responsible did not come along. */
    public record CopyResult(String from, String to, int members, int assignments, int withoutResponsible) {}

    /**
     * Copies a school year's team (members still in it) and division (tasks not retired) into another school year, so a
     * school starts the new year from last year's and adjusts. Refused when the target year already has a member or an
     * assignment, when both years are the same and when the source year has nothing to copy; nothing is written then.
     */
    @Transactional
    public CopyResult copyDivision(long schoolId, long fromYearId, long toYearId, Caller caller) {
        caller.requireManage(schoolId);
        var from = yearById(fromYearId, "from");
        var to = yearById(toYearId, "to");
        if (fromYearId == toYearId) {
            throw FieldErrorsException.of("to", "team.copy.sameYear");
        }
        long existing = jdbc.sql("""
                select (select count(*) from team_member where school_id = :school and school_year_id = :year)
                     + (select count(*) from team_assignment where school_id = :school and school_year_id = :year)""")
            .param("school", schoolId).param("year", toYearId).query(Long.class).single();
        if (existing > 0) {
            throw FieldErrorsException.conflict("to", "team.copy.targetHasDivision", to.name());
        }
        var members = jdbc.sql("select * from team_member where school_id = :school and school_year_id = :year and archived = false order by id")
            .param("school", schoolId).param("year", fromYearId).query((rs, n) -> memberRow(rs)).list();
        if (members.isEmpty()) {
            throw FieldErrorsException.of("from", "team.copy.sourceEmpty", from.name());
        }
        var newIds = new HashMap<Long, Long>();
        var stamp = Timestamp.from(now());
        for (var m : members) {
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into team_member (school_id, school_year_id, person_id, organisation_id, profile, education, ict_hours,
                    bpt_hours, operating_hours, points_hours, other_hours, version, created_at, updated_at, updated_by)
                    select school_id, :to, person_id, organisation_id, profile, education, ict_hours, bpt_hours, operating_hours,
                    points_hours, other_hours, 0, :now, :now, :by from team_member where id = :id""")
                .param("to", toYearId).param("now", stamp).param("by", Caller.currentActor()).param("id", m.id())
                .update(keys, "id");
            long id = keys.getKey().longValue();
            newIds.put(m.id(), id);
            var view = member(schoolId, id, caller);
            audit.record(MEMBER_AUDIT_TYPE, id, schoolId, Action.CREATED, view.name() + " (" + from.name() + ")", Map.of(), memberAudit(view));
        }
        var active = tasks(schoolId).stream().filter(t -> !t.retired()).map(TaskView::code).collect(Collectors.toSet());
        int copied = 0;
        int withoutResponsible = 0;
        for (var a : assignmentsOf(schoolId, fromYearId)) {
            if (!active.contains(a.task())) {
                continue;
            }
            Long responsible = a.responsible() == null ? null : newIds.get(a.responsible());
            if (a.responsible() != null && responsible == null) {
                withoutResponsible++;
            }
            var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                    insert into team_assignment (school_id, school_year_id, task_id, responsible_id, level, funding, hours, version,
                    created_at, updated_at, updated_by)
                    select school_id, :to, task_id, :responsible, level, funding, hours, 0, :now, :now, :by
                    from team_assignment where id = :id""")
                .param("to", toYearId).param("responsible", responsible).param("now", stamp).param("by", Caller.currentActor())
                .param("id", a.id()).update(keys, "id");
            long id = keys.getKey().longValue();
            var backups = new LinkedHashSet<Long>();
            a.backups().stream().map(newIds::get).filter(b -> b != null && !b.equals(responsible)).forEach(backups::add);
            writeBackups(id, backups);
            var view = assignmentById(schoolId, id).orElseThrow();
            audit.record(ASSIGNMENT_AUDIT_TYPE, id, schoolId, Action.CREATED, a.task() + " (" + from.name() + ")", Map.of(),
                assignmentAudit(view));
            copied++;
        }
        return new CopyResult(from.name(), to.name(), members.size(), copied, withoutResponsible);
    }

    /** How a task's division differs between two school years. */
    public enum Change { ADDED, REMOVED, MOVED, HOURS, UNCHANGED }

    /**
     * One task in both years: who was responsible (by name, since members are per year), backups, level, funding and hours
     * in each (null when the task was not divided that year), and what changed.
     */
    public record TaskComparison(String task, String name, Cluster cluster, String responsibleFrom, String responsibleTo,
                                 List<String> backupsFrom, List<String> backupsTo, Double hoursFrom, Double hoursTo,
                                 Level levelFrom, Level levelTo, FundingSource fundingFrom, FundingSource fundingTo, Change change) {
        public double hoursDelta() {
            return (hoursTo == null ? 0 : hoursTo) - (hoursFrom == null ? 0 : hoursFrom);
        }
    }

    /** One person or organisation over both years: available and assigned (responsible) hours in each. */
    public record MemberComparison(String name, Double availableFrom, Double availableTo, double assignedFrom, double assignedTo) {}

    /** Two school years side by side: what moved to someone else, which hours changed, who joined or left. */
    public record YearComparison(String from, String to, List<TaskComparison> tasks, List<MemberComparison> members,
                                 Map<Change, Long> counts) {}

    /** Compares the division of two school years (from: the older one, to: the newer one, but any two work). */
    public YearComparison compare(long schoolId, long fromYearId, long toYearId, String lang, Caller caller) {
        requireSee(schoolId, caller);
        var from = yearById(fromYearId, "from");
        var to = yearById(toYearId, "to");
        var membersFrom = membersOf(schoolId, fromYearId, caller);
        var membersTo = membersOf(schoolId, toYearId, caller);
        var namesFrom = names(membersFrom);
        var namesTo = names(membersTo);
        var byTaskFrom = assignmentsOf(schoolId, fromYearId).stream().collect(Collectors.toMap(AssignmentView::task, a -> a));
        var byTaskTo = assignmentsOf(schoolId, toYearId).stream().collect(Collectors.toMap(AssignmentView::task, a -> a));
        var rows = new ArrayList<TaskComparison>();
        for (var t : tasks(schoolId)) {
            var a = byTaskFrom.get(t.code());
            var b = byTaskTo.get(t.code());
            if (a == null && b == null) {
                continue;
            }
            String rFrom = a == null || a.responsible() == null ? null : namesFrom.get(a.responsible());
            String rTo = b == null || b.responsible() == null ? null : namesTo.get(b.responsible());
            Change change;
            if (a == null) {
                change = Change.ADDED;
            } else if (b == null) {
                change = Change.REMOVED;
            } else if (!java.util.Objects.equals(rFrom, rTo)) {
                change = Change.MOVED;
            } else if (a.hours() != b.hours()) {
                change = Change.HOURS;
            } else {
                change = Change.UNCHANGED;
            }
            rows.add(new TaskComparison(t.code(), t.name(lang), t.cluster(), rFrom, rTo,
                a == null ? List.of() : a.backups().stream().map(namesFrom::get).toList(),
                b == null ? List.of() : b.backups().stream().map(namesTo::get).toList(),
                a == null ? null : a.hours(), b == null ? null : b.hours(), a == null ? null : a.level(), b == null ? null : b.level(),
                a == null ? null : a.funding(), b == null ? null : b.funding(), change));
        }
        var people = new LinkedHashMap<String, MemberComparison>();
        java.util.function.BiFunction<List<MemberView>, Map<String, AssignmentView>, Map<Long, Double>> assigned = (ms, byTask) -> {
            var sums = new HashMap<Long, Double>();
            byTask.values().stream().filter(x -> x.responsible() != null).forEach(x -> sums.merge(x.responsible(), x.hours(), Double::sum));
            return sums;
        };
        var sumFrom = assigned.apply(membersFrom, byTaskFrom);
        var sumTo = assigned.apply(membersTo, byTaskTo);
        for (var m : membersFrom) {
            people.put(who(m), new MemberComparison(m.name(), m.totalHours(), null, sumFrom.getOrDefault(m.id(), 0.0), 0));
        }
        for (var m : membersTo) {
            var old = people.get(who(m));
            people.put(who(m), new MemberComparison(m.name(), old == null ? null : old.availableFrom(), m.totalHours(),
                old == null ? 0 : old.assignedFrom(), sumTo.getOrDefault(m.id(), 0.0)));
        }
        var counts = new EnumMap<Change, Long>(Change.class);
        for (var c : Change.values()) {
            counts.put(c, rows.stream().filter(r -> r.change() == c).count());
        }
        return new YearComparison(from.name(), to.name(), rows, List.copyOf(people.values()), counts);
    }

    private static String who(MemberView m) {
        return m.personId() != null ? "p" + m.personId() : "o" + m.organisationId();
    }

    private SchoolYearView yearById(long id, String field) {
        return calendar.schoolYears().stream().filter(y -> y.id() == id).findFirst()
            .orElseThrow(() -> FieldErrorsException.of(field, "team.year.unknown", id));
    }

    // ---- the group's catalog (central admin) ----

    /** The catalog as the school group publishes it to every school (retired ones too), without any school's renames. */
    public List<TaskView> catalog(Caller caller) {
        caller.requireCentralAdmin();
        return jdbc.sql("""
                select t.*, null as o_nl, null as o_en, null as o_retired, t.version as o_version, t.updated_at as o_at, t.updated_by as o_by
                from team_task t join team_cluster c on c.code = t.cluster where t.school_id is null
                order by c.sort_order, t.sort_order, t.code""")
            .query((rs, n) -> taskView(rs)).list();
    }

    private Optional<TaskView> catalogTask(String code) {
        return jdbc.sql("""
                select t.*, null as o_nl, null as o_en, null as o_retired, t.version as o_version, t.updated_at as o_at, t.updated_by as o_by
                from team_task t where t.school_id is null and lower(t.code) = lower(:code)""")
            .param("code", code == null ? "" : code.trim()).query((rs, n) -> taskView(rs)).optional();
    }

    /** Adds a task to the group's catalog: every school sees it. A code a school already uses for its own task is refused. */
    @Transactional
    public TaskView createCatalogTask(@Valid TaskForm form, Caller caller) {
        caller.requireCentralAdmin();
        String code = form.code().trim();
        var users = jdbc.sql("select count(*) from team_task where lower(code) = lower(:code)").param("code", code).query(Long.class).single();
        if (users > 0) {
            throw FieldErrorsException.conflict("code", "team.task.code.taken", code);
        }
        String nameEn = form.nameEn() == null || form.nameEn().isBlank() ? form.name().trim() : form.nameEn().trim();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into team_task (school_id, code, cluster, name_nl, name_en, levels, version, updated_at, updated_by)
                values (null, :code, :cluster, :name, :nameEn, :levels, 0, :now, :by)""")
            .param("code", code).param("cluster", form.cluster().name()).param("name", form.name().trim()).param("nameEn", nameEn)
            .param("levels", levels(form.levels())).param("now", Timestamp.from(now())).param("by", Caller.currentActor())
            .update(keys, "id");
        long id = keys.getKey().longValue();
        var view = catalogTask(code).orElseThrow();
        audit.record(TASK_AUDIT_TYPE, id, null, Action.CREATED, code, Map.of(), taskAudit(view));
        return view;
    }

    /**
     * Renames, retires or restores a task of the group's catalog for every school. A school's own rename of it stays; a
     * task the group retired is retired in every school.
     */
    @Transactional
    public TaskView patchCatalogTask(String code, String name, String nameEn, Boolean retired, Integer version, Caller caller) {
        caller.requireCentralAdmin();
        var task = catalogTask(code).orElseThrow(() -> new NotFoundException("task", code));
        StaleVersionException.check(version, task.version(), task.updatedBy(), task.updatedAt(), () -> taskAudit(task));
        if (name != null && name.isBlank()) {
            throw FieldErrorsException.of("name", "team.task.name.blank");
        }
        if ((name != null && name.trim().length() > 300) || (nameEn != null && nameEn.trim().length() > 300)) {
            throw FieldErrorsException.of(name != null && name.trim().length() > 300 ? "name" : "nameEn", "team.task.name.long");
        }
        int updated = jdbc.sql("""
                update team_task set name_nl = :name, name_en = :en, retired = :retired, version = version + 1,
                updated_at = :now, updated_by = :by where id = :id and version = :version""")
            .param("name", name == null ? task.name() : name.trim())
            .param("en", nameEn == null || nameEn.isBlank() ? task.nameEn() : nameEn.trim())
            .param("retired", retired == null ? task.retired() : retired).param("now", Timestamp.from(now()))
            .param("by", Caller.currentActor()).param("id", task.id()).param("version", version).update();
        var after = catalogTask(code).orElseThrow();
        if (updated == 0) {
            throw new StaleVersionException(after.updatedBy(), after.updatedAt(), after.version(), taskAudit(after));
        }
        var action = task.retired() == after.retired() ? Action.UPDATED : after.retired() ? Action.ARCHIVED : Action.RESTORED;
        audit.record(TASK_AUDIT_TYPE, task.id(), null, action, task.code(), taskAudit(task), taskAudit(after));
        return after;
    }

    // ---- coverage ----

    /** The coverage analysis of a school year's division: active tasks, the team and the assignments. */
    public List<Finding> coverage(long schoolId, long yearId, Caller caller) {
        return coverage(schoolId, yearId, "nl", caller);
    }

    /** The same, with task names in the messages in this language ("nl" or "en"). */
    public List<Finding> coverage(long schoolId, long yearId, String lang, Caller caller) {
        requireSee(schoolId, caller);
        var members = membersOf(schoolId, yearId, caller).stream().filter(m -> !m.archived()).toList();
        var assignments = assignmentsOf(schoolId, yearId);
        var assigned = assignments.stream().map(AssignmentView::task).collect(Collectors.toSet());
        var tasks = tasks(schoolId).stream().filter(t -> !t.retired() || assigned.contains(t.code()))
            .map(t -> new CoverageAnalysis.Task(t.code(), t.name(lang), t.cluster(), t.levels())).toList();
        return CoverageAnalysis.analyse(tasks,
            members.stream().map(m -> new CoverageAnalysis.Member(m.id(), m.name(), m.profile(), m.hoursPerYear(), m.coordinator())).toList(),
            assignments.stream().map(a -> new CoverageAnalysis.Assignment(a.task(), a.responsible(), Set.copyOf(a.backups()), a.level(),
                a.funding(), a.hours())).toList());
    }

    // ---- helpers ----

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String levels(Set<Level> levels) {
        return levels.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String profile(Set<Cluster> profile) {
        return profile == null ? "" : profile.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<Cluster> clusters(String value) {
        var set = EnumSet.noneOf(Cluster.class);
        if (value != null) {
            Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).map(Cluster::valueOf).forEach(set::add);
        }
        return set;
    }

    private static TaskView taskView(ResultSet rs) throws SQLException {
        var levels = EnumSet.noneOf(Level.class);
        Arrays.stream(rs.getString("levels").split(",")).filter(s -> !s.isBlank()).map(Level::valueOf).forEach(levels::add);
        String overrideNl = rs.getString("o_nl");
        String overrideEn = rs.getString("o_en");
        Object overrideRetired = rs.getObject("o_retired");
        boolean own = rs.getObject("school_id") != null;
        int version = own ? rs.getInt("version") : rs.getObject("o_version") == null ? 0 : rs.getInt("o_version");
        return new TaskView(rs.getLong("id"), rs.getString("code"), Cluster.valueOf(rs.getString("cluster")), rs.getString("parent_code"),
            overrideNl != null ? overrideNl : rs.getString("name_nl"), overrideEn != null ? overrideEn : rs.getString("name_en"),
            levels, rs.getString("carried_by_nl"), rs.getString("carried_by_en"), own,
            rs.getBoolean("retired") || (overrideRetired != null && rs.getBoolean("o_retired")), version,
            instant(rs.getTimestamp(own ? "updated_at" : "o_at")), rs.getString(own ? "updated_by" : "o_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Map<String, String> taskAudit(TaskView t) {
        var map = new LinkedHashMap<String, String>();
        map.put("code", t.code());
        map.put("cluster", t.cluster().name());
        map.put("name", t.name());
        map.put("nameEn", t.nameEn());
        map.put("levels", levels(t.levels()));
        map.put("retired", Boolean.toString(t.retired()));
        return map;
    }

    private static Map<String, String> memberAudit(MemberView m) {
        var map = new LinkedHashMap<String, String>();
        map.put("name", m.name());
        map.put("profile", profile(m.profile()));
        map.put("education", m.education().name());
        map.put("archived", Boolean.toString(m.archived()));
        m.hoursPerYear().forEach((k, v) -> map.put("hours" + k.name(), Double.toString(v)));
        return map;
    }

    private static Map<String, String> assignmentAudit(AssignmentView a) {
        var map = new LinkedHashMap<String, String>();
        map.put("task", a.task());
        map.put("responsible", a.responsible() == null ? null : a.responsible().toString());
        map.put("backups", a.backups().stream().map(String::valueOf).collect(Collectors.joining(",")));
        map.put("teamLevel", a.level().name());
        map.put("funding", a.funding().name());
        map.put("hours", Double.toString(a.hours()));
        return map;
    }

    /** Member names by id, for pages. */
    Map<Long, String> names(List<MemberView> members) {
        var map = new HashMap<Long, String>();
        members.forEach(m -> map.put(m.id(), m.name()));
        return map;
    }
}
