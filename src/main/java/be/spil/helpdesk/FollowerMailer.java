package be.spil.helpdesk;

import be.spil.directory.Identity;
import be.spil.directory.People;
import be.spil.school.Schools;
import java.util.Locale;
import java.util.Optional;
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
 * E-mails the followers of a ticket (reporters of duplicates merged into it) on a status change or a public reply,
 * after the change is committed; like {@link TicketMailer}, a failing mail server is logged and never fails the change.
 */
@Component
class FollowerMailer {
    private static final Logger log = LoggerFactory.getLogger(FollowerMailer.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ObjectProvider<JavaMailSender> sender;
    private final Tickets tickets;
    private final People people;
    private final Schools schools;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TaskExecutor executor;
    private final String from;
    private final String baseUrl;

    FollowerMailer(ObjectProvider<JavaMailSender> sender, Tickets tickets, People people, Schools schools, MessageSource messages,
                   JdbcClient jdbc, @Qualifier("applicationTaskExecutor") ObjectProvider<TaskExecutor> executor,
                   @Value("${spil.mail.from:spil@localhost}") String from, @Value("${spil.base-url:}") String baseUrl) {
        this.sender = sender;
        this.tickets = tickets;
        this.people = people;
        this.schools = schools;
        this.messages = messages;
        this.jdbc = jdbc;
        this.executor = executor.getIfUnique(() -> Runnable::run);
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketEvent event) {
        var mail = sender.getIfAvailable();
        if (QuietMail.isQuiet(event.ticketId())) {
            return;
        }
        if (mail == null || !(event.kind() == TicketEvent.Kind.STATUS_CHANGED || event.kind() == TicketEvent.Kind.PUBLIC_REPLY)) {
            return;
        }
        try {
            var facts = tickets.mailFacts(event);
            // the reporter and the assignee hear it from TicketMailer; whoever made the change does not hear it at all
            var to = jdbc.sql("select person_id from ticket_follower where ticket_id = :t").param("t", event.ticketId())
                .query(Long.class).list().stream()
                .filter(p -> p != event.actorId() && p != facts.reporterId() && !p.equals(facts.assigneeId()))
                .map(people::identityById)
                .flatMap(Optional::stream).filter(Identity::active).map(Identity::email).filter(e -> e != null && !e.isBlank())
                .distinct().toArray(String[]::new);
            if (to.length == 0) {
                return;
            }
            String status = messages.getMessage("ticket.status." + facts.status(), null, facts.status().name(), DUTCH);
            var m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(to);
            Object[] args = {String.valueOf(facts.number()), facts.subject().replaceAll("[\\r\\n]+", " "), status};
            m.setSubject(messages.getMessage("mail.ticket.followed.subject", args, DUTCH));
            var body = new StringBuilder(messages.getMessage("mail.ticket.followed.body", args, DUTCH));
            if (facts.commentBody() != null) {
                body.append("\n\n").append(facts.commentAuthor()).append(":\n").append(facts.commentBody());
            }
            body.append("\n\n").append(baseUrl).append("/schools/").append(schools.byId(facts.schoolId()).code()).append("/tickets/")
                .append(facts.number()).append('\n');
            m.setText(body.toString());
            executor.execute(() -> {
                try {
                    mail.send(m);
                } catch (RuntimeException e) {
                    log.warn("Mail to followers of ticket #{} not sent: {}", facts.number(), e.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("No mail to followers for ticket event {}: {}", event, e.toString());
        }
    }
}
