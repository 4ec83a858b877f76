package be.spil.lending;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret ICS feeds, so reservations show in Outlook or Google Calendar: one per teacher (their own reservations) or per
 * pool. The URL holds a random token; only its SHA-256 is stored; a revoked feed answers 404.
 */
@Service
@Transactional(readOnly = true)
public class CalendarFeeds {
    static final String AUDIT_TYPE = "calendar-feed";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The feed shows from a month back to half a year ahead. */
    private static final int DAYS_BACK = 31;
    private static final int DAYS_AHEAD = 183;

    private final JdbcClient jdbc;
    private final Pools pools;
    private final Reservations reservations;
    private final AuditTrail audit;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, Pools pools, Reservations reservations, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.pools = pools;
        this.reservations = reservations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a feed of the caller's reservations ({@code poolId} null) or of a pool; the URL path is answered only now. */
    @Transactional
    public FeedView create(long schoolId, Long poolId, Caller caller) {
        Pools.requireSee(schoolId, caller);
        String poolName = null;
        if (poolId != null) {
            poolName = pools.get(schoolId, poolId, caller).name();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        jdbc.sql("""
                insert into calendar_feed (school_id, person_id, pool_id, token_hash, created_at, created_by)
                values (:school, :person, :pool, :hash, :at, :by)""")
            .param("school", schoolId).param("person", poolId == null ? caller.personId() : null).param("pool", poolId)
            .param("hash", hash(token)).param("at", Timestamp.from(now)).param("by", Caller.currentActor())
            .update();
        long id = jdbc.sql("select id from calendar_feed where token_hash = :h").param("h", hash(token)).query(Long.class).single();
        audit.note(AUDIT_TYPE, id, schoolId, Action.CREATED, poolName == null ? "feed of " + caller.name() : "feed of pool " + poolName);
        return new FeedView(id, poolId, poolName, now, "/feeds/" + token + ".ics");
    }

    /** The caller's active feeds in the school (their own, and those they made of pools). */
    public List<FeedView> mine(long schoolId, Caller caller) {
        Pools.requireSee(schoolId, caller);
        return jdbc.sql("""
                select f.id, f.pool_id, p.name, f.created_at from calendar_feed f left join device_pool p on p.id = f.pool_id
                where f.school_id = :school and f.revoked_at is null and (f.person_id = :person or f.created_by = :actor)
                order by f.created_at desc""")
            .param("school", schoolId).param("person", caller.personId()).param("actor", Caller.currentActor())
            .query((rs, n) -> new FeedView(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getTimestamp(4).toInstant(), null))
            .list();
    }

    /** Revokes a feed: its URL answers 404 from now on. The maker or the ICT team may. */
    @Transactional
    public void revoke(long schoolId, long feedId, Caller caller) {
        Pools.requireSee(schoolId, caller);
        var row = jdbc.sql("select person_id, created_by from calendar_feed where id = :id and school_id = :school and revoked_at is null")
            .param("id", feedId).param("school", schoolId)
            .query((rs, n) -> new Object[] {rs.getObject(1, Long.class), rs.getString(2)}).optional()
            .orElseThrow(() -> new NotFoundException("feed", feedId));
        boolean own = Long.valueOf(caller.personId()).equals(row[0]) || Caller.currentActor().equals(row[1]);
        if (!own && !Pools.canManage(caller, schoolId)) {
            throw new NotFoundException("feed", feedId);
        }
        jdbc.sql("update calendar_feed set revoked_at = :at where id = :id").param("at", Timestamp.from(clock.instant()))
            .param("id", feedId).update();
        audit.note(AUDIT_TYPE, feedId, schoolId, Action.ARCHIVED, "feed revoked");
    }

    /** The ICS text of the feed with this token, or empty when there is none or it was revoked. */
    public Optional<String> ics(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        record Feed(long schoolId, Long personId, Long poolId) {}
        var feed = jdbc.sql("select school_id, person_id, pool_id from calendar_feed where token_hash = :h and revoked_at is null")
            .param("h", hash(token))
            .query((rs, n) -> new Feed(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class))).optional();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        var f = feed.get();
        var today = reservations.today();
        var list = reservations.listAll(f.schoolId(), new Reservations.Filter(today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD), f.poolId(),
            f.personId(), false));
        var poolName = f.poolId() == null ? null : pools.find(f.schoolId(), f.poolId()).name();
        var ics = new Ics(poolName == null ? "Spil" : "Spil · " + poolName);
        var now = clock.instant();
        for (var r : list) {
            String summary = r.pool() + ": " + r.devices() + (f.poolId() == null ? "" : " · " + r.personName());
            String description = String.join("\n", java.util.stream.Stream.of(r.group(), r.note())
                .filter(java.util.Objects::nonNull).toList());
            ics.event("reservation-" + r.id() + "@spil", now, r.startsAt(), r.endsAt(), summary, r.room(), description);
        }
        return Optional.of(ics.end());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
