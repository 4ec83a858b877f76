package be.spil.policy;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Groups;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The usage rules (gebruiksregels) of a school, for staff and for pupils. The ICT coordinator (or the director) writes a
 * draft; the director (or a central admin) approves it, and it becomes the current version with the next number; staff
 * accept the current staff rules in Spil, and the pupils' signed paper forms are recorded per class. A new version asks
 * for acceptance again. Approved versions are kept as they were.
 */
@Service
@Transactional(readOnly = true)
public class UsageRules implements be.spil.shared.UsageRulesText {
    static final String AUDIT_TYPE = "usage-rules";
    public static final int MAX_LENGTH = 20000;

    public enum Audience { STAFF, PUPILS }

    /** A version of the rules: {@code number} null for the draft. */
    public record Version(long id, Audience audience, Integer number, String body, Instant approvedAt, String approvedBy,
                          int version, Instant updatedAt, String updatedBy) {}

    /** A class and the day its pupils' signed forms came in (null: not yet). */
    public record ClassAcceptance(long groupId, String group, LocalDate receivedOn) {}

    private final JdbcClient jdbc;
    private final Groups groups;
    private final AuditTrail audit;
    private final Clock clock;

    UsageRules(JdbcClient jdbc, Groups groups, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /** The approved rules in force for this audience, if any. */
    public Optional<Version> current(long schoolId, Audience audience, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("select * from policy_rules where school_id = :s and audience = :a and number is not null order by number desc limit 1")
            .param("s", schoolId).param("a", audience.name()).query((rs, n) -> version(rs)).optional();
    }

    /** For printed forms of other modules (they have checked the caller against the school): the pupils' rules in force. */
    @Override
    public Optional<be.spil.shared.UsageRulesText.Rules> forPupils(long schoolId) {
        return jdbc.sql("select number, body from policy_rules where school_id = :s and audience = 'PUPILS' and number is not null "
                + "order by number desc limit 1")
            .param("s", schoolId).query((rs, n) -> new be.spil.shared.UsageRulesText.Rules(rs.getInt(1), rs.getString(2))).optional();
    }

    public Optional<Version> draft(long schoolId, Audience audience, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("select * from policy_rules where school_id = :s and audience = :a and number is null")
            .param("s", schoolId).param("a", audience.name()).query((rs, n) -> version(rs)).optional();
    }

    public List<Version> approved(long schoolId, Audience audience, Caller caller) {
        requireSee(schoolId, caller);
        return jdbc.sql("select * from policy_rules where school_id = :s and audience = :a and number is not null order by number desc")
            .param("s", schoolId).param("a", audience.name()).query((rs, n) -> version(rs)).list();
    }

    /** Writes the draft (made from nothing the first time); {@code version} is the draft's version read, null for a new one. */
    @Transactional
    public Version saveDraft(long schoolId, Audience audience, String body, Integer version, Caller caller) {
        caller.requireManage(schoolId);
        if (audience == null) {
            throw FieldErrorsException.of("audience", "policy.rules.audience");
        }
        if (body == null || body.isBlank()) {
            throw FieldErrorsException.of("body", "policy.rules.body.blank");
        }
        if (body.length() > MAX_LENGTH) {
            throw FieldErrorsException.of("body", "policy.rules.body.long", MAX_LENGTH);
        }
        var draft = draft(schoolId, audience, caller);
        Timestamp now = Timestamp.from(clock.instant());
        if (draft.isPresent()) {
            var d = draft.get();
            StaleVersionException.check(version, d.version(), d.updatedBy(), d.updatedAt(), () -> Map.of("body", d.body()));
            jdbc.sql("update policy_rules set body = :b, version = version + 1, updated_at = :at, updated_by = :by where id = :id")
                .param("b", body.strip()).param("at", now).param("by", Caller.currentActor()).param("id", d.id()).update();
            audit.record(AUDIT_TYPE, d.id(), schoolId, Action.UPDATED, audience.name(), Map.of("body", d.body()), Map.of("body", body.strip()));
            return draft(schoolId, audience, caller).orElseThrow();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into policy_rules (school_id, audience, body, version, updated_at, updated_by)
                values (:s, :a, :b, 0, :at, :by)""")
            .param("s", schoolId).param("a", audience.name()).param("b", body.strip()).param("at", now)
            .param("by", Caller.currentActor()).update(keys, "id");
        audit.record(AUDIT_TYPE, keys.getKey().longValue(), schoolId, Action.CREATED, audience.name(), Map.of(), Map.of("body", body.strip()));
        return draft(schoolId, audience, caller).orElseThrow();
    }

    /** The director approves the draft as read ({@code version}); it becomes the current rules with the next number. */
    @Transactional
    public Version approve(long schoolId, Audience audience, Integer version, Caller caller) {
        requireSee(schoolId, caller);
        if (!caller.centralAdmin() && !caller.has(schoolId, Role.DIRECTOR)) {
            throw new org.springframework.security.access.AccessDeniedException("only the director approves the usage rules");
        }
        var draft = draft(schoolId, audience, caller).orElseThrow(() -> FieldErrorsException.of("body", "policy.rules.noDraft"));
        StaleVersionException.check(version, draft.version(), draft.updatedBy(), draft.updatedAt(), () -> Map.of("body", draft.body()));
        int number = current(schoolId, audience, caller).map(v -> v.number() + 1).orElse(1);
        jdbc.sql("update policy_rules set number = :n, approved_at = :at, approved_by = :by, version = version + 1 where id = :id")
            .param("n", number).param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).param("id", draft.id())
            .update();
        audit.note(AUDIT_TYPE, draft.id(), schoolId, Action.UPDATED, audience.name() + " approved as version " + number);
        return current(schoolId, audience, caller).orElseThrow();
    }

    /** The caller, a staff member of the school, accepts the current staff rules (again accepting changes nothing). */
    @Transactional
    public void accept(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var rules = current(schoolId, Audience.STAFF, caller).orElseThrow(() -> FieldErrorsException.of("rules", "policy.rules.none"));
        if (caller.rolesBySchool().getOrDefault(schoolId, java.util.Set.of()).isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("only staff of the school accept its rules");
        }
        if (!acceptedBy(rules.id(), caller.personId())) {
            jdbc.sql("insert into policy_rules_acceptance (rules_id, person_id, accepted_at) values (:r, :p, :at)")
                .param("r", rules.id()).param("p", caller.personId()).param("at", Timestamp.from(clock.instant())).update();
        }
    }

    /** Whether this person still has to accept the current staff rules of the school. */
    public boolean mustAccept(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId) || caller.rolesBySchool().getOrDefault(schoolId, java.util.Set.of()).isEmpty()) {
            return false;
        }
        return current(schoolId, Audience.STAFF, caller).map(r -> !acceptedBy(r.id(), caller.personId())).orElse(false);
    }

    /** Who accepted this version, person id → when. */
    public Map<Long, Instant> acceptances(long schoolId, long rulesId, Caller caller) {
        caller.requireManage(schoolId);
        Map<Long, Instant> accepted = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select a.person_id, a.accepted_at from policy_rules_acceptance a join policy_rules r on r.id = a.rules_id
                where r.id = :r and r.school_id = :s order by a.accepted_at""")
            .param("r", rulesId).param("s", schoolId)
            .query((rs, n) -> accepted.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        return accepted;
    }

    /** Records that the signed paper forms of a class came in for the current pupils' rules. */
    @Transactional
    public void recordClass(long schoolId, long groupId, LocalDate receivedOn, Caller caller) {
        caller.requireManage(schoolId);
        groups.get(schoolId, groupId, caller);
        if (receivedOn == null || receivedOn.isAfter(LocalDate.now(clock))) {
            throw FieldErrorsException.of("receivedOn", "policy.rules.receivedOn.invalid");
        }
        var rules = current(schoolId, Audience.PUPILS, caller).orElseThrow(() -> FieldErrorsException.of("rules", "policy.rules.none"));
        jdbc.sql("delete from policy_rules_class where rules_id = :r and group_id = :g").param("r", rules.id()).param("g", groupId).update();
        jdbc.sql("insert into policy_rules_class (rules_id, group_id, received_on, recorded_by) values (:r, :g, :d, :by)")
            .param("r", rules.id()).param("g", groupId).param("d", Date.valueOf(receivedOn)).param("by", Caller.currentActor()).update();
        audit.note(AUDIT_TYPE, rules.id(), schoolId, Action.UPDATED, "forms of class " + groupId + " received on " + receivedOn);
    }

    /** The classes of the school and when their forms for the current pupils' rules came in. */
    public List<ClassAcceptance> classes(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        var rules = current(schoolId, Audience.PUPILS, caller);
        Map<Long, LocalDate> received = new java.util.HashMap<>();
        rules.ifPresent(r -> jdbc.sql("select group_id, received_on from policy_rules_class where rules_id = :r").param("r", r.id())
            .query((rs, n) -> received.put(rs.getLong(1), rs.getObject(2, LocalDate.class))).list());
        return groups.list(schoolId, false, caller).stream()
            .map(g -> new ClassAcceptance(g.id(), g.name(), received.get(g.id()))).toList();
    }

    private boolean acceptedBy(long rulesId, long personId) {
        return jdbc.sql("select count(*) from policy_rules_acceptance where rules_id = :r and person_id = :p")
            .param("r", rulesId).param("p", personId).query(Long.class).single() > 0;
    }

    private static Version version(ResultSet rs) throws SQLException {
        var approved = rs.getTimestamp("approved_at");
        var updated = rs.getTimestamp("updated_at");
        return new Version(rs.getLong("id"), Audience.valueOf(rs.getString("audience")), rs.getObject("number", Integer.class),
            rs.getString("body"), approved == null ? null : approved.toInstant(), rs.getString("approved_by"), rs.getInt("version"),
            updated == null ? null : updated.toInstant(), rs.getString("updated_by"));
    }

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }
}
