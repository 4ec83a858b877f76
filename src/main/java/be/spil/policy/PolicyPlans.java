package be.spil.policy;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Identity;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The policy module's API: the plan of a school for a school year, its goals and actions, the board of actions and
 * the versions the director approved. Everybody of the school reads; ICT coordinators, directors and central admins
 * write; a director of the school (or a central admin) approves. Every change raises the plan's version.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class PolicyPlans {
    static final String AUDIT_TYPE = "policy-plan";

    /** An approved version: its number, who approved it when, and the plan as it was then (Markdown). */
    public record Approval(int number, Instant approvedAt, String approvedBy, String document) {}

    /** An open action past its deadline, for the home page. */
    public record OverdueAction(long id, String title, LocalDate deadline, String goal, Long ownerId, String year) {}

    /** An action keeps the day it was first marked done, and loses it when it is reopened. */
    private static final String DONE_ON = "case when :st = 'DONE' then coalesce(done_on, cast(:today as date)) end";

    private final JdbcClient jdbc;
    private final SchoolCalendar calendar;
    private final People people;
    private final AuditTrail audit;
    private final Clock clock;

    PolicyPlans(JdbcClient jdbc, SchoolCalendar calendar, People people, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- school years ----

    /** The school year by name, or (name blank) the current one, or else the newest. */
    public SchoolYearView year(String name) {
        return calendar.yearOrCurrent(name);
    }

    public List<SchoolYearView> years() {
        return calendar.schoolYears();
    }

    // ---- reading ----

    /** The plan of this school year; an empty, unsaved one when nobody wrote it yet. */
    public PlanView plan(long schoolId, SchoolYearView year, Caller caller) {
        requireSee(schoolId, caller);
        return load(schoolId, year);
    }

    private PlanView load(long schoolId, SchoolYearView year) {
        var row = jdbc.sql("select * from policy_plan where school_id = :s and school_year_id = :y")
            .param("s", schoolId).param("y", year.id())
            .query((rs, n) -> new PlanView(rs.getLong("id"), schoolId, year.id(), year.name(), rs.getString("vision"),
                rs.getString("pedagogical_project"), rs.getString("starting_situation"), rs.getString("evaluation"),
                rs.getInt("version"), instant(rs, "updated_at"), rs.getString("updated_by"), null, List.of()))
            .optional();
        if (row.isEmpty()) {
            return new PlanView(null, schoolId, year.id(), year.name(), null, null, null, null, null, null, null, null, List.of());
        }
        var plan = row.get();
        Integer approved = jdbc.sql("select max(number) from policy_plan_approval where plan_id = :p")
            .param("p", plan.id()).query(Integer.class).optional().orElse(null);
        return new PlanView(plan.id(), schoolId, year.id(), year.name(), plan.vision(), plan.pedagogicalProject(),
            plan.startingSituation(), plan.evaluation(), plan.version(), plan.updatedAt(), plan.updatedBy(), approved,
            goals(plan.id()));
    }

    private List<PlanView.Goal> goals(long planId) {
        LocalDate today = LocalDate.now(clock);
        var actions = jdbc.sql("""
                select a.* from policy_action a join policy_goal g on g.id = a.goal_id
                where g.plan_id = :p and not a.archived and not g.archived order by a.goal_id, a.sort_order, a.id""")
            .param("p", planId)
            .query((rs, n) -> action(rs, today)).list();
        var names = ownerNames(actions.stream().map(PlanView.Action::ownerId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, List<PlanView.Action>> byGoal = new HashMap<>();
        for (var a : actions) {
            byGoal.computeIfAbsent(a.goalId(), k -> new ArrayList<>()).add(a.ownerId() == null ? a : new PlanView.Action(a.id(),
                a.goalId(), a.title(), a.ownerId(), names.get(a.ownerId()), a.deadline(), a.resources(), a.successCriterion(),
                a.status(), a.overdue(), a.doneOn()));
        }
        return jdbc.sql("select * from policy_goal where plan_id = :p and not archived order by sort_order, id")
            .param("p", planId)
            .query((rs, n) -> new PlanView.Goal(rs.getLong("id"), GoalDomain.valueOf(rs.getString("domain")),
                GoalKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                List.copyOf(byGoal.getOrDefault(rs.getLong("id"), List.of()))))
            .list();
    }

    private static PlanView.Action action(ResultSet rs, LocalDate today) throws SQLException {
        var deadline = rs.getObject("deadline", LocalDate.class);
        var status = ActionStatus.valueOf(rs.getString("status"));
        return new PlanView.Action(rs.getLong("id"), rs.getLong("goal_id"), rs.getString("title"),
            rs.getObject("owner_id", Long.class), null, deadline, rs.getString("resources"), rs.getString("success_criterion"),
            status, status.open() && deadline != null && deadline.isBefore(today), rs.getObject("done_on", LocalDate.class));
    }

    private Map<Long, String> ownerNames(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (Long id : ids) {
            people.identityById(id).map(Identity::name).ifPresent(name -> names.put(id, name));
        }
        return names;
    }

    /** The staff of the school who can own an action. */
    public Map<Long, String> possibleOwners(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var staff = people.search(schoolId, new People.Search(null, PersonKind.STAFF, false, null),
            new be.spil.shared.Paging(0, be.spil.shared.Paging.MAX_SIZE), caller).items();
        Map<Long, String> owners = new LinkedHashMap<>();
        staff.forEach(p -> owners.put(p.id(), p.name()));
        return owners;
    }

    /** Open actions past their deadline in this school: all of them for those who manage it, else the caller's own. */
    public List<OverdueAction> overdue(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        boolean all = caller.canManage(schoolId);
        return jdbc.sql("""
                select a.id, a.title, a.deadline, g.title as goal, a.owner_id, y.name as year_name
                from policy_action a join policy_goal g on g.id = a.goal_id join policy_plan p on p.id = g.plan_id
                join school_year y on y.id = p.school_year_id
                where a.school_id = :s and a.status in ('PLANNED', 'IN_PROGRESS') and a.deadline < :today
                  and not a.archived and not g.archived and (:all or a.owner_id = :me)
                order by a.deadline, a.id limit 20""")
            .param("s", schoolId).param("today", Date.valueOf(LocalDate.now(clock))).param("all", all)
            .param("me", caller.personId())
            .query((rs, n) -> new OverdueAction(rs.getLong("id"), rs.getString("title"), rs.getObject("deadline", LocalDate.class),
                rs.getString("goal"), rs.getObject("owner_id", Long.class), rs.getString("year_name")))
            .list();
    }

    public List<Approval> approvals(long schoolId, SchoolYearView year, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("""
                select a.* from policy_plan_approval a join policy_plan p on p.id = a.plan_id
                where p.school_id = :s and p.school_year_id = :y order by a.number desc""")
            .param("s", schoolId).param("y", year.id())
            .query((rs, n) -> new Approval(rs.getInt("number"), instant(rs, "approved_at"), rs.getString("approved_by"),
                rs.getString("document")))
            .list();
    }

    public Approval approval(long schoolId, SchoolYearView year, int number, Caller caller) {
        return approvals(schoolId, year, caller).stream().filter(a -> a.number() == number).findFirst()
            .orElseThrow(() -> new NotFoundException("approved version", String.valueOf(number)));
    }

    public List<AuditTrail.Entry> history(long schoolId, SchoolYearView year, Caller caller) {
        var plan = plan(schoolId, year, caller);
        return plan.saved() ? audit.history(AUDIT_TYPE, plan.id()) : List.of();
    }

    // ---- writing ----

    @Transactional
    public PlanView saveTexts(long schoolId, SchoolYearView year, @Valid PlanForms.Texts texts, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        long planId = ensurePlan(before, texts.version());
        jdbc.sql("""
                update policy_plan set vision = :v, pedagogical_project = :pp, starting_situation = :ss, evaluation = :e
                where id = :id""")
            .param("v", clean(texts.vision())).param("pp", clean(texts.pedagogicalProject()))
            .param("ss", clean(texts.startingSituation())).param("e", clean(texts.evaluation())).param("id", planId)
            .update();
        return changed(schoolId, year, planId, before, year.name());
    }

    @Transactional
    public PlanView addGoal(long schoolId, SchoolYearView year, @Valid PlanForms.Goal goal, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        long planId = ensurePlan(before, before.version());
        insertGoal(schoolId, planId, goal.domain(), goal.kind(), goal.title(), goal.description(), before.goals().size());
        return changed(schoolId, year, planId, before, goal.title().trim());
    }

    @Transactional
    public PlanView updateGoal(long schoolId, SchoolYearView year, long goalId, @Valid PlanForms.Goal goal, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        requireGoal(before, goalId, "goal");
        jdbc.sql("update policy_goal set domain = :d, kind = :k, title = :t, description = :desc where id = :id")
            .param("d", goal.domain().name()).param("k", goal.kind().name()).param("t", goal.title().trim())
            .param("desc", clean(goal.description())).param("id", goalId).update();
        return changed(schoolId, year, before.id(), before, goal.title().trim());
    }

    @Transactional
    public PlanView archiveGoal(long schoolId, SchoolYearView year, long goalId, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        var goal = requireGoal(before, goalId, "goal");
        jdbc.sql("update policy_goal set archived = true where id = :id").param("id", goalId).update();
        return changed(schoolId, year, before.id(), before, goal.title());
    }

    @Transactional
    public PlanView addAction(long schoolId, SchoolYearView year, long goalId, @Valid PlanForms.Action action, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        var goal = requireGoal(before, goalId, "goal");
        requireOwner(schoolId, action.owner(), "owner", caller);
        insertAction(schoolId, goalId, action.title(), action.owner(), action.deadline(), action.resources(),
            action.successCriterion(), action.status(), goal.actions().size());
        return changed(schoolId, year, before.id(), before, action.title().trim());
    }

    @Transactional
    public PlanView updateAction(long schoolId, SchoolYearView year, long actionId, @Valid PlanForms.Action action, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        requireAction(before, actionId);
        requireOwner(schoolId, action.owner(), "owner", caller);
        updateActionRow(actionId, action.title(), action.owner(), action.deadline(), action.resources(), action.successCriterion(),
            action.status());
        return changed(schoolId, year, before.id(), before, action.title().trim());
    }

    /** Each goal's progress at the end of every month of the plan's school year so far. */
    GoalProgress.Result progress(PlanView plan, SchoolYearView year) {
        return GoalProgress.compute(plan.goals(), year.startDate(), year.endDate(), LocalDate.now(clock));
    }

    /** Moves an action on the board. */
    @Transactional
    public PlanView setActionStatus(long schoolId, SchoolYearView year, long actionId, ActionStatus status, Caller caller) {
        caller.requireManage(schoolId);
        if (status == null) {
            throw FieldErrorsException.of("status", "policy.action.status.missing");
        }
        var before = load(schoolId, year);
        var action = requireAction(before, actionId);
        jdbc.sql("update policy_action set status = :st, done_on = " + DONE_ON + " where id = :id").param("st", status.name())
            .param("today", Date.valueOf(LocalDate.now(clock))).param("id", actionId).update();
        return changed(schoolId, year, before.id(), before, action.title());
    }

    @Transactional
    public PlanView archiveAction(long schoolId, SchoolYearView year, long actionId, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        var action = requireAction(before, actionId);
        jdbc.sql("update policy_action set archived = true where id = :id").param("id", actionId).update();
        return changed(schoolId, year, before.id(), before, action.title());
    }

    /**
     * Replaces the whole plan (API PUT): goals and actions with an id of this plan are updated, without an id created,
     * and those left out archived (nothing is deleted). An id of another plan is refused naming the field.
     */
    @Transactional
    public PlanView replace(long schoolId, SchoolYearView year, @Valid PlanForms.Whole whole, Caller caller) {
        caller.requireManage(schoolId);
        var before = load(schoolId, year);
        var goals = whole.goals() == null ? List.<PlanForms.WholeGoal>of() : whole.goals();
        Set<Long> goalIds = new HashSet<>();
        Set<Long> actionIds = new HashSet<>();
        for (int g = 0; g < goals.size(); g++) {
            var goal = goals.get(g);
            if (goal.id() != null && (!goalIds.add(goal.id()) || before.goals().stream().noneMatch(x -> x.id() == goal.id()))) {
                throw FieldErrorsException.of("goals[" + g + "].id", "policy.goal.unknown", goal.id());
            }
            var actions = goal.actions() == null ? List.<PlanForms.WholeAction>of() : goal.actions();
            for (int a = 0; a < actions.size(); a++) {
                var action = actions.get(a);
                String field = "goals[" + g + "].actions[" + a + "]";
                if (action.id() != null && (!actionIds.add(action.id()) || before.goals().stream()
                        .flatMap(x -> x.actions().stream()).noneMatch(x -> x.id() == action.id()))) {
                    throw FieldErrorsException.of(field + ".id", "policy.action.unknown", action.id());
                }
                requireOwner(schoolId, action.owner(), field + ".owner", caller);
            }
        }
        long planId = ensurePlan(before, whole.version());
        jdbc.sql("""
                update policy_plan set vision = :v, pedagogical_project = :pp, starting_situation = :ss, evaluation = :e
                where id = :id""")
            .param("v", clean(whole.vision())).param("pp", clean(whole.pedagogicalProject()))
            .param("ss", clean(whole.startingSituation())).param("e", clean(whole.evaluation())).param("id", planId).update();
        for (var old : before.goals()) {
            if (!goalIds.contains(old.id())) {
                jdbc.sql("update policy_goal set archived = true where id = :id").param("id", old.id()).update();
            }
            for (var oldAction : old.actions()) {
                if (!actionIds.contains(oldAction.id())) {
                    jdbc.sql("update policy_action set archived = true where id = :id").param("id", oldAction.id()).update();
                }
            }
        }
        for (int g = 0; g < goals.size(); g++) {
            var goal = goals.get(g);
            long goalId;
            if (goal.id() == null) {
                goalId = insertGoal(schoolId, planId, goal.domain(), goal.kind(), goal.title(), goal.description(), g);
            } else {
                goalId = goal.id();
                jdbc.sql("update policy_goal set domain = :d, kind = :k, title = :t, description = :desc, sort_order = :o where id = :id")
                    .param("d", goal.domain().name()).param("k", goal.kind().name()).param("t", goal.title().trim())
                    .param("desc", clean(goal.description())).param("o", g).param("id", goalId).update();
            }
            var actions = goal.actions() == null ? List.<PlanForms.WholeAction>of() : goal.actions();
            for (int a = 0; a < actions.size(); a++) {
                var action = actions.get(a);
                if (action.id() == null) {
                    insertAction(schoolId, goalId, action.title(), action.owner(), action.deadline(), action.resources(),
                        action.successCriterion(), action.status(), a);
                } else {
                    updateActionRow(action.id(), action.title(), action.owner(), action.deadline(), action.resources(),
                        action.successCriterion(), action.status());
                    jdbc.sql("update policy_action set goal_id = :g, sort_order = :o where id = :id")
                        .param("g", goalId).param("o", a).param("id", action.id()).update();
                }
            }
        }
        return changed(schoolId, year, planId, before, year.name());
    }

    /** The director approves the plan as it is now, with the live figures in {@code document}; kept as version n. */
    @Transactional
    public Approval approve(long schoolId, SchoolYearView year, Integer version, String document, Caller caller) {
        requireSee(schoolId, caller);
        if (!caller.centralAdmin() && !caller.has(schoolId, Role.DIRECTOR)) {
            throw new org.springframework.security.access.AccessDeniedException("only the director approves the plan");
        }
        var plan = load(schoolId, year);
        if (!plan.saved()) {
            throw FieldErrorsException.of("plan", "policy.approve.empty");
        }
        StaleVersionException.check(version, plan.version(), plan.updatedBy(), plan.updatedAt(), () -> Map.of("version", String.valueOf(plan.version())));
        int number = plan.approved() == null ? 1 : plan.approved() + 1;
        var approval = new Approval(number, clock.instant(), Caller.currentActor(), document);
        jdbc.sql("""
                insert into policy_plan_approval (plan_id, school_id, number, approved_at, approved_by, document)
                values (:p, :s, :n, :at, :by, :doc)""")
            .param("p", plan.id()).param("s", schoolId).param("n", number).param("at", Timestamp.from(approval.approvedAt()))
            .param("by", approval.approvedBy()).param("doc", document).update();
        audit.note(AUDIT_TYPE, plan.id(), schoolId, Action.UPDATED, "approved version " + number);
        return approval;
    }

    // ---- helpers ----

    /** The plan's id, made now when it does not exist; checks the version the writer read. */
    private long ensurePlan(PlanView plan, Integer version) {
        if (plan.saved()) {
            StaleVersionException.check(version, plan.version(), plan.updatedBy(), plan.updatedAt(), () -> auditView(plan));
            return plan.id();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into policy_plan (school_id, school_year_id, version) values (:s, :y, -1)")
            .param("s", plan.schoolId()).param("y", plan.schoolYearId()).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Raises the version, stamps who and when, and writes the change to the audit trail. */
    private PlanView changed(long schoolId, SchoolYearView year, long planId, PlanView before, String summary) {
        jdbc.sql("update policy_plan set version = version + 1, updated_at = :at, updated_by = :by where id = :id")
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).param("id", planId).update();
        var after = load(schoolId, year);
        audit.record(AUDIT_TYPE, planId, schoolId, before.saved() ? Action.UPDATED : Action.CREATED, summary,
            before.saved() ? auditView(before) : Map.of(), auditView(after));
        return after;
    }

    private static Map<String, String> auditView(PlanView plan) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("vision", plan.vision());
        view.put("pedagogicalProject", plan.pedagogicalProject());
        view.put("startingSituation", plan.startingSituation());
        view.put("evaluation", plan.evaluation());
        view.put("goals", plan.goals().stream().map(PlanView.Goal::title).collect(Collectors.joining("; ")));
        view.put("actions", plan.goals().stream().flatMap(g -> g.actions().stream())
            .map(a -> a.title() + " (" + a.status() + ")").collect(Collectors.joining("; ")));
        return view;
    }

    private long insertGoal(long schoolId, long planId, GoalDomain domain, GoalKind kind, String title, String description, int order) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into policy_goal (plan_id, school_id, domain, kind, title, description, sort_order)
                values (:p, :s, :d, :k, :t, :desc, :o)""")
            .param("p", planId).param("s", schoolId).param("d", domain.name()).param("k", kind.name()).param("t", title.trim())
            .param("desc", clean(description)).param("o", order).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void insertAction(long schoolId, long goalId, String title, Long owner, LocalDate deadline, String resources,
                              String successCriterion, ActionStatus status, int order) {
        jdbc.sql("""
                insert into policy_action (goal_id, school_id, title, owner_id, deadline, resources, success_criterion, status, sort_order,
                  done_on)
                values (:g, :s, :t, :o, :d, :r, :c, :st, :ord, case when :st = 'DONE' then cast(:today as date) end)""")
            .param("today", Date.valueOf(LocalDate.now(clock)))
            .param("g", goalId).param("s", schoolId).param("t", title.trim()).param("o", owner)
            .param("d", deadline == null ? null : Date.valueOf(deadline)).param("r", clean(resources))
            .param("c", clean(successCriterion)).param("st", (status == null ? ActionStatus.PLANNED : status).name())
            .param("ord", order).update();
    }

    private void updateActionRow(long id, String title, Long owner, LocalDate deadline, String resources, String successCriterion,
                                 ActionStatus status) {
        jdbc.sql("""
                update policy_action set title = :t, owner_id = :o, deadline = :d, resources = :r, success_criterion = :c,
                  status = :st, done_on = """ + DONE_ON + " where id = :id")
            .param("today", Date.valueOf(LocalDate.now(clock)))
            .param("t", title.trim()).param("o", owner).param("d", deadline == null ? null : Date.valueOf(deadline))
            .param("r", clean(resources)).param("c", clean(successCriterion))
            .param("st", (status == null ? ActionStatus.PLANNED : status).name()).param("id", id).update();
    }

    private static PlanView.Goal requireGoal(PlanView plan, long goalId, String field) {
        return plan.goals().stream().filter(g -> g.id() == goalId).findFirst()
            .orElseThrow(() -> new NotFoundException("goal", String.valueOf(goalId)));
    }

    private static PlanView.Action requireAction(PlanView plan, long actionId) {
        return plan.goals().stream().flatMap(g -> g.actions().stream()).filter(a -> a.id() == actionId).findFirst()
            .orElseThrow(() -> new NotFoundException("action", String.valueOf(actionId)));
    }

    /** An owner must be a staff member of this school. */
    private void requireOwner(long schoolId, Long owner, String field, Caller caller) {
        if (owner == null) {
            return;
        }
        try {
            if (people.get(schoolId, owner, caller).kind() != PersonKind.STAFF) {
                throw FieldErrorsException.of(field, "policy.action.owner.unknown", owner);
            }
        } catch (NotFoundException e) {
            throw FieldErrorsException.of(field, "policy.action.owner.unknown", owner);
        }
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", String.valueOf(schoolId));
        }
    }
}
