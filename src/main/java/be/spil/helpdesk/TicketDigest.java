package be.spil.helpdesk;

import be.spil.directory.People;
import be.spil.directory.PersonSummary;
import be.spil.school.Schools;
import be.spil.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A morning mail to each school's ICT coordinators with the school's overdue and unassigned open tickets (up to
 * {@link #LISTED} of each, with the totals). Schools with neither get no mail. Off when no mail server is configured
 * or {@code spil.helpdesk.digest.enabled} is false; the time is {@code spil.helpdesk.digest.cron}. A school gets at most
 * one a day, also when several app nodes run the job.
 */
@Component
class TicketDigest {
    private static final Logger log = LoggerFactory.getLogger(TicketDigest.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final int LISTED = 20;

    /** One line of the digest. */
    record Line(long number, String subject, String assignee, Instant due) {}

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcClient jdbc;
    private final People people;
    private final Schools schools;
    private final MessageSource messages;
    private final Clock clock;
    private final boolean enabled;
    private final String from;
    private final String baseUrl;
    private final ZoneId zone;

    TicketDigest(ObjectProvider<JavaMailSender> sender, JdbcClient jdbc, People people, Schools schools, MessageSource messages, Clock clock,
                 @Value("${spil.helpdesk.digest.enabled:true}") boolean enabled, @Value("${spil.mail.from:spil@localhost}") String from,
                 @Value("${spil.base-url:}") String baseUrl, @Value("${spil.helpdesk.zone:Europe/Brussels}") String zone) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.people = people;
        this.schools = schools;
        this.messages = messages;
        this.clock = clock;
        this.enabled = enabled;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(cron = "${spil.helpdesk.digest.cron:0 0 7 * * MON-FRI}", zone = "${spil.helpdesk.zone:Europe/Brussels}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Helpdesk digest not sent: {}", e.toString());
        }
    }

    /** Sends the digests; answers how many mails went out (0 when mail is off). */
    int run() {
        var mail = sender.getIfAvailable();
        if (mail == null || !enabled) {
            return 0;
        }
        var open = TicketStatus.OPEN.stream().map(Enum::name).toList();
        var now = Timestamp.from(clock.instant());
        List<Long> schoolIds = jdbc.sql("""
                select distinct t.school_id from ticket t
                where t.status in (:open) and (t.assignee_id is null or t.resolve_due_at < :now)""")
            .param("open", open).param("now", now).query(Long.class).list();
        int sent = 0;
        for (long schoolId : schoolIds) {
            try {
                sent += school(mail, schoolId, open, now);
            } catch (RuntimeException e) {
                log.warn("Helpdesk digest for school {} not sent: {}", schoolId, e.toString());
            }
        }
        return sent;
    }

    private int school(JavaMailSender mail, long schoolId, List<String> open, Timestamp now) {
        var school = schools.byId(schoolId);
        if (school.archived()) {
            return 0;
        }
        String[] to = people.withRoles(schoolId, EnumSet.of(Role.ICT_COORDINATOR)).stream().map(PersonSummary::id)
            .map(people::identityById).flatMap(java.util.Optional::stream).filter(be.spil.directory.Identity::active)
            .map(be.spil.directory.Identity::email).filter(e -> e != null && !e.isBlank()).distinct().toArray(String[]::new);
        if (to.length == 0) {
            return 0;
        }
        long overdue = count(schoolId, open, now, "t.resolve_due_at < :now");
        long unassigned = count(schoolId, open, now, "t.assignee_id is null");
        if (overdue + unassigned == 0) {
            return 0;
        }
        if (!claim(schoolId)) {
            return 0;
        }
        var overdueLines = lines(schoolId, open, now, "t.resolve_due_at < :now", "t.resolve_due_at, t.id");
        var unassignedLines = lines(schoolId, open, now, "t.assignee_id is null", "t.created_at, t.id");
        var body = new StringBuilder(msg("mail.digest.intro", school.name())).append("\n\n");
        section(body, msg("mail.digest.overdue", overdue), overdueLines, overdue);
        section(body, msg("mail.digest.unassigned", unassigned), unassignedLines, unassigned);
        body.append(baseUrl).append("/schools/").append(school.code()).append("/tickets\n");
        var m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to);
        m.setSubject(msg("mail.digest.subject", overdue, unassigned, school.name().replaceAll("[\\r\\n]+", " ")));
        m.setText(body.toString());
        try {
            mail.send(m);
        } catch (RuntimeException e) {
            jdbc.sql("delete from helpdesk_digest_sent where school_id = :s and sent_on = :d")
                .param("s", schoolId).param("d", today()).update();
            throw e;
        }
        return 1;
    }

    /** Claims today's digest of the school (committed on its own): false when another run or app node already has it. */
    private boolean claim(long schoolId) {
        try {
            return jdbc.sql("insert into helpdesk_digest_sent (school_id, sent_on) values (:s, :d)")
                .param("s", schoolId).param("d", today()).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private void section(StringBuilder body, String title, List<Line> lines, long total) {
        if (total == 0) {
            return;
        }
        body.append(title).append('\n');
        var dates = DateTimeFormatter.ofPattern("d/M HH:mm").withZone(zone);
        for (var l : lines) {
            body.append("- #").append(l.number()).append(' ').append(l.subject().replaceAll("[\\r\\n]+", " "));
            var extra = new ArrayList<String>();
            if (l.assignee() != null) {
                extra.add(l.assignee());
            }
            if (l.due() != null) {
                extra.add(msg("mail.digest.due", dates.format(l.due())));
            }
            if (!extra.isEmpty()) {
                body.append(" (").append(String.join(", ", extra)).append(')');
            }
            body.append('\n');
        }
        if (total > lines.size()) {
            body.append(msg("mail.digest.more", total - lines.size())).append('\n');
        }
        body.append('\n');
    }

    private long count(long schoolId, List<String> open, Timestamp now, String condition) {
        return jdbc.sql("select count(*) from ticket t where t.school_id = :s and t.status in (:open) and " + condition)
            .param("s", schoolId).param("open", open).param("now", now).query(Long.class).single();
    }

    private List<Line> lines(long schoolId, List<String> open, Timestamp now, String condition, String order) {
        return jdbc.sql("select t.number, t.subject, t.assignee_name, t.resolve_due_at from ticket t where t.school_id = :s "
                + "and t.status in (:open) and " + condition + " order by " + order + " limit " + LISTED)
            .param("s", schoolId).param("open", open).param("now", now)
            .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
            .list();
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, DUTCH);
    }
}
