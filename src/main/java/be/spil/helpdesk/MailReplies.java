package be.spil.helpdesk;

import be.spil.directory.Identity;
import be.spil.directory.People;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one e-mail from the helpdesk mailbox: a reply lands on its ticket as a public reply by the sender, as if they
 * had written it on the ticket's page (so the reporter's reply reopens a resolved ticket within 14 days). The ticket
 * comes from the reply token (plus-address or subject), and the sender must be the reporter, the assignee or the
 * school's ICT team; anything else is set aside and logged. Each mail is taken once, by its Message-ID.
 */
@Component
class MailReplies {
    private static final Logger log = LoggerFactory.getLogger(MailReplies.class);
    /** Longer replies are cut to what a reply may hold. */
    static final int MAX_BODY = 8000;

    /** What became of a mail; only {@link #ACCEPTED} landed on a ticket, the others are set aside in the mailbox. */
    enum Outcome {
        ACCEPTED, UNKNOWN_TICKET, UNKNOWN_SENDER, NOT_ALLOWED, AUTO_REPLY, SPOOFED, EMPTY, REFUSED;

        boolean accepted() {
            return this == ACCEPTED;
        }
    }

    /** A mail as read from the mailbox. {@code key}: its Message-ID, or a digest of its headers when it has none. */
    record Incoming(String key, List<String> from, List<String> recipients, String subject, String text, boolean autoReply,
                    boolean dmarcFailed) {}

    private record TicketFacts(long id, long schoolId, long number, long reporterId, Long assigneeId) {}

    private final JdbcClient jdbc;
    private final Tickets tickets;
    private final People people;
    private final ReplyTokens tokens;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String ownAddress;
    private final LateReplyAnswer lateReplies;

    MailReplies(JdbcClient jdbc, Tickets tickets, People people, ReplyTokens tokens, PlatformTransactionManager transactions, Clock clock,
                @Value("${spil.mail.from:spil@localhost}") String ownAddress, LateReplyAnswer lateReplies) {
        this.lateReplies = lateReplies;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.people = people;
        this.tokens = tokens;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.ownAddress = ownAddress.toLowerCase(Locale.ROOT);
    }

    /** The outcome stored for a mail taken before, if it was. */
    Optional<Outcome> earlier(String key) {
        return jdbc.sql("select outcome from ticket_inbound_mail where message_key = :k").param("k", key).query(String.class).optional()
            .map(Outcome::valueOf);
    }

    /** Takes a mail once: a second call with the same key answers the first outcome and changes nothing. */
    Outcome take(Incoming mail) {
        var before = earlier(mail.key());
        if (before.isPresent()) {
            return before.get();
        }
        String sender = mail.from().size() == 1 ? mail.from().get(0).trim().toLowerCase(Locale.ROOT) : null;
        Outcome decided;
        boolean tooLate = false;
        TicketFacts ticket = null;
        Identity identity = null;
        var ids = tokens.tokensIn(mail.recipients(), mail.subject()).stream().map(tokens::ticketOf).flatMap(Optional::stream)
            .distinct().toList();
        if (ids.size() == 1) {
            ticket = facts(ids.get(0));
        }
        if (mail.autoReply()) {
            decided = Outcome.AUTO_REPLY;
        } else if (mail.dmarcFailed()) {
            decided = Outcome.SPOOFED;
        } else if (ticket == null) {
            decided = Outcome.UNKNOWN_TICKET;
        } else {
            identity = sender == null || sender.equals(ownAddress) ? null
                : people.identityByEmail(sender).filter(Identity::active).orElse(null);
            if (identity == null) {
                decided = Outcome.UNKNOWN_SENDER;
            } else if (!allowed(identity, ticket)) {
                decided = Outcome.NOT_ALLOWED;
            } else if (ReplyText.stripQuoted(mail.text()).isBlank()) {
                decided = Outcome.EMPTY;
            } else {
                decided = Outcome.ACCEPTED;
            }
        }
        if (decided == Outcome.ACCEPTED) {
            try {
                accept(mail, ticket, identity, sender);
                log.info("Mail {} from {} added to ticket #{} of school {}", mail.key(), sender, ticket.number(), ticket.schoolId());
                return Outcome.ACCEPTED;
            } catch (FieldErrorsException e) {
                decided = Outcome.REFUSED;
                tooLate = e.errors().stream().anyMatch(f -> "ticket.reopen.tooLate".equals(f.code()))
                    && identity.personId() == ticket.reporterId();
            } catch (NotFoundException e) {
                decided = Outcome.REFUSED;
            } catch (DuplicateKeyException e) {
                return earlier(mail.key()).orElse(Outcome.REFUSED);
            }
        }
        var outcome = decided;
        var ticketId = ticket == null ? null : ticket.id();
        try {
            tx.executeWithoutResult(s -> record(mail, outcome, ticketId, sender));
        } catch (DuplicateKeyException e) {
            return earlier(mail.key()).orElse(outcome);
        }
        log.warn("Mail {} from {} ({}) set aside: {}", mail.key(), sender, oneLine(mail.subject()), outcome);
        if (tooLate) {
            lateReplies.send(sender, ticketId);
        }
        return outcome;
    }

    private void accept(Incoming mail, TicketFacts ticket, Identity identity, String sender) {
        String text = ReplyText.stripQuoted(mail.text());
        if (text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY - 2) + " …";
        }
        String body = text;
        var caller = identity.caller();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated((Caller.Source) () -> caller, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            tx.executeWithoutResult(s -> {
                record(mail, Outcome.ACCEPTED, ticket.id(), sender);
                tickets.comment(ticket.schoolId(), ticket.number(), body, false, caller);
            });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void record(Incoming mail, Outcome outcome, Long ticketId, String sender) {
        jdbc.sql("""
                insert into ticket_inbound_mail (message_key, outcome, ticket_id, sender, subject, received_at)
                values (:k, :o, :t, :s, :subject, :at)""")
            .param("k", mail.key()).param("o", outcome.name()).param("t", ticketId)
            .param("s", clip(sender == null ? String.join(", ", mail.from()) : sender, 320), java.sql.Types.VARCHAR)
            .param("subject", clip(mail.subject(), 300), java.sql.Types.VARCHAR)
            .param("at", Timestamp.from(clock.instant()))
            .update();
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static String oneLine(String s) {
        return s == null ? "" : clip(s.replaceAll("[\\r\\n]+", " "), 200);
    }

    private boolean allowed(Identity identity, TicketFacts t) {
        return identity.personId() == t.reporterId()
            || (t.assigneeId() != null && identity.personId() == t.assigneeId())
            || Tickets.worksQueue(identity.caller(), t.schoolId());
    }

    private TicketFacts facts(long ticketId) {
        return jdbc.sql("select id, school_id, number, reporter_id, assignee_id from ticket where id = :id").param("id", ticketId)
            .query((rs, n) -> new TicketFacts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getObject(5, Long.class)))
            .single();
    }
}
