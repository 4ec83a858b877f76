package be.spil.helpdesk;

import be.spil.school.Schools;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The answer to a reporter who replied by e-mail to a ticket resolved longer than {@link Ticket#REOPEN_WINDOW} ago:
 * the reply is not added (the ticket stays as it is) and they are asked, with a link, to report the problem again —
 * the same choice and message as on the ticket's page. Sent once per mail (mails are taken once); plain text.
 */
@Component
class LateReplyAnswer {
    private static final Logger log = LoggerFactory.getLogger(LateReplyAnswer.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final Schools schools;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    LateReplyAnswer(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, Schools schools, MessageSource messages,
                    @Value("${spil.mail.from:spil@localhost}") String from, @Value("${spil.base-url:}") String baseUrl) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.schools = schools;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    void send(String to, long ticketId) {
        var mail = sender.getIfAvailable();
        if (mail == null || to == null) {
            return;
        }
        try {
            var row = jdbc.sql("select school_id, number, subject from ticket where id = :id").param("id", ticketId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).single();
            String code = schools.byId((Long) row[0]).code();
            Object[] args = {String.valueOf(row[1]), ((String) row[2]).replaceAll("[\\r\\n]+", " "), Ticket.REOPEN_WINDOW.toDays()};
            String subject = messages.getMessage("mail.reply.tooLate.subject", args, DUTCH);
            String text = messages.getMessage("mail.reply.tooLate.body", args, DUTCH) + "\n" + baseUrl + "/schools/" + code
                + "/tickets/new\n\n" + baseUrl + "/schools/" + code + "/tickets/" + row[1] + "\n";
            var mime = mail.createMimeMessage();
            var helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            // an automatic answer says so (RFC 3834): mail systems then never answer it in turn
            mime.setHeader("Auto-Submitted", "auto-replied");
            mail.send(mime);
        } catch (RuntimeException | jakarta.mail.MessagingException e) {
            log.warn("No answer to the late reply on ticket {}: {}", ticketId, e.toString());
        }
    }
}
