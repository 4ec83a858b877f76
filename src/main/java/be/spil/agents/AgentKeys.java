package be.spil.agents;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's agent keys: made by its managers, shown once, kept as a SHA-256 hash, revocable. An agent signs in with
 * the school's code as user and a key as password; the key decides the school.
 */
@Service
@Transactional(readOnly = true)
public class AgentKeys {
    static final String AUDIT_TYPE = "agent-key";
    static final String PREFIX = "spilagent_";

    /** A key as listed: never the key itself. */
    public record AgentKey(long id, String name, String prefix, Instant createdAt, String createdBy, Instant lastUsedAt,
                           Instant revokedAt) {}

    /** A new key; {@code key} is shown this once. */
    public record Made(long id, String name, String prefix, String key) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Schools schools;
    private final SecureRandom random = new SecureRandom();

    AgentKeys(JdbcClient jdbc, AuditTrail audit, Clock clock, Schools schools) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.schools = schools;
    }

    private static void requireManage(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
        caller.requireManage(schoolId);
    }

    @Transactional
    public Made create(long schoolId, String name, Caller caller) {
        requireManage(schoolId, caller);
        String clean = Text.blankToNull(name);
        if (clean == null) {
            throw FieldErrorsException.of("name", "agentKey.name.required");
        }
        clean = clean.strip();
        if (clean.length() > 100) {
            throw FieldErrorsException.of("name", "error.tooLong", 100);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = key.substring(0, PREFIX.length() + 6);
        String hash = hash(key);
        jdbc.sql("""
                insert into agent_key (school_id, name, key_hash, prefix, created_at, created_by)
                values (:s, :n, :h, :p, :at, :by)""")
            .param("s", schoolId).param("n", clean).param("h", hash).param("p", prefix)
            .param("at", Timestamp.from(clock.instant())).param("by", Caller.currentActor()).update();
        long id = jdbc.sql("select id from agent_key where key_hash = :h").param("h", hash).query(Long.class).single();
        audit.record(AUDIT_TYPE, id, schoolId, Action.CREATED, clean, Map.of(), Map.of("name", clean, "prefix", prefix));
        return new Made(id, clean, prefix, key);
    }

    public List<AgentKey> list(long schoolId, Caller caller) {
        requireManage(schoolId, caller);
        return jdbc.sql("select * from agent_key where school_id = :s order by revoked_at nulls first, created_at desc, id desc")
            .param("s", schoolId)
            .query((rs, n) -> new AgentKey(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at"))))
            .list();
    }

    @Transactional
    public void revoke(long schoolId, long keyId, Caller caller) {
        requireManage(schoolId, caller);
        var name = jdbc.sql("select name from agent_key where id = :id and school_id = :s").param("id", keyId).param("s", schoolId)
            .query(String.class).optional().orElseThrow(() -> new NotFoundException("agent key", keyId));
        known.values().removeIf(k -> k.keyId() == keyId);
        int n = jdbc.sql("update agent_key set revoked_at = :now where id = :id and school_id = :s and revoked_at is null")
            .param("now", Timestamp.from(clock.instant())).param("id", keyId).param("s", schoolId).update();
        if (n > 0) {
            audit.record(AUDIT_TYPE, keyId, schoolId, Action.ARCHIVED, name, Map.of("revoked", "no"), Map.of("revoked", "yes"));
        }
    }

    /** A key found valid, remembered for {@link #REMEMBERED} so that a busy morning's agents cost no lookups. */
    private record Known(long schoolId, long keyId, Instant checkedAt) {}

    /** How long a valid key is taken on trust; revoking it on this node forgets it at once. */
    static final Duration REMEMBERED = Duration.ofSeconds(30);
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** The school whose code and valid, unrevoked key these are; empty for anything else. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Long> schoolOf(String code, String key) {
        if (code == null || key == null || !key.startsWith(PREFIX) || key.length() > 100 || code.length() > 50) {
            return Optional.empty();
        }
        String h = hash(key);
        String remembered = code + ':' + h;
        Instant now = clock.instant();
        var k = known.get(remembered);
        if (k != null && k.checkedAt().plus(REMEMBERED).isAfter(now)) {
            return Optional.of(k.schoolId());
        }
        var school = schools.idOfCode(code);
        if (school.isEmpty()) {
            return Optional.empty();
        }
        var id = jdbc.sql("select id from agent_key where key_hash = :h and school_id = :s and revoked_at is null")
            .param("h", h).param("s", school.get()).query(Long.class).optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        // "last used" to the minute: no write for every agent of a busy morning
        jdbc.sql("update agent_key set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :minuteAgo)")
            .param("now", Timestamp.from(now)).param("id", id.get()).param("minuteAgo", Timestamp.from(now.minusSeconds(60))).update();
        if (known.size() > 10_000) {
            known.clear();
        }
        known.put(remembered, new Known(school.get(), id.get(), now));
        return school;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
