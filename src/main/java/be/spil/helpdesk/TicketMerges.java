package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging duplicates (the ICT team): ticket B, the same problem as A, moves its conversation, files and links (device,
 * room; B's devices become devices linked to A) to A and is closed with a pointer to A; B's reporter is told in a public
 * reply and follows A from then on. Both tickets must be of the same school; requests (with their approval) are not merged.
 */
@Service
@Transactional(readOnly = true)
public class TicketMerges {
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** Where a merged ticket went. */
    public record MergedInto(long number, String subject) {}

    private final Tickets tickets;
    private final TicketRepository repository;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final MessageSource messages;

    TicketMerges(Tickets tickets, TicketRepository repository, JdbcClient jdbc, AuditTrail audit, Clock clock, MessageSource messages) {
        this.tickets = tickets;
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    /** Merges ticket {@code number} (with the {@code version} read) into ticket {@code into} of the same school; answers A. */
    @Transactional
    public TicketView merge(long schoolId, long number, Long into, Integer version, Caller caller) {
        long bId = tickets.visibleId(schoolId, number, caller);
        if (!Tickets.worksQueue(caller, schoolId)) {
            throw new AccessDeniedException("not allowed");
        }
        if (into == null) {
            throw FieldErrorsException.of("into", "ticket.merge.intoRequired");
        }
        if (into == number) {
            throw FieldErrorsException.of("into", "ticket.merge.self");
        }
        long aId = jdbc.sql("select id from ticket where school_id = :s and number = :n").param("s", schoolId).param("n", into)
            .query(Long.class).optional().orElseThrow(() -> FieldErrorsException.of("into", "ticket.merge.unknown", into));
        var b = repository.findById(bId).orElseThrow();
        var a = repository.findById(aId).orElseThrow();
        if (version == null) {
            throw FieldErrorsException.of("version", "error.version.required");
        }
        if (b.status == TicketStatus.CLOSED) {
            throw FieldErrorsException.of("into", "ticket.merge.closed", number);
        }
        if (a.status == TicketStatus.CLOSED) {
            throw FieldErrorsException.of("into", "ticket.merge.closed", into);
        }
        StaleVersionException.check(version, b.version, b.updatedBy, b.updatedAt, () -> Map.of("ticketStatus", b.status.name()));
        long requests = jdbc.sql("select count(*) from ticket_request where ticket_id in (:ids)").param("ids", List.of(aId, bId))
            .query(Long.class).single();
        if (requests > 0) {
            throw FieldErrorsException.of("into", "ticket.merge.request");
        }
        Instant now = clock.instant();
        String actor = Caller.currentActor();
        // the conversation and the files go to A
        jdbc.sql("update ticket_comment set ticket_id = :a where ticket_id = :b").param("a", aId).param("b", bId).update();
        jdbc.sql("update ticket_attachment set ticket_id = :a where ticket_id = :b").param("a", aId).param("b", bId).update();
        // the device and room, when A has none
        if ((a.assetId == null && b.assetId != null) || (a.roomId == null && b.roomId != null)) {
            if (a.assetId == null && b.assetId != null) {
                a.assetId = b.assetId;
                a.assetTag = b.assetTag;
            }
            if (a.roomId == null && b.roomId != null) {
                a.roomId = b.roomId;
                a.roomName = b.roomName;
            }
            a.updatedAt = now;
            a.updatedBy = actor;
            save(a);
        }
        // B's other devices (and its own, when A is about another one) become devices linked to A
        jdbc.sql("""
                insert into ticket_linked_asset (ticket_id, asset_id, asset_tag, linked_at, linked_by)
                select :a, d.asset_id, d.asset_tag, :at, :by from (
                    select asset_id, asset_tag from ticket_linked_asset where ticket_id = :b
                    union select asset_id, asset_tag from ticket where id = :b and asset_id is not null) d
                where d.asset_id <> coalesce(cast(:aAsset as bigint), -1)
                  and d.asset_id not in (select asset_id from ticket_linked_asset where ticket_id = :a)""")
            .param("a", aId).param("b", bId).param("aAsset", a.assetId).param("at", Timestamp.from(now)).param("by", actor).update();
        // B's reporter (and whoever followed B) follow A
        var followers = new java.util.LinkedHashSet<Long>();
        followers.add(b.reporterId);
        followers.addAll(jdbc.sql("select person_id from ticket_follower where ticket_id = :b").param("b", bId).query(Long.class).list());
        followers.remove(a.reporterId);
        for (long person : followers) {
            long exists = jdbc.sql("select count(*) from ticket_follower where ticket_id = :a and person_id = :p").param("a", aId)
                .param("p", person).query(Long.class).single();
            if (exists > 0) {
                continue;
            }
            jdbc.sql("insert into ticket_follower (ticket_id, person_id, since) values (:a, :p, :at)")
                .param("a", aId).param("p", person).param("at", Timestamp.from(now)).update();
        }
        tickets.comment(schoolId, into, messages.getMessage("ticket.merge.noteInto",
            new Object[] {number, b.reporterName, b.subject, b.description}, DUTCH).strip(), false, caller);
        tickets.comment(schoolId, number, messages.getMessage("ticket.merge.noteFrom", new Object[] {into, a.subject}, DUTCH), false, caller);
        var closing = repository.findById(bId).orElseThrow();
        var before = Map.of("ticketStatus", closing.status.name());
        closing.closeAsDuplicate(now, actor);
        save(closing);
        jdbc.sql("insert into ticket_merge (ticket_id, merged_into_id, merged_by, merged_at) values (:b, :a, :by, :at)")
            .param("b", bId).param("a", aId).param("by", actor).param("at", Timestamp.from(now)).update();
        audit.record(Tickets.AUDIT_TYPE, bId, schoolId, Action.UPDATED, "#" + number + " → #" + into, before,
            Map.of("ticketStatus", TicketStatus.CLOSED.name(), "mergedInto", "#" + into));
        audit.record(Tickets.AUDIT_TYPE, aId, schoolId, Action.UPDATED, "#" + number + " → #" + into, Map.of(),
            Map.of("mergedFrom", "#" + number));
        return tickets.get(schoolId, into, caller);
    }

    /** Where the ticket was merged into, if it was. */
    public Optional<MergedInto> mergedInto(long schoolId, long number, Caller caller) {
        long id = tickets.visibleId(schoolId, number, caller);
        return jdbc.sql("select t.number, t.subject from ticket_merge m join ticket t on t.id = m.merged_into_id where m.ticket_id = :id")
            .param("id", id).query((rs, n) -> new MergedInto(rs.getLong(1), rs.getString(2))).optional();
    }

    private void save(Ticket t) {
        try {
            repository.save(t);
        } catch (OptimisticLockingFailureException e) {
            var current = repository.findById(t.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, Map.of("ticketStatus", current.status.name()));
        }
    }
}
