package be.spil.lending;

import be.spil.directory.Identity;
import be.spil.directory.People;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds teachers by e-mail of devices they took out and did not bring back in time. A scheduled job (by default at
 * 16:00 on school days; {@code spil.lending.late-reminder-cron}, {@code -} switches it off) that does nothing when no
 * mail server is configured ({@code spring.mail.host}). Each late reservation gets at most one reminder a day: the job
 * first claims it by setting {@code reminded_on} to today (committed on its own, so two app nodes never both send),
 * then sends; a mail that fails is logged and the claim given back, so the next run tries again. Never part of a
 * user's action. Mails are plain text in Dutch, like the helpdesk's.
 */
@Component
class LateReminders {
    private static final Logger log = LoggerFactory.getLogger(LateReminders.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    /** The most reservations one run looks at; the rest wait for the next run. */
    static final int BATCH = 1000;

    record Late(long id, long personId, String schoolCode, String pool, LocalDate day, String periods, LocalDate remindedOn) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final People people;
    private final MessageSource messages;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    LateReminders(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, People people, MessageSource messages, Clock clock,
                  @Value("${spil.mail.from:spil@localhost}") String from, @Value("${spil.base-url:}") String baseUrl) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Scheduled(cron = "${spil.lending.late-reminder-cron:0 0 16 * * MON-FRI}")
    void scheduled() {
        try {
            int sent = run();
            if (sent > 0) {
                log.info("Reminded {} teacher(s) of late returns", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Late-return reminders not sent: {}", e.toString());
        }
    }

    /** Sends today's reminders; answers how many mails went out (0 when no mail server is configured). */
    int run() {
        var mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        var today = clock.instant().atZone(clock.getZone()).toLocalDate();
        var late = jdbc.sql("""
                select r.id, r.person_id, s.code, p.name, r.on_day, r.periods, r.reminded_on
                from reservation r join device_pool p on p.id = r.pool_id join school s on s.id = r.school_id
                where r.status = 'HANDED_OUT' and r.ends_at < :now and (r.reminded_on is null or r.reminded_on < :today)
                order by r.ends_at limit""" + " " + BATCH)
            .param("now", Timestamp.from(clock.instant())).param("today", today)
            .query((rs, n) -> new Late(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getString(6), rs.getObject(7, LocalDate.class)))
            .list();
        int sent = 0;
        for (var r : late) {
            if (remind(mail, r, today)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(JavaMailSender mail, Late r, LocalDate today) {
        var to = people.identityById(r.personId()).filter(Identity::active).map(Identity::email).filter(e -> e != null && !e.isBlank());
        if (to.isEmpty()) {
            return false;
        }
        List<String> tags = jdbc.sql("""
                select a.tag from reservation_device d join asset a on a.id = d.asset_id
                where d.reservation_id = :r and d.returned_at is null order by a.tag""")
            .param("r", r.id()).query(String.class).list();
        if (tags.isEmpty()) {
            return false;
        }
        int claimed = jdbc.sql("""
                update reservation set reminded_on = :today
                where id = :id and status = 'HANDED_OUT' and (reminded_on is null or reminded_on < :today)""")
            .param("today", today).param("id", r.id()).update();
        if (claimed == 0) {
            return false;
        }
        try {
            mail.send(message(r, to.get(), tags));
            return true;
        } catch (RuntimeException e) {
            log.warn("Reminder about reservation {} not sent: {}", r.id(), e.toString());
            jdbc.sql("update reservation set reminded_on = :before where id = :id and reminded_on = :today")
                .param("before", r.remindedOn()).param("id", r.id()).param("today", today).update();
            return false;
        }
    }

    private SimpleMailMessage message(Late r, String to, List<String> tags) {
        var m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to);
        Object[] args = {r.pool().replaceAll("[\\r\\n]+", " "), r.day().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH)), r.periods().replace(",", ", "), tags.size(),
            String.join(", ", tags)};
        m.setSubject(messages.getMessage("mail.late.subject", args, DUTCH));
        m.setText(messages.getMessage("mail.late.body", args, DUTCH) + "\n\n" + baseUrl + "/schools/" + r.schoolCode()
            + "/reservations/" + r.id() + "\n");
        return m;
    }
}
