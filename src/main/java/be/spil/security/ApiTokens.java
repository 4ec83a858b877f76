package be.spil.security;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: made in the profile page, shown once, kept as a SHA-256 hash, revocable. */
@Service
class ApiTokens {
    static final String PREFIX = "spil_";
    record Token(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
    record Made(long id, String token) {}

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AccountRepository accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Made create(long personId, String name) {
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty()) {
            throw FieldErrorsException.of("name", "token.name.required");
        }
        if (clean.length() > 100) {
            throw FieldErrorsException.of("name", "error.tooLong", 100);
        }
        var account = accounts.findByPersonId(personId).orElseGet(() -> accounts.save(Account.of(personId)));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        jdbc.sql("insert into api_token (account_id, name, token_hash, prefix, created_at) values (:a, :n, :h, :p, :c)")
            .param("a", account.id).param("n", clean).param("h", hash).param("p", token.substring(0, 12))
            .param("c", java.sql.Timestamp.from(clock.instant()))
            .update();
        long id = jdbc.sql("select id from api_token where token_hash = :h").param("h", hash).query(Long.class).single();
        audit.note("person", personId, null, Action.SECURITY, "API token made: " + clean);
        return new Made(id, token);
    }

    List<Token> list(long personId) {
        return jdbc.sql("""
                select t.* from api_token t join account a on a.id = t.account_id
                where a.person_id = :p order by t.revoked_at nulls first, t.created_at desc""")
            .param("p", personId)
            .query((rs, n) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
            .list();
    }

    @Transactional
    void revoke(long personId, long tokenId) {
        int n = jdbc.sql("""
                update api_token set revoked_at = :now
                where id = :id and revoked_at is null and account_id = (select id from account where person_id = :p)""")
            .param("now", java.sql.Timestamp.from(clock.instant())).param("id", tokenId).param("p", personId)
            .update();
        if (n == 0) {
            throw new NotFoundException("token", tokenId);
        }
        audit.note("person", personId, null, Action.SECURITY, "API token revoked: " + tokenId);
    }

    /** The person a valid, unrevoked token belongs to. */
    @Transactional
    Optional<Long> personOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token);
        var person = jdbc.sql("""
                select a.person_id from api_token t join account a on a.id = t.account_id
                where t.token_hash = :h and t.revoked_at is null""")
            .param("h", h).query(Long.class).optional();
        // "last used" to the minute is enough: no write on every call of a busy script
        Instant now = clock.instant();
        person.ifPresent(p -> jdbc.sql("""
                update api_token set last_used_at = :now
                where token_hash = :h and (last_used_at is null or last_used_at < :minuteAgo)""")
            .param("now", java.sql.Timestamp.from(now)).param("h", h)
            .param("minuteAgo", java.sql.Timestamp.from(now.minusSeconds(60))).update());
        return person;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
