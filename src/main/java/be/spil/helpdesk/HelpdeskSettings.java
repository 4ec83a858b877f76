package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A school's helpdesk settings: whether new tickets go to whoever carries first-line help (on unless switched off). */
@Component
@Transactional(readOnly = true)
class HelpdeskSettings {
    static final String AUDIT_TYPE = "ticket-settings";

    /** The settings as read; {@code version} 0 and no {@code updatedBy} while the school keeps the defaults. */
    record Settings(boolean autoAssign, int version, String updatedBy, Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    HelpdeskSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    boolean autoAssign(long schoolId) {
        return read(schoolId).autoAssign();
    }

    private Settings read(long schoolId) {
        return jdbc.sql("select auto_assign, version, updated_by, updated_at from ticket_school_setting where school_id = :s")
            .param("s", schoolId)
            .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
            .optional().orElse(new Settings(true, 0, null, null));
    }

    Settings get(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        return read(schoolId);
    }

    /** Central admins, ICT coordinators and directors switch auto-assignment; a stale version answers 409. */
    @Transactional
    Settings update(long schoolId, Boolean autoAssign, Integer version, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        caller.requireManage(schoolId);
        if (autoAssign == null) {
            throw FieldErrorsException.of("autoAssign", "ticket.settings.autoAssignRequired");
        }
        if (version == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        var current = read(schoolId);
        StaleVersionException.check(version, current.version(), current.updatedBy(), current.updatedAt(),
            () -> Map.of("autoAssign", String.valueOf(current.autoAssign())));
        Instant now = clock.instant();
        String actor = Caller.currentActor();
        int updated = jdbc.sql("""
                update ticket_school_setting set auto_assign = :a, version = version + 1, updated_at = :at, updated_by = :by
                where school_id = :s and version = :v""")
            .param("a", autoAssign).param("at", Timestamp.from(now)).param("by", actor).param("s", schoolId).param("v", version).update();
        if (updated == 0) {
            if (current.updatedBy() != null) {
                var newer = read(schoolId);
                throw new StaleVersionException(newer.updatedBy(), newer.updatedAt(), newer.version(),
                    Map.of("autoAssign", String.valueOf(newer.autoAssign())));
            }
            int inserted = jdbc.sql("""
                    insert into ticket_school_setting (school_id, auto_assign, version, updated_at, updated_by)
                    values (:s, :a, 1, :at, :by) on conflict do nothing""")
                .param("s", schoolId).param("a", autoAssign).param("at", Timestamp.from(now)).param("by", actor).update();
            if (inserted == 0) {
                // somebody saved the first settings of this school at the same moment
                var newer = read(schoolId);
                throw new StaleVersionException(newer.updatedBy(), newer.updatedAt(), newer.version(),
                    Map.of("autoAssign", String.valueOf(newer.autoAssign())));
            }
        }
        audit.record(AUDIT_TYPE, schoolId, schoolId, Action.UPDATED, "autoAssign", Map.of("autoAssign",
            String.valueOf(current.autoAssign())), Map.of("autoAssign", String.valueOf(autoAssign)));
        return read(schoolId);
    }
}
