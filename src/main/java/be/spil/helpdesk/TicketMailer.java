package be.spil.helpdesk;

import be.spil.directory.Identity;
import be.spil.directory.People;
import be.spil.school.Schools;
import java.util.LinkedHashSet;
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
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * E-mails the people involved when a ticket changes: the reporter on a status change or a public reply, the
 * assignee when the ticket is given to them or the reporter replies. Runs only after the change is committed and
 * sends in the background: a mail server that is down or slow is logged and never fails or slows the user's action.
 * Without {@code spring.mail.host} no mail is sent. Mails are plain text, so whatever users typed stays inert.
 */
@Component
class TicketMailer {
    private static final Logger log = LoggerFactory.getLogger(TicketMailer.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ObjectProvider<JavaMailSender> sender;
    private final Tickets tickets;
    private final People people;
    private final Schools schools;
    private final MessageSource messages;
    private final TaskExecutor executor;
    private final String from;
    private final String baseUrl;
    private final ReplyTokens replyTokens;

    TicketMailer(ObjectProvider<JavaMailSender> sender, Tickets tickets, People people, Schools schools, MessageSource messages,
                 @Qualifier("applicationTaskExecutor") ObjectProvider<TaskExecutor> executor,
                 @Value("${spil.mail.from:spil@localhost}") String from, @Value("${spil.base-url:}") String baseUrl,
                 ReplyTokens replyTokens) {
        this.sender = sender;
        this.tickets = tickets;
        this.people = people;
        this.schools = schools;
        this.messages = messages;
        // the application's task executor when there is exactly one; otherwise in the caller's thread (still after commit)
        this.executor = executor.getIfUnique(() -> Runnable::run);
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.replyTokens = replyTokens;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketEvent event) {
        var mail = sender.getIfAvailable();
        if (QuietMail.isQuiet(event.ticketId())) {
            return;
        }
        if (mail == null) {
            return;
        }
        try {
            var facts = tickets.mailFacts(event);
            var recipients = new LinkedHashSet<Long>();
            String key = switch (event.kind()) {
                case REPORTED -> null;
                case STATUS_CHANGED -> {
                    recipients.add(facts.reporterId());
                    yield "mail.ticket.status";
                }
                case ASSIGNED -> {
                    if (facts.assigneeId() != null) {
                        recipients.add(facts.assigneeId());
                    }
                    yield "mail.ticket.assigned";
                }
                case PUBLIC_REPLY -> {
                    recipients.add(facts.reporterId());
                    if (facts.assigneeId() != null) {
                        recipients.add(facts.assigneeId());
                    }
                    yield "mail.ticket.reply";
                }
            };
            recipients.remove(event.actorId());
            if (key == null || recipients.isEmpty()) {
                return;
            }
            var message = message(facts, key, addresses(recipients));
            if (message.getTo() == null || message.getTo().length == 0) {
                return;
            }
            replyTokens.decorate(message, event.ticketId(), facts.number());
            executor.execute(() -> send(mail, message, facts.number()));
        } catch (RuntimeException e) {
            log.warn("No mail for ticket event {}: {}", event, e.toString());
        }
    }

    private void send(JavaMailSender mail, SimpleMailMessage message, long number) {
        try {
            mail.send(message);
        } catch (RuntimeException e) {
            log.warn("Mail about ticket #{} not sent: {}", number, e.toString());
        }
    }

    private String[] addresses(Set<Long> personIds) {
        return personIds.stream().map(people::identityById).flatMap(Optional::stream).filter(Identity::active)
            .map(Identity::email).filter(e -> e != null && !e.isBlank()).distinct().toArray(String[]::new);
    }

    private SimpleMailMessage message(Tickets.MailFacts facts, String key, String[] to) {
        String code = schools.byId(facts.schoolId()).code();
        String status = messages.getMessage("ticket.status." + facts.status(), null, facts.status().name(), DUTCH);
        var m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to);
        m.setSubject(messages.getMessage(key + ".subject", new Object[] {String.valueOf(facts.number()), oneLine(facts.subject()), status}, DUTCH));
        var body = new StringBuilder(messages.getMessage(key + ".body", new Object[] {String.valueOf(facts.number()), facts.subject(), status}, DUTCH));
        if (facts.commentBody() != null) {
            body.append("\n\n").append(facts.commentAuthor()).append(":\n").append(facts.commentBody());
        }
        body.append("\n\n").append(baseUrl).append("/schools/").append(code).append("/tickets/").append(facts.number()).append('\n');
        m.setText(body.toString());
        return m;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
