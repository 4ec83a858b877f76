package be.spil.helpdesk;

import be.spil.directory.Identity;
import be.spil.directory.People;
import be.spil.directory.PersonSummary;
import be.spil.school.Schools;
import be.spil.shared.Role;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails about requests with approval, after the change is committed: when a request waits for approval, the type's
 * approvers of the school (its directors or its ICT coordinators; when nobody holds the director role, the
 * coordinators) hear it with the answers; when it is approved or refused, the requester hears it with the reason. The
 * decision replaces the ordinary reply and status mails of that change ({@link QuietMail}). Plain text in Dutch, the
 * school's language, like every helpdesk mail; a mail server that is down is logged and never fails the request.
 */
@Component
class RequestMailer {
    private static final Logger log = LoggerFactory.getLogger(RequestMailer.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private record Facts(long schoolId, long number, String subject, String description, long reporterId, String reporterName,
                         String typeName, Requests.Approver approver, String decidedBy, String reason) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final People people;
    private final Schools schools;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TaskExecutor executor;
    private final ReplyTokens replyTokens;
    private final String from;
    private final String baseUrl;

    RequestMailer(ObjectProvider<JavaMailSender> sender, People people, Schools schools, MessageSource messages, JdbcClient jdbc,
                  @Qualifier("applicationTaskExecutor") ObjectProvider<TaskExecutor> executor, ReplyTokens replyTokens,
                  @Value("${spil.mail.from:spil@localhost}") String from, @Value("${spil.base-url:}") String baseUrl) {
        this.sender = sender;
        this.people = people;
        this.schools = schools;
        this.messages = messages;
        this.jdbc = jdbc;
        this.executor = executor.getIfUnique(() -> Runnable::run);
        this.replyTokens = replyTokens;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RequestEvent event) {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        try {
            var facts = facts(event.ticketId());
            var recipients = new LinkedHashSet<Long>();
            String key;
            if (event.kind() == RequestEvent.Kind.AWAITING_APPROVAL) {
                approvers(facts).forEach(p -> recipients.add(p.id()));
                key = "mail.request.awaiting";
            } else {
                recipients.add(facts.reporterId());
                key = event.kind() == RequestEvent.Kind.APPROVED ? "mail.request.approved" : "mail.request.refused";
            }
            recipients.remove(event.actorId());
            String[] to = addresses(recipients);
            if (to.length == 0) {
                return;
            }
            String code = schools.byId(facts.schoolId()).code();
            Object[] args = {String.valueOf(facts.number()), oneLine(facts.typeName()), oneLine(facts.reporterName()),
                facts.decidedBy() == null ? "" : oneLine(facts.decidedBy()), facts.reason() == null ? "" : facts.reason(),
                oneLine(facts.subject())};
            var m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(to);
            m.setSubject(messages.getMessage(key + ".subject", args, DUTCH));
            var body = new StringBuilder(messages.getMessage(key + ".body", args, DUTCH));
            if (event.kind() == RequestEvent.Kind.AWAITING_APPROVAL && !facts.description().isBlank()) {
                body.append("\n\n").append(facts.description());
            }
            body.append("\n\n").append(baseUrl).append("/schools/").append(code).append("/tickets/").append(facts.number()).append('\n');
            m.setText(body.toString());
            if (event.kind() != RequestEvent.Kind.AWAITING_APPROVAL) {
                replyTokens.decorate(m, event.ticketId(), facts.number());
            }
            executor.execute(() -> {
                try {
                    mail.send(m);
                } catch (RuntimeException e) {
                    log.warn("Mail about request #{} not sent: {}", facts.number(), e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("No mail for request event {}: {}", event, e.toString());
        }
    }

    /** The people who may approve: the type's role in the school; the coordinators when nobody holds the director role. */
    private List<PersonSummary> approvers(Facts facts) {
        if (facts.approver() == Requests.Approver.DIRECTOR) {
            var directors = people.withRoles(facts.schoolId(), EnumSet.of(Role.DIRECTOR));
            if (!directors.isEmpty()) {
                return directors;
            }
        }
        return people.withRoles(facts.schoolId(), EnumSet.of(Role.ICT_COORDINATOR));
    }

    private String[] addresses(Set<Long> personIds) {
        return personIds.stream().map(people::identityById).flatMap(Optional::stream).filter(Identity::active)
            .map(Identity::email).filter(e -> e != null && !e.isBlank()).distinct().toArray(String[]::new);
    }

    private Facts facts(long ticketId) {
        return jdbc.sql("""
                select t.school_id, t.number, t.subject, t.description, t.reporter_id, t.reporter_name, rt.name as type_name,
                       rt.approver, r.decided_by, r.reason
                from ticket t join ticket_request r on r.ticket_id = t.id join ticket_request_type rt on rt.id = r.type_id
                where t.id = :id""")
            .param("id", ticketId)
            .query((rs, n) -> new Facts(rs.getLong("school_id"), rs.getLong("number"), rs.getString("subject"),
                rs.getString("description"), rs.getLong("reporter_id"), rs.getString("reporter_name"), rs.getString("type_name"),
                Requests.Approver.valueOf(rs.getString("approver")), rs.getString("decided_by"), rs.getString("reason")))
            .single();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
