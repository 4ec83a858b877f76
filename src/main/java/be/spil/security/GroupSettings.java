package be.spil.security;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settings of the whole school group, kept in {@code group_setting}; a setting not stored yet takes its
 * default from the environment. Only central admins change them, and every change is in the audit trail.
 */
@Service
class GroupSettings {
    static final String REQUIRE_MFA = "require-mfa-for-central-admins";
    static final String AUDIT_TYPE = "group_setting";

    record View(boolean requireMfaForCentralAdmins, boolean stored, Instant updatedAt, String updatedBy) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Clock clock;

    GroupSettings(JdbcClient jdbc, AuditTrail audit, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    private record Row(String value, Instant updatedAt, String updatedBy) {}

    private Optional<Row> row(String key) {
        return jdbc.sql("select setting_value, updated_at, updated_by from group_setting where setting_key = :k").param("k", key)
            .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3))).optional();
    }

    /** Whether central admins must sign in with a second factor (the stored setting, else SPIL_REQUIRE_MFA_FOR_CENTRAL_ADMINS). */
    boolean requireMfaForCentralAdmins() {
        return row(REQUIRE_MFA).map(r -> Boolean.parseBoolean(r.value())).orElse(properties.requireMfaForCentralAdmins());
    }

    View view(Caller caller) {
        caller.requireCentralAdmin();
        var r = row(REQUIRE_MFA);
        return new View(requireMfaForCentralAdmins(), r.isPresent(), r.map(Row::updatedAt).orElse(null),
            r.map(Row::updatedBy).orElse(null));
    }

    @Transactional
    void setRequireMfaForCentralAdmins(boolean required, Caller caller) {
        caller.requireCentralAdmin();
        boolean before = requireMfaForCentralAdmins();
        String actor = Caller.currentActor();
        var now = java.sql.Timestamp.from(clock.instant());
        int n = jdbc.sql("update group_setting set setting_value = :v, updated_at = :at, updated_by = :by where setting_key = :k")
            .param("v", Boolean.toString(required)).param("at", now).param("by", actor).param("k", REQUIRE_MFA).update();
        if (n == 0) {
            jdbc.sql("insert into group_setting (setting_key, setting_value, updated_at, updated_by) values (:k, :v, :at, :by)")
                .param("v", Boolean.toString(required)).param("at", now).param("by", actor).param("k", REQUIRE_MFA).update();
        }
        audit.record(AUDIT_TYPE, REQUIRE_MFA, null, Action.UPDATED, "Second factor required for central admins",
            Map.of("requireMfaForCentralAdmins", Boolean.toString(before)),
            Map.of("requireMfaForCentralAdmins", Boolean.toString(required)));
    }
}
