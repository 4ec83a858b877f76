package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group's helpdesk setup for central admins: moving categories in the tree (two levels: a category and its
 * sub-categories, as the queue's filter reads them) and the group's default SLA targets that schools may override.
 */
@Service
@Transactional(readOnly = true)
class HelpdeskAdmin {
    static final int MAX_POSITION = 10000;

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final AuditTrail audit;
    private final Clock clock;

    HelpdeskAdmin(JdbcClient jdbc, Tickets tickets, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Puts a category under another top-level category (or at the top: parentId null) at a position. A category with
     * sub-categories stays at the top; a retired one is no parent.
     */
    @Transactional
    CategoryView move(long id, Long parentId, Integer position, Integer version, Caller caller) {
        caller.requireCentralAdmin();
        var current = tickets.category(id);
        if (version == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        int pos = position == null ? current.position() : position;
        if (pos < 0 || pos > MAX_POSITION) {
            throw FieldErrorsException.of("position", "ticket.category.position", 0, MAX_POSITION);
        }
        if (parentId != null) {
            if (parentId == id) {
                throw FieldErrorsException.of("parentId", "ticket.category.ownParent");
            }
            var parent = tickets.categories(true).stream().filter(c -> c.id() == parentId).findFirst()
                .orElseThrow(() -> FieldErrorsException.of("parentId", "ticket.category.unknown"));
            if (parent.archived()) {
                throw FieldErrorsException.of("parentId", "ticket.category.unknown");
            }
            if (parent.parentId() != null) {
                throw FieldErrorsException.of("parentId", "ticket.category.tooDeep");
            }
            long children = jdbc.sql("select count(*) from ticket_category where parent_id = :id").param("id", id).query(Long.class).single();
            if (children > 0) {
                throw FieldErrorsException.of("parentId", "ticket.category.hasChildren");
            }
        }
        int updated = jdbc.sql("""
                update ticket_category set parent_id = :parent, position = :pos, version = version + 1, updated_at = :at, updated_by = :by
                where id = :id and version = :version""")
            .param("parent", parentId, java.sql.Types.BIGINT).param("pos", pos).param("at", Timestamp.from(clock.instant()))
            .param("by", Caller.currentActor()).param("id", id).param("version", version).update();
        if (updated == 0) {
            var row = jdbc.sql("select updated_by, updated_at from ticket_category where id = :id").param("id", id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()}).single();
            throw new StaleVersionException((String) row[0], (Instant) row[1], current.version(),
                Map.of("name", current.name(), "archived", String.valueOf(current.archived())));
        }
        audit.record(Tickets.CATEGORY_AUDIT_TYPE, id, null, Action.UPDATED, current.name(),
            Map.of("parent", String.valueOf(current.parentId()), "position", String.valueOf(current.position())),
            Map.of("parent", String.valueOf(parentId), "position", String.valueOf(pos)));
        return tickets.category(id);
    }

    /** The group's default SLA targets, one per priority. */
    List<SlaTarget> groupTargets() {
        return jdbc.sql("select priority, response_minutes, resolve_minutes from ticket_sla where school_id is null")
            .query((rs, n) -> new SlaTarget(Priority.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3), false)).list()
            .stream().sorted(java.util.Comparator.comparing(SlaTarget::priority)).toList();
    }

    /** Replaces the group's defaults (central admins): every priority once, within range, response before resolution. */
    @Transactional
    List<SlaTarget> replaceGroupTargets(List<SlaTarget> targets, Caller caller) {
        caller.requireCentralAdmin();
        var seen = EnumSet.noneOf(Priority.class);
        for (int i = 0; i < targets.size(); i++) {
            var t = targets.get(i);
            if (t == null || t.priority() == null || t.responseMinutes() == null || t.resolveMinutes() == null) {
                throw FieldErrorsException.of("targets[" + i + "]", "ticket.sla.incomplete");
            }
            if (!seen.add(t.priority())) {
                throw FieldErrorsException.of("targets[" + i + "].priority", "ticket.sla.duplicate", t.priority().name());
            }
            if (t.responseMinutes() < 1 || t.responseMinutes() > 100000) {
                throw FieldErrorsException.of("targets[" + i + "].responseMinutes", "ticket.sla.range", 1, 100000);
            }
            if (t.resolveMinutes() < 1 || t.resolveMinutes() > 100000) {
                throw FieldErrorsException.of("targets[" + i + "].resolveMinutes", "ticket.sla.range", 1, 100000);
            }
            if (t.responseMinutes() > t.resolveMinutes()) {
                throw FieldErrorsException.of("targets[" + i + "].responseMinutes", "ticket.sla.responseAfterResolve");
            }
        }
        if (!seen.equals(EnumSet.allOf(Priority.class))) {
            throw FieldErrorsException.of("targets", "ticket.sla.everyPriority");
        }
        var before = audited(groupTargets());
        jdbc.sql("delete from ticket_sla where school_id is null").update();
        for (var t : targets) {
            jdbc.sql("insert into ticket_sla (school_id, priority, response_minutes, resolve_minutes) values (null, :p, :r, :x)")
                .param("p", t.priority().name()).param("r", t.responseMinutes()).param("x", t.resolveMinutes()).update();
        }
        var after = groupTargets();
        audit.record(Tickets.SLA_AUDIT_TYPE, 0L, null, Action.UPDATED, "SLA", before, audited(after));
        return after;
    }

    private static Map<String, String> audited(List<SlaTarget> targets) {
        var m = new LinkedHashMap<String, String>();
        targets.forEach(t -> m.put("sla" + t.priority().name(), t.responseMinutes() + " / " + t.resolveMinutes()));
        return m;
    }
}
