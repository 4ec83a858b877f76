package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.People;
import be.spil.helpdesk.Priority.Level;
import be.spil.helpdesk.TicketView.CommentView;
import be.spil.inventory.Assets;
import be.spil.school.Rooms;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import be.spil.shared.Text;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The helpdesk's API. Everybody of a school reports problems and follows their own tickets; the school's ICT team
 * (central admins, ICT coordinators, directors, technicians) works the queue. A ticket that is not the caller's to see
 * answers 404.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Tickets {
    static final String AUDIT_TYPE = "ticket";
    /** Roles of the people a ticket can be assigned to. */
    /** The queue counts up to this many tickets exactly; a total of COUNT_CAP + 1 means "more than COUNT_CAP". */
    public static final int COUNT_CAP = 5000;
    static final Set<Role> TEAM_ROLES = EnumSet.of(Role.ICT_COORDINATOR, Role.TECHNICIAN, Role.DIRECTOR);

    private static final Map<String, String> SORTS = Map.of(
        "created", "t.created_at %1$s, t.id %1$s",
        "updated", "t.updated_at %1$s, t.id %1$s",
        "due", "t.resolve_due_at %1$s nulls last, t.id",
        "priority", "case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end %1$s, t.created_at",
        "number", "t.number %1$s");

    private static final String SUMMARY_SELECT = """
        select s.code as school_code, t.number, t.subject, t.status, c.code as category_code, c.name as category_name, t.priority, t.reporter_name,
               t.assignee_id, t.assignee_name, t.asset_tag, t.room_name, t.resolve_due_at, t.created_at, t.updated_at
        from ticket t join school s on s.id = t.school_id left join ticket_category c on c.id = t.category_id""";

    private final TicketRepository tickets;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SlaTargets sla;
    private final Assets assets;
    private final Rooms rooms;
    private final People people;
    private final ApplicationEventPublisher events;
    private final SlaPause slaPause;
    private final AutoAssign autoAssign;

    Tickets(TicketRepository tickets, JdbcClient jdbc, AuditTrail audit, Clock clock, SlaTargets sla, Assets assets, Rooms rooms,
            People people, ApplicationEventPublisher events, SlaPause slaPause, AutoAssign autoAssign) {
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.sla = sla;
        this.assets = assets;
        this.rooms = rooms;
        this.people = people;
        this.events = events;
        this.slaPause = slaPause;
        this.autoAssign = autoAssign;
    }

    /**
     * Works tickets of the school: central admins, ICT coordinators and directors (the whole queue) and external
     * technicians (only the tickets assigned to them, see {@link TicketAccess}).
     */
    public static boolean isTeam(Caller caller, long schoolId) {
        return TicketAccess.team(caller, schoolId);
    }

    /** Works the school's whole queue (not an external technician): bulk assign, merge, figures. */
    public static boolean worksQueue(Caller caller, long schoolId) {
        return TicketAccess.queue(caller, schoolId);
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

    /** 403 unless the caller works this ticket (the queue's managers, or the external technician it is assigned to). */
    private static void requireWorks(Ticket ticket, Caller caller) {
        if (!TicketAccess.works(caller, ticket.schoolId, ticket.assigneeId)) {
            throw new AccessDeniedException("not allowed");
        }
    }

    // ---- reporting ----

    /** A person of the school reports a problem; the SLA clock starts now. */
    @Transactional
    public TicketView report(long schoolId, @Valid ReportForm form, Caller caller) {
        requireSee(schoolId, caller);
        if (Text.blankToNull(form.subject()) == null) {
            throw FieldErrorsException.of("subject", "ticket.subject.required");
        }
        var place = place(schoolId, form.assetTag(), form.roomId(), null, caller);
        checkCategory(form.categoryId(), "categoryId");
        Instant now = clock.instant();
        long number = nextNumber(schoolId);
        var ticket = Ticket.report(schoolId, number, caller.personId(), caller.name(),
            new Ticket.Report(form.subject(), form.description(), form.categoryId(), form.impact(), form.urgency(), place.assetId(),
                place.assetTag(), place.roomId(), place.roomName()), now, Caller.currentActor());
        var due = sla.due(schoolId, ticket.priority, now);
        ticket.setDue(due.response(), due.resolve());
        autoAssign.apply(ticket, now, Caller.currentActor());
        ticket = tickets.save(ticket);
        audit.record(AUDIT_TYPE, ticket.id, schoolId, Action.CREATED, "#" + number + " " + ticket.subject, Map.of(),
            ticket.auditView(categoryName(ticket.categoryId)));
        events.publishEvent(new TicketEvent(ticket.id, TicketEvent.Kind.REPORTED, null, caller.personId()));
        if (ticket.assigneeId != null) {
            events.publishEvent(new TicketEvent(ticket.id, TicketEvent.Kind.ASSIGNED, null, caller.personId()));
        }
        return view(ticket, caller);
    }

    private long nextNumber(long schoolId) {
        int updated = jdbc.sql("update ticket_counter set next_value = next_value + 1 where school_id = :s").param("s", schoolId).update();
        if (updated == 0) {
            jdbc.sql("insert into ticket_counter (school_id, next_value) values (:s, 2)").param("s", schoolId).update();
            return 1;
        }
        return jdbc.sql("select next_value - 1 from ticket_counter where school_id = :s").param("s", schoolId).query(Long.class).single();
    }

    /** Where a ticket is about: a device (by its tag) and a room, each optional. */
    private record Place(Long assetId, String assetTag, Long roomId, String roomName) {}

    /**
     * The device and room a tag and room id name, checked in the school; what the ticket already holds ({@code current})
     * is kept as it is, also when the device or room was archived since.
     */
    private Place place(long schoolId, String tagGiven, Long roomId, Ticket current, Caller caller) {
        Long assetId = null;
        String assetTag = null;
        String tag = Text.blankToNull(tagGiven);
        if (tag != null && current != null && tag.equalsIgnoreCase(current.assetTag)) {
            assetId = current.assetId;
            assetTag = current.assetTag;
        } else if (tag != null) {
            try {
                var asset = assets.byTag(schoolId, tag, caller);
                assetId = asset.id();
                assetTag = asset.tag();
            } catch (NotFoundException e) {
                throw FieldErrorsException.of("assetTag", "ticket.asset.unknown", tag);
            }
        }
        String roomName = null;
        if (roomId != null && current != null && roomId.equals(current.roomId)) {
            roomName = current.roomName;
        } else if (roomId != null) {
            var room = rooms.room(schoolId, roomId).filter(r -> !r.archived())
                .orElseThrow(() -> FieldErrorsException.of("roomId", "ticket.room.unknown"));
            roomName = room.building() + " · " + room.name();
        }
        return new Place(assetId, assetTag, roomId, roomName);
    }

    // ---- reading ----

    /** The queue (team) or the caller's own tickets (everybody else), filtered and paged in the database. */
    public PageResult<TicketSummary> search(long schoolId, TicketFilter f, Paging paging, Caller caller) {
        requireSee(schoolId, caller);
        var params = new LinkedHashMap<String, Object>();
        params.put("school", schoolId);
        var where = new StringBuilder(" where t.school_id = :school");
        where.append(TicketAccess.where(caller, schoolId, params));
        if (f.mine()) {
            where.append(" and (t.reporter_id = :reporter or t.id in (select f.ticket_id from ticket_follower f where f.person_id = :reporter))");
            params.put("reporter", caller.personId());
        }
        return page(where, params, f, paging, caller);
    }

    /**
     * The queue over every school the caller works the helpdesk of (central admins: all schools), or over one of them
     * ({@code schoolId}); same filters as a school's queue. Others get 403.
     */
    public PageResult<TicketSummary> searchGroup(Long schoolId, TicketFilter f, Paging paging, Caller caller) {
        var params = new LinkedHashMap<String, Object>();
        var where = new StringBuilder(" where 1 = 1");
        if (schoolId != null) {
            requireSee(schoolId, caller);
            if (!isTeam(caller, schoolId)) {
                throw new AccessDeniedException("not allowed");
            }
            where.append(" and t.school_id = :school");
            params.put("school", schoolId);
        }
        if (!caller.centralAdmin()) {
            // whole queues where the caller manages, only their assigned tickets where they are an external technician
            var whole = caller.schoolIds().stream().filter(id -> TicketAccess.queue(caller, id)).toList();
            var assigned = caller.schoolIds().stream().filter(id -> TicketAccess.external(caller, id)).toList();
            if (whole.isEmpty() && assigned.isEmpty()) {
                throw new AccessDeniedException("not allowed");
            }
            var scopes = new java.util.ArrayList<String>();
            if (!whole.isEmpty()) {
                scopes.add("t.school_id in (:wholeQueues)");
                params.put("wholeQueues", whole);
            }
            if (!assigned.isEmpty()) {
                scopes.add("(t.school_id in (:assignedOnly) and t.assignee_id = :accessMe)");
                params.put("assignedOnly", assigned);
                params.put("accessMe", caller.personId());
            }
            where.append(" and (").append(String.join(" or ", scopes)).append(")");
        }
        if (f.mine()) {
            where.append(" and (t.reporter_id = :reporter or t.id in (select f.ticket_id from ticket_follower f where f.person_id = :reporter))");
            params.put("reporter", caller.personId());
        }
        return page(where, params, f, paging, caller);
    }

    /** The queue's filters added to a scope ({@code where}, {@code params}), counted up to COUNT_CAP and one page read. */
    private PageResult<TicketSummary> page(StringBuilder where, Map<String, Object> params, TicketFilter f, Paging paging, Caller caller) {
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().trim();
            if (q.matches("#?\\d{1,12}")) {
                where.append(" and t.number = :number");
                params.put("number", Long.parseLong(q.replace("#", "")));
            } else {
                where.append(" and t.search_text like :q escape '\\'");
                params.put("q", Text.likePattern(q));
            }
        }
        var statuses = f.statuses() == null || f.statuses().isEmpty() ? (f.all() ? Set.<TicketStatus>of() : TicketStatus.OPEN) : f.statuses();
        if (!statuses.isEmpty()) {
            // enum names written into the SQL, so PostgreSQL's partial indexes over open tickets serve any plan (V92)
            where.append(" and t.status in (").append(statusList(statuses)).append(")");
        }
        if (f.assignee() != null && !f.assignee().isBlank()) {
            switch (f.assignee().trim().toLowerCase(Locale.ROOT)) {
                case "me" -> {
                    where.append(" and t.assignee_id = :assignee");
                    params.put("assignee", caller.personId());
                }
                case "none" -> where.append(" and t.assignee_id is null");
                default -> {
                    try {
                        params.put("assignee", Long.parseLong(f.assignee().trim()));
                    } catch (NumberFormatException e) {
                        throw FieldErrorsException.of("assignee", "ticket.filter.assignee");
                    }
                    where.append(" and t.assignee_id = :assignee");
                }
            }
        }
        if (f.categoryId() != null) {
            where.append(" and t.category_id in (select id from ticket_category where id = :category or parent_id = :category)");
            params.put("category", f.categoryId());
        }
        if (f.priority() != null) {
            where.append(" and t.priority = :priority");
            params.put("priority", f.priority().name());
        }
        Instant now = clock.instant();
        if (f.overdue()) {
            where.append(" and t.resolve_due_at < :now");
            if (statuses.isEmpty() || !TicketStatus.OPEN.containsAll(statuses)) {
                where.append(" and t.status in (").append(statusList(TicketStatus.OPEN)).append(")");
            }
            params.put("now", Timestamp.from(now));
        }
        String order = orderBy(f.sort());
        // counting every closed ticket of five years costs as much as the page: beyond COUNT_CAP the total says "more"
        long total = jdbc.sql("select count(*) from (select 1 from ticket t" + where + " limit " + (COUNT_CAP + 1) + ") c")
            .params(params).query(Long.class).single();
        var items = jdbc.sql(SUMMARY_SELECT + where + " order by " + order + " limit :limit offset :offset")
            .params(params).param("limit", paging.size()).param("offset", paging.offset())
            .query((rs, n) -> summary(rs, now)).list();
        return new PageResult<>(items, paging.page(), paging.size(), total);
    }

    private static String statusList(Set<TicketStatus> statuses) {
        return String.join(", ", statuses.stream().sorted().map(st -> "'" + st.name() + "'").toList());
    }

    static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return String.format(SORTS.get("created"), "desc");
        }
        String[] parts = sort.split(",");
        String pattern = SORTS.get(parts[0].trim());
        String dir = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (pattern == null || parts.length > 2 || !(dir.equals("asc") || dir.equals("desc"))) {
            throw FieldErrorsException.of("sort", "error.sort.invalid", String.join(", ", new TreeSet<>(SORTS.keySet())));
        }
        return String.format(pattern, dir);
    }

    private static TicketSummary summary(ResultSet rs, Instant now) throws SQLException {
        var status = TicketStatus.valueOf(rs.getString("status"));
        Instant due = instant(rs, "resolve_due_at");
        return new TicketSummary(rs.getString("school_code"), rs.getLong("number"), rs.getString("subject"), status, rs.getString("category_code"),
            rs.getString("category_name"), Priority.valueOf(rs.getString("priority")), rs.getString("reporter_name"),
            rs.getObject("assignee_id", Long.class), rs.getString("assignee_name"), rs.getString("asset_tag"), rs.getString("room_name"),
            due, status.open() && due != null && due.isBefore(now), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** Counts for the home card: open, overdue, and open ones assigned to the caller (team), or the caller's own open ones. */
    public Map<String, Long> counts(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var open = TicketStatus.OPEN.stream().map(Enum::name).toList();
        var access = new LinkedHashMap<String, Object>();
        String visible = TicketAccess.where(caller, schoolId, access);
        var m = new LinkedHashMap<String, Long>();
        jdbc.sql("""
                select count(*) as open,
                       coalesce(sum(case when t.resolve_due_at < :now then 1 else 0 end), 0) as overdue,
                       coalesce(sum(case when t.assignee_id = :me then 1 else 0 end), 0) as mine,
                       coalesce(sum(case when t.assignee_id is null then 1 else 0 end), 0) as unassigned
                from ticket t where t.school_id = :school and t.status in (:open)""" + visible)
            .params(access).param("now", Timestamp.from(clock.instant())).param("me", caller.personId()).param("school", schoolId).param("open", open)
            .query((rs, n) -> {
                m.put("open", rs.getLong("open"));
                m.put("overdue", rs.getLong("overdue"));
                m.put("mine", rs.getLong("mine"));
                m.put("unassigned", rs.getLong("unassigned"));
                return m;
            }).single();
        return m;
    }

    /** A school's helpdesk in figures over a period, for reports such as the ICT policy plan. */
    public record Figures(long reported, long resolved, long resolvedInTime, long openNow, long overdueNow) {}

    /** Tickets reported and resolved (in time or not) between {@code from} and {@code to}, and those open now. One query. */
    public Figures figures(long schoolId, Instant from, Instant to, Caller caller) {
        requireSee(schoolId, caller);
        var open = TicketStatus.OPEN.stream().map(Enum::name).toList();
        return jdbc.sql("""
                select coalesce(sum(case when t.created_at >= :from and t.created_at < :to then 1 else 0 end), 0) as reported,
                       coalesce(sum(case when t.resolved_at >= :from and t.resolved_at < :to then 1 else 0 end), 0) as resolved,
                       coalesce(sum(case when t.resolved_at >= :from and t.resolved_at < :to and t.resolved_at <= t.resolve_due_at
                                         then 1 else 0 end), 0) as in_time,
                       coalesce(sum(case when t.status in (:open) then 1 else 0 end), 0) as open_now,
                       coalesce(sum(case when t.status in (:open) and t.resolve_due_at < :now then 1 else 0 end), 0) as overdue_now
                from ticket t where t.school_id = :school""")
            .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("open", open)
            .param("now", Timestamp.from(clock.instant())).param("school", schoolId)
            .query((rs, n) -> new Figures(rs.getLong("reported"), rs.getLong("resolved"), rs.getLong("in_time"), rs.getLong("open_now"),
                rs.getLong("overdue_now")))
            .single();
    }

    /** One ticket: the team sees every ticket of the school and internal notes, a reporter only their own, without notes. */
    public TicketView get(long schoolId, long number, Caller caller) {
        return view(load(schoolId, number, caller), caller);
    }

    private Ticket load(long schoolId, long number, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("select id from ticket where school_id = :s and number = :n").param("s", schoolId).param("n", number)
            .query(Long.class).optional().flatMap(tickets::findById)
            .filter(t -> TicketAccess.works(caller, schoolId, t.assigneeId) || t.reporterId.equals(caller.personId())
                || follows(t.id, caller.personId()))
            .orElseThrow(() -> new NotFoundException("ticket", number));
    }

    /** The ticket's change history, newest first (team only). */
    public List<AuditTrail.Entry> history(long schoolId, long number, Caller caller) {
        var ticket = load(schoolId, number, caller);
        requireWorks(ticket, caller);
        return audit.history(AUDIT_TYPE, ticket.id);
    }

    /** Somebody a ticket can be assigned to, with the firm an external technician works for. */
    public record Assignee(long id, String name, String firm) {
        public String label() {
            return firm == null ? name : name + " (" + firm + ")";
        }
    }

    /**
     * The people a ticket of this school can be assigned to: its ICT coordinators, directors and technicians, with their
     * firm; for an external technician only themselves (they keep their ticket or hand it back).
     */
    public List<Assignee> assignees(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        if (!TicketAccess.team(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
        var team = people.withRoles(schoolId, TEAM_ROLES).stream()
            .filter(p -> TicketAccess.queue(caller, schoolId) || p.id() == caller.personId()).toList();
        var firms = people.organisationNames(team.stream().map(be.spil.directory.PersonSummary::id).toList());
        return team.stream().map(p -> new Assignee(p.id(), p.name(), firms.get(p.id()))).toList();
    }

    /** Whether the caller may see this ticket (after a change, an external technician who handed it back no longer does). */
    boolean visible(long schoolId, long number, Caller caller) {
        try {
            load(schoolId, number, caller);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** Whether the caller works this ticket (internal notes and files, changes), which they may see; 404 otherwise. */
    boolean worksOn(long schoolId, long number, Caller caller) {
        var ticket = load(schoolId, number, caller);
        return TicketAccess.works(caller, schoolId, ticket.assigneeId);
    }

    /** The statuses the team may move this ticket to. */
    public Set<TicketStatus> nextStatuses(TicketStatus from) {
        return from.next();
    }

    /** The statuses this caller may move the ticket to: the team's, for an external technician within their limits. */
    Set<TicketStatus> nextStatuses(TicketStatus from, long schoolId, Caller caller) {
        var next = EnumSet.noneOf(TicketStatus.class);
        next.addAll(from.next());
        if (!TicketAccess.queue(caller, schoolId)) {
            next.retainAll(TicketAccess.EXTERNAL_STATUSES);
        }
        return next;
    }

    // ---- changing ----

    /** The team changes status, assignee, category, impact/urgency or subject: all or nothing, with the version read. */
    @Transactional
    public TicketView change(long schoolId, long number, @Valid TicketChange change, Caller caller) {
        var ticket = load(schoolId, number, caller);
        requireWorks(ticket, caller);
        TicketAccess.checkChange(caller, ticket, change);
        StaleVersionException.check(change.version(), ticket.version, ticket.updatedBy, ticket.updatedAt,
            () -> ticket.auditView(categoryName(ticket.categoryId)));
        var before = ticket.auditView(categoryName(ticket.categoryId));
        Instant now = clock.instant();
        String actor = Caller.currentActor();
        var oldStatus = ticket.status;
        var oldAssignee = ticket.assigneeId;
        var oldPriority = ticket.priority;
        if (change.subject() != null || change.categoryId() != null || change.impact() != null || change.urgency() != null) {
            String subject = change.subject() == null ? ticket.subject : change.subject();
            if (subject.isBlank()) {
                throw FieldErrorsException.of("subject", "ticket.subject.required");
            }
            Long category = change.categoryId() == null ? ticket.categoryId : change.categoryId() == 0 ? null : change.categoryId();
            checkCategory(category, "categoryId");
            Level impact = change.impact() == null ? ticket.impact : change.impact();
            Level urgency = change.urgency() == null ? ticket.urgency : change.urgency();
            ticket.classify(subject, category, impact, urgency, now, actor);
        }
        if (change.assetTag() != null || change.roomId() != null) {
            var place = place(schoolId, change.assetTag() == null ? ticket.assetTag : change.assetTag(),
                change.roomId() == null ? ticket.roomId : change.roomId() == 0 ? null : change.roomId(), ticket, caller);
            ticket.locate(place.assetId(), place.assetTag(), place.roomId(), place.roomName(), now, actor);
        }
        if (change.assigneeId() != null) {
            if (change.assigneeId() == 0) {
                ticket.assign(null, null, now, actor);
            } else {
                var person = people.withRoles(schoolId, TEAM_ROLES).stream().filter(p -> p.id() == change.assigneeId()).findFirst()
                    .orElseThrow(() -> FieldErrorsException.of("assigneeId", "ticket.assignee.notTeam"));
                ticket.assign(person.id(), person.name(), now, actor);
            }
        }
        if (change.status() != null) {
            ticket.moveTo(change.status(), now, actor);
        }
        if (ticket.priority != oldPriority) {
            var due = sla.due(schoolId, ticket.priority, ticket.createdAt);
            ticket.setDue(due.response(), due.resolve());
        }
        slaPause.statusChanged(ticket, oldStatus, ticket.priority != oldPriority, now);
        var after = ticket.auditView(categoryName(ticket.categoryId));
        if (after.equals(before)) {
            return view(ticket, caller);
        }
        var saved = save(ticket);
        audit.record(AUDIT_TYPE, saved.id, schoolId, Action.UPDATED, "#" + number + " " + saved.subject, before, after);
        if (saved.status != oldStatus) {
            events.publishEvent(new TicketEvent(saved.id, TicketEvent.Kind.STATUS_CHANGED, null, caller.personId()));
        }
        if (saved.assigneeId != null && !saved.assigneeId.equals(oldAssignee)) {
            events.publishEvent(new TicketEvent(saved.id, TicketEvent.Kind.ASSIGNED, null, caller.personId()));
        }
        return view(saved, caller);
    }

    /**
     * A reply on the conversation. The reporter writes public replies only (and so reopens a resolved ticket within 14
     * days, or ends waiting for them); the team writes public replies or internal notes. A duplicate merged into another
     * ticket takes no more replies: the conversation goes on there.
     */
    @Transactional
    public CommentView comment(long schoolId, long number, String body, boolean internal, Caller caller) {
        var ticket = load(schoolId, number, caller);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw FieldErrorsException.of("body", "ticket.comment.required");
        }
        if (text.length() > 8000) {
            throw FieldErrorsException.of("body", "ticket.comment.tooLong", 8000);
        }
        boolean team = TicketAccess.works(caller, schoolId, ticket.assigneeId);
        boolean reporter = ticket.reporterId.equals(caller.personId());
        if (internal && !team) {
            throw FieldErrorsException.of("internal", "ticket.comment.internalTeamOnly");
        }
        Instant now = clock.instant();
        var before = ticket.auditView(categoryName(ticket.categoryId));
        var oldStatus = ticket.status;
        boolean changed = false;
        if (ticket.status == TicketStatus.CLOSED) {
            var into = jdbc.sql("select t.number from ticket_merge m join ticket t on t.id = m.merged_into_id where m.ticket_id = :id")
                .param("id", ticket.id).query(Long.class).optional();
            if (into.isPresent()) {
                throw FieldErrorsException.of("body", "ticket.comment.merged", String.valueOf(into.get()));
            }
        }
        if (reporter && !internal) {
            changed = ticket.reporterReplied(now, Caller.currentActor());
        } else if (ticket.status == TicketStatus.CLOSED) {
            throw FieldErrorsException.of("body", "ticket.comment.closed");
        }
        if (team && !reporter && !internal && ticket.firstResponseAt == null) {
            ticket.responded(now);
            changed = true;
        }
        slaPause.statusChanged(ticket, oldStatus, false, now);
        if (changed) {
            save(ticket);
            audit.record(AUDIT_TYPE, ticket.id, schoolId, Action.UPDATED, "#" + number + " " + ticket.subject, before,
                ticket.auditView(categoryName(ticket.categoryId)));
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket_comment (ticket_id, author_id, author_name, body, internal, created_at)
                values (:ticket, :author, :name, :body, :internal, :at)""")
            .param("ticket", ticket.id).param("author", caller.personId()).param("name", caller.name()).param("body", text)
            .param("internal", internal).param("at", Timestamp.from(now))
            .update(keys, "id");
        long id = keys.getKey().longValue();
        if (!internal) {
            events.publishEvent(new TicketEvent(ticket.id, TicketEvent.Kind.PUBLIC_REPLY, id, caller.personId()));
        }
        if (ticket.status != oldStatus) {
            events.publishEvent(new TicketEvent(ticket.id, TicketEvent.Kind.STATUS_CHANGED, null, caller.personId()));
        }
        return new CommentView(id, caller.personId(), caller.name(), text, internal, now);
    }

    private Ticket save(Ticket ticket) {
        try {
            return tickets.save(ticket);
        } catch (OptimisticLockingFailureException e) {
            var current = tickets.findById(ticket.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version,
                current.auditView(categoryName(current.categoryId)));
        }
    }

    // ---- for the mailer (no caller: it runs after the change was allowed) ----

    record MailFacts(long schoolId, long number, String subject, TicketStatus status, long reporterId, Long assigneeId,
                     String commentAuthor, String commentBody) {}

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW, readOnly = true)
    MailFacts mailFacts(TicketEvent event) {
        var t = tickets.findById(event.ticketId()).orElseThrow(() -> new NotFoundException("ticket", event.ticketId()));
        String author = null;
        String body = null;
        if (event.commentId() != null) {
            var c = jdbc.sql("select author_name, body from ticket_comment where id = :id and internal = false")
                .param("id", event.commentId()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
            if (c.isPresent()) {
                author = c.get()[0];
                body = c.get()[1];
            }
        }
        return new MailFacts(t.schoolId, t.number, t.subject, t.status, t.reporterId, t.assigneeId, author, body);
    }

    // ---- SLA targets ----

    static final String SLA_AUDIT_TYPE = "ticket-sla";

    /** The SLA targets that hold for a school, per priority: its own or the group's. */
    public List<SlaTarget> slaTargets(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return sla.list(schoolId);
    }

    /**
     * Gives a school its own SLA targets (central admins, ICT coordinators, directors); an empty list returns to the
     * group's. New due times follow for tickets reported or reclassified from now on.
     */
    @Transactional
    public List<SlaTarget> replaceSlaTargets(long schoolId, List<@Valid SlaTarget> targets, Caller caller) {
        requireSee(schoolId, caller);
        caller.requireManage(schoolId);
        var seen = EnumSet.noneOf(Priority.class);
        for (int i = 0; i < targets.size(); i++) {
            var t = targets.get(i);
            if (t == null || t.priority() == null || t.responseMinutes() == null || t.resolveMinutes() == null) {
                throw FieldErrorsException.of("targets[" + i + "]", "ticket.sla.incomplete");
            }
            if (!seen.add(t.priority())) {
                throw FieldErrorsException.of("targets[" + i + "].priority", "ticket.sla.duplicate", t.priority().name());
            }
            if (t.responseMinutes() < 1 || t.resolveMinutes() < 1 || t.resolveMinutes() > 100000) {
                throw FieldErrorsException.of("targets[" + i + "].resolveMinutes", "ticket.sla.range", 1, 100000);
            }
            if (t.responseMinutes() > t.resolveMinutes()) {
                throw FieldErrorsException.of("targets[" + i + "].responseMinutes", "ticket.sla.responseAfterResolve");
            }
        }
        var before = slaAudit(sla.list(schoolId));
        sla.replace(schoolId, targets);
        var after = sla.list(schoolId);
        audit.record(SLA_AUDIT_TYPE, schoolId, schoolId, Action.UPDATED, "SLA", before, slaAudit(after));
        return after;
    }

    private static Map<String, String> slaAudit(List<SlaTarget> targets) {
        var m = new LinkedHashMap<String, String>();
        targets.forEach(t -> m.put("sla" + t.priority().name(), t.responseMinutes() + " / " + t.resolveMinutes() + (Boolean.TRUE.equals(t.own()) ? "" : " *")));
        return m;
    }

    // ---- categories ----

    /** The group's categories, by position (a tree through parentId). */
    public List<CategoryView> categories(boolean includeArchived) {
        return jdbc.sql("select * from ticket_category" + (includeArchived ? "" : " where archived = false")
                + " order by coalesce(parent_id, id), parent_id nulls first, position, name")
            .query((rs, n) -> new CategoryView(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("code"),
                rs.getString("name"), rs.getInt("position"), rs.getBoolean("archived"), rs.getInt("version")))
            .list();
    }

    /** A new category of the group, at the top or under another (central admins). */
    @Transactional
    public CategoryView createCategory(String name, Long parentId, Caller caller) {
        caller.requireCentralAdmin();
        String n = checkCategoryName(name);
        if (parentId != null) {
            checkCategory(parentId, "parentId");
        }
        Instant now = clock.instant();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket_category (parent_id, name, position, updated_at, updated_by)
                values (:parent, :name, 100, :at, :by)""")
            .param("parent", parentId).param("name", n).param("at", Timestamp.from(now)).param("by", Caller.currentActor())
            .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(CATEGORY_AUDIT_TYPE, id, null, Action.CREATED, n, Map.of(), Map.of("name", n));
        return category(id);
    }

    static final String CATEGORY_AUDIT_TYPE = "ticket-category";

    /** Renames or archives a category (central admins); a renamed seeded category keeps its new name in every language. */
    @Transactional
    public CategoryView updateCategory(long id, String name, Boolean archived, Integer version, Caller caller) {
        caller.requireCentralAdmin();
        var current = category(id);
        if (version == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        String n = name == null ? current.name() : checkCategoryName(name);
        boolean a = archived == null ? current.archived() : archived;
        int updated = jdbc.sql("""
                update ticket_category set name = :name, archived = :archived, code = case when :renamed then null else code end,
                version = version + 1, updated_at = :at, updated_by = :by where id = :id and version = :version""")
            .param("name", n).param("archived", a).param("renamed", !n.equals(current.name()))
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).param("id", id).param("version", version)
            .update();
        if (updated == 0) {
            var row = jdbc.sql("select updated_by, updated_at from ticket_category where id = :id").param("id", id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).single();
            throw new StaleVersionException((String) row[0], (Instant) row[1], current.version(),
                Map.of("name", current.name(), "archived", String.valueOf(current.archived())));
        }
        audit.record(CATEGORY_AUDIT_TYPE, id, null, Action.UPDATED, n, Map.of("name", current.name(), "archived",
            String.valueOf(current.archived())), Map.of("name", n, "archived", String.valueOf(a)));
        return category(id);
    }

    public CategoryView category(long id) {
        return categories(true).stream().filter(c -> c.id() == id).findFirst().orElseThrow(() -> new NotFoundException("category", id));
    }

    private static String checkCategoryName(String name) {
        String n = Text.blankToNull(name);
        if (n == null) {
            throw FieldErrorsException.of("name", "ticket.category.nameRequired");
        }
        if (n.length() > 100) {
            throw FieldErrorsException.of("name", "error.tooLong", 100);
        }
        return n;
    }

    private void checkCategory(Long categoryId, String field) {
        if (categoryId == null) {
            return;
        }
        long found = jdbc.sql("select count(*) from ticket_category where id = :id and archived = false")
            .param("id", categoryId).query(Long.class).single();
        if (found == 0) {
            throw FieldErrorsException.of(field, "ticket.category.unknown");
        }
    }

    private String categoryName(Long categoryId) {
        if (categoryId == null) {
            return null;
        }
        return jdbc.sql("select name from ticket_category where id = :id").param("id", categoryId).query(String.class).optional()
            .orElse(null);
    }

    // ---- views ----

    private TicketView view(Ticket t, Caller caller) {
        boolean team = TicketAccess.works(caller, t.schoolId, t.assigneeId);
        var comments = jdbc.sql("select * from ticket_comment where ticket_id = :t" + (team ? "" : " and internal = false")
                + " order by created_at, id")
            .param("t", t.id)
            .query((rs, n) -> new CommentView(rs.getLong("id"), rs.getLong("author_id"), rs.getString("author_name"),
                rs.getString("body"), rs.getBoolean("internal"), rs.getTimestamp("created_at").toInstant()))
            .list();
        var category = t.categoryId == null ? null : jdbc.sql("select code, name from ticket_category where id = :id")
            .param("id", t.categoryId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        Instant now = clock.instant();
        return new TicketView(t.id, t.number, t.subject, t.description, t.status, t.categoryId, category == null ? null : category[0],
            category == null ? null : category[1], t.impact, t.urgency, t.priority, t.reporterId, t.reporterName, t.assigneeId,
            t.assigneeName, t.assetId, t.assetTag, t.roomId, t.roomName, t.responseDueAt, t.resolveDueAt, t.firstResponseAt,
            t.resolvedAt, t.closedAt, t.overdue(now), t.responseOverdue(now), comments, t.version, t.createdAt, t.updatedAt,
            t.updatedBy);
    }

    // ---- for the helpdesk's own services (attachments, requests, merging) ----

    /** The id of a ticket the caller may see; 404 otherwise. */
    long visibleId(long schoolId, long number, Caller caller) {
        return load(schoolId, number, caller).id;
    }

    /** Whether the person follows the ticket (the reporter of a duplicate merged into it). */
    private boolean follows(long ticketId, long personId) {
        return jdbc.sql("select count(*) from ticket_follower where ticket_id = :t and person_id = :p").param("t", ticketId)
            .param("p", personId).query(Long.class).single() > 0;
    }
}
