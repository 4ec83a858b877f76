package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The helpdesk's mail and timed work against real servers (GreenMail SMTP and IMAP) and a clock the test moves, in a
 * school year of its own far ahead: replies by e-mail, the daily digest, auto-close, SLA pauses and auto-assignment.
 */
@SpilIntegrationTest
@Import(HelpdeskMailboxTest.TestClock.class)
class HelpdeskMailboxTest {
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static final String MAILBOX = "helpdesk@test.spil.be";
    static final String MAILBOX_PASSWORD = "mailbox-secret";
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2150-10-05T07:00:00Z"), BRUSSELS);

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
        new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD));

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spil.mail.from", () -> "noreply@test.spil.be");
        registry.add("spil.base-url", () -> "https://spil.example.be");
        registry.add("spil.helpdesk.inbound.enabled", () -> "true");
        registry.add("spil.helpdesk.inbound.protocol", () -> "imap");
        registry.add("spil.helpdesk.inbound.host", () -> "127.0.0.1");
        registry.add("spil.helpdesk.inbound.port", () -> IMAP_PORT);
        registry.add("spil.helpdesk.inbound.username", () -> MAILBOX);
        registry.add("spil.helpdesk.inbound.password", () -> MAILBOX_PASSWORD);
        registry.add("spil.helpdesk.inbound.address", () -> MAILBOX);
        // the test polls by hand
        registry.add("spil.helpdesk.inbound.initial-delay", () -> "PT10H");
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired InboundMailbox mailbox;
    @Autowired TicketDigest digest;
    @Autowired AutoClose autoClose;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    static SchoolYearView year;
    SchoolView school;
    PersonView coordinator;
    PersonView technician;
    PersonView teacher;
    String base;
    LocalDate monday;

    static synchronized SchoolYearView year(SchoolCalendar calendar) {
        if (year == null) {
            var taken = calendar.schoolYears().stream().map(SchoolYearView::name).toList();
            int first = 2150;
            while (taken.contains(first + "-" + (first + 1)) || taken.contains((first - 1) + "-" + first)
                    || taken.contains((first + 1) + "-" + (first + 2))) {
                first++;
            }
            year = calendar.createSchoolYear(new SchoolYearForm(first + "-" + (first + 1), null, null, null), Fixtures.ADMIN);
        }
        return year;
    }

    @BeforeEach
    void setUp() {
        var y = year(calendar);
        monday = LocalDate.of(Integer.parseInt(y.name().substring(0, 4)), 10, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        CLOCK.set(at(monday, 9, 0));
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        technician = fixtures.user(school, Role.TECHNICIAN);
        teacher = fixtures.user(school, Role.STAFF);
        base = "/api/v1/schools/" + school.code() + "/tickets";
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BRUSSELS).toInstant();
    }

    ResultActions send(MockHttpServletRequestBuilder request, String json, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long report(String subject, String user) throws Exception {
        String body = send(post(base), "{\"subject\":\"" + subject + "\"}", user).andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    String ticket(long number, String user) throws Exception {
        return mvc.perform(get(base + "/" + number).with(httpBasic(user, Fixtures.PASSWORD))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
    }

    int version(long number) throws Exception {
        return Integer.parseInt(ticket(number, coordinator.email()).replaceAll("(?s).*\"version\":(\\d+).*", "$1"));
    }

    void change(long number, String json) throws Exception {
        send(patch(base + "/" + number), "{\"version\":" + version(number) + "," + json + "}", coordinator.email())
            .andExpect(status().isOk());
    }

    /** The newest mail to this address whose subject holds the text, waiting for the background sender. */
    MimeMessage mailTo(String address, String subjectPart) throws Exception {
        for (int i = 0; i < 100; i++) {
            var found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
                try {
                    return GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.TO)).contains(address)
                        && m.getSubject().contains(subjectPart);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).reduce((a, b) -> b);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address + " about " + subjectPart);
    }

    static MimeMessage reply(String from, String to, String subject, String text) throws Exception {
        var m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }

    void deliver(MimeMessage m) {
        MAIL.getUserManager().getUser(MAILBOX).deliver(m);
    }

    int folderCount(String name) throws Exception {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP_PORT, MAILBOX, MAILBOX_PASSWORD);
        try {
            Folder f = store.getFolder(name);
            return f.exists() ? f.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

    @Test
    void theReportersReplyByMailLandsOnTheTicketOnceAndReopensIt() throws Exception {
        long n = report("Printer lokaal 12 drukt niet", teacher.email());
        change(n, "\"status\":\"RESOLVED\"");
        var notification = mailTo(teacher.email(), "#" + n);
        assertThat(notification.getReplyTo()).hasSize(1);
        String replyTo = ((InternetAddress) notification.getReplyTo()[0]).getAddress();
        assertThat(replyTo).matches("helpdesk\\+[a-z0-9]{12}@test\\.spil\\.be");
        assertThat(notification.getSubject()).matches(".*\\[#T-" + n + "-[a-z0-9]{12}]");
        String quoted = GreenMailUtil.getBody(notification).lines().map(l -> "> " + l).reduce("", (a, b) -> a + b + "\n");

        CLOCK.advance(Duration.ofDays(2));
        var answer = reply(teacher.email(), replyTo, "Re: " + notification.getSubject(),
            "Hij drukt nog altijd niet, sorry.\n\nOp ma 5 okt. om 10:00 schreef Spil <noreply@test.spil.be>:\n" + quoted);
        deliver(answer);
        var result = mailbox.poll();
        assertThat(result.accepted()).isEqualTo(1);
        String json = ticket(n, teacher.email());
        assertThat(json).contains("Hij drukt nog altijd niet, sorry.", "\"status\":\"NEW\"", "\"authorId\":" + teacher.id())
            .doesNotContain("schreef Spil", "Antwoord boven");
        assertThat(folderCount("INBOX")).isZero();
        assertThat(folderCount("Spil-verwerkt")).isEqualTo(1);

        // the same mail again (a second node, a restored mailbox): nothing happens twice
        deliver(answer);
        assertThat(mailbox.poll().accepted()).isEqualTo(1);
        assertThat(ticket(n, teacher.email()).split("Hij drukt nog altijd niet", -1)).hasSize(2);
        assertThat(folderCount("INBOX")).isZero();

        // an HTML reply by the ICT coordinator: only the text, nothing of the markup
        var html = new MimeMessage(Session.getInstance(new Properties()));
        html.setFrom(new InternetAddress(coordinator.email()));
        html.setRecipients(Message.RecipientType.TO, MAILBOX);
        html.setSubject("RE: " + notification.getSubject());
        var alternative = new MimeMultipart("alternative");
        var part = new MimeBodyPart();
        part.setContent("<html><head><style>p{color:red}</style></head><body><p>Toner &amp; drum <b>vervangen</b>.</p>"
            + "<script>alert('x')</script><img src=x onerror=alert(1)><blockquote>oude tekst</blockquote></body></html>",
            "text/html; charset=UTF-8");
        alternative.addBodyPart(part);
        html.setContent(alternative);
        html.saveChanges();
        deliver(html);
        assertThat(mailbox.poll().accepted()).isEqualTo(1);
        assertThat(ticket(n, coordinator.email())).contains("Toner & drum vervangen.").doesNotContain("alert", "<b>", "oude tekst",
            "color:red");
    }

    @Test
    void mailsItCannotTrustAreSetAsideNotLost() throws Exception {
        long n = report("Wifi valt weg", teacher.email());
        change(n, "\"status\":\"WAITING_REPORTER\"");
        var notification = mailTo(teacher.email(), "#" + n);
        String replyTo = ((InternetAddress) notification.getReplyTo()[0]).getAddress();
        String subject = "Re: " + notification.getSubject();
        var colleague = fixtures.user(school, Role.STAFF);
        var otherSchool = fixtures.school();
        var outsider = fixtures.user(otherSchool, Role.ICT_COORDINATOR);
        var autoReply = reply(teacher.email(), replyTo, "Afwezig: " + subject, "Ik ben afwezig tot maandag.");
        autoReply.setHeader("Auto-Submitted", "auto-replied");
        autoReply.saveChanges();
        var spoofed = reply(teacher.email(), replyTo, subject, "Doe maar iets.");
        spoofed.setHeader("Authentication-Results", "mx.test.spil.be; spf=fail; dmarc=fail header.from=test.spil.be");
        spoofed.saveChanges();
        for (var m : List.of(
                reply("vreemde@elders.example", replyTo, subject, "Klik hier."),
                reply(colleague.email(), replyTo, subject, "Ik heb hetzelfde probleem."),
                reply(outsider.email(), replyTo, subject, "Andere school."),
                reply(teacher.email(), MAILBOX, "Re: Melding [#T-" + n + "-aaaaaaaaaaaa]", "Verkeerd kenmerk."),
                reply(teacher.email(), MAILBOX, "Gewoon een mail zonder kenmerk", "Waar gaat dit heen?"),
                reply(teacher.email(), replyTo, subject, "> alleen geciteerde tekst"),
                autoReply, spoofed)) {
            deliver(m);
        }
        var result = mailbox.poll();
        assertThat(result.accepted()).isZero();
        assertThat(result.setAside()).isEqualTo(8);
        assertThat(folderCount("INBOX")).isZero();
        assertThat(folderCount("Spil-apart")).isEqualTo(8);
        String json = ticket(n, coordinator.email());
        assertThat(json).contains("\"status\":\"WAITING_REPORTER\"", "\"comments\":[]");
        assertThat(jdbc.sql("select outcome from ticket_inbound_mail where ticket_id = (select id from ticket where school_id = :s and number = :n)")
                .param("s", school.id()).param("n", n).query(String.class).list())
            .contains("UNKNOWN_SENDER", "NOT_ALLOWED", "EMPTY", "AUTO_REPLY", "SPOOFED");
    }

    @Test
    void coordinatorsGetADigestOfOverdueAndUnassignedTickets() throws Exception {
        long late = report("Beamer B.12 <geen beeld>", teacher.email());
        long waiting = report("Nieuwe muis", teacher.email());
        change(waiting, "\"assigneeId\":" + technician.id());
        CLOCK.advance(Duration.ofDays(14));
        long fresh = report("Account geblokkeerd", teacher.email());
        assertThat(digest.run()).isPositive();
        var mail = mailTo(coordinator.email(), school.name());
        assertThat(mail.getSubject()).contains("2 te laat", "2 niet toegewezen");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("#" + late + " Beamer B.12 <geen beeld>", "#" + waiting + " Nieuwe muis", "#" + fresh + " Account geblokkeerd",
            "https://spil.example.be/schools/" + school.code() + "/tickets");
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(teacher.email()) && m.getSubject().contains("Helpdesk");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).as("only coordinators get the digest").isEmpty();
        int received = MAIL.getReceivedMessages().length;
        digest.run();
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).skip(received).filter(m -> {
            try {
                return m.getSubject().contains(school.name());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).as("one digest a day, however often the job runs (several app nodes)").isEmpty();
    }

    @Test
    void resolvedTicketsWithoutReactionCloseAfterTheWindow() throws Exception {
        long first = report("Laptop traag", teacher.email());
        change(first, "\"status\":\"RESOLVED\"");
        CLOCK.advance(Duration.ofDays(3));
        long second = report("Laptop luid", teacher.email());
        change(second, "\"status\":\"RESOLVED\"");
        CLOCK.advance(Duration.ofDays(12));
        assertThat(autoClose.run()).isPositive();
        assertThat(ticket(first, coordinator.email())).contains("\"status\":\"CLOSED\"");
        assertThat(ticket(second, coordinator.email())).contains("\"status\":\"RESOLVED\"");
        mvc.perform(get(base + "/" + first + "/history").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$[0].actor").value("system"));
        assertThat(autoClose.run()).as("nothing left to close").isZero();
    }

    @Test
    void timeWaitingForTheReporterDoesNotCountTowardResolution() throws Exception {
        long n = report("Smartboard kalibreren", teacher.email());
        // no lesson periods: 8:30–16:00 counts; medium resolves in 1500 minutes: Thursday 11:30
        assertThat(ticket(n, coordinator.email())).contains("\"resolveDueAt\":\"" + at(monday.plusDays(3), 11, 30) + "\"");
        CLOCK.set(at(monday, 10, 0));
        change(n, "\"status\":\"WAITING_REPORTER\"");
        CLOCK.set(at(monday.plusDays(1), 10, 0));
        send(post(base + "/" + n + "/comments"), "{\"body\":\"Het is bord 3.\"}", teacher.email()).andExpect(status().isCreated());
        // paused Monday 10:00–16:00 and Tuesday 8:30–10:00: 450 minutes of school time, the due time moves to Friday 11:30
        assertThat(ticket(n, coordinator.email())).contains("\"status\":\"IN_PROGRESS\"",
            "\"resolveDueAt\":\"" + at(monday.plusDays(4), 11, 30) + "\"");
        // waiting for a supplier from Tuesday 11:00 to Wednesday 11:00 (450 minutes): the next Monday 11:30
        CLOCK.set(at(monday.plusDays(1), 11, 0));
        change(n, "\"status\":\"WAITING_SUPPLIER\"");
        CLOCK.set(at(monday.plusDays(2), 11, 0));
        change(n, "\"status\":\"IN_PROGRESS\"");
        assertThat(ticket(n, coordinator.email())).contains("\"resolveDueAt\":\"" + at(monday.plusDays(7), 11, 30) + "\"");
        // a new priority counts from the report again, keeping both pauses: high resolves in 600 minutes (Tuesday 12:00),
        // plus 900 paused: Thursday 11:30
        change(n, "\"impact\":\"HIGH\"");
        assertThat(ticket(n, coordinator.email())).contains("\"priority\":\"HIGH\"",
            "\"resolveDueAt\":\"" + at(monday.plusDays(3), 11, 30) + "\"");
    }

    @Test
    void aNewTicketGoesToWhoeverCarriesFirstLineHelp() throws Exception {
        String team = "/api/v1/schools/" + school.code() + "/team";
        String y = "?year=" + year.name();
        long techMember = memberId(send(post(team + "/members" + y), "{\"person\":" + technician.id() + ",\"education\":\"BACHELOR_ICT\"}",
            coordinator.email()));
        long coordMember = memberId(send(post(team + "/members" + y), "{\"person\":" + coordinator.id() + ",\"education\":\"MASTER\"}",
            coordinator.email()));
        send(post(team + "/assignments" + y), "{\"task\":\"T04\",\"responsible\":" + techMember + ",\"backups\":[" + coordMember
            + "],\"level\":\"CORE\",\"funding\":\"ICT_HOURS\",\"hours\":20}", coordinator.email()).andExpect(status().isCreated());

        long n = report("Kan niet inloggen op Smartschool", teacher.email());
        assertThat(ticket(n, coordinator.email())).contains("\"status\":\"ASSIGNED\"", "\"assigneeId\":" + technician.id());
        assertThat(mailTo(technician.email(), "#" + n).getSubject()).contains("toegewezen");
        // the first-line helper's own report goes to the backup
        long own = report("Mijn laptop start niet", technician.email());
        assertThat(ticket(own, coordinator.email())).contains("\"assigneeId\":" + coordinator.id());

        // the school switches it off: new tickets wait in the queue again
        String settings = "/api/v1/schools/" + school.code() + "/helpdesk-settings";
        send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(settings), "{\"autoAssign\":false,\"version\":0}",
            coordinator.email()).andExpect(status().isOk()).andExpect(jsonPath("$.autoAssign").value(false));
        long later = report("Geluid werkt niet", teacher.email());
        assertThat(ticket(later, coordinator.email())).contains("\"status\":\"NEW\"", "\"assigneeId\":null");
    }

    static long memberId(ResultActions result) throws Exception {
        return Long.parseLong(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
            .replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    }
    // ---- requests with approval, followers, reopening, and payloads in every mail ----

    /** Every mail to this address so far (after a short wait for the background sender). */
    List<MimeMessage> mailsTo(String address) throws Exception {
        Thread.sleep(700);
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.TO)).contains(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The mail to this address whose subject and text hold these parts, waiting for the background sender. */
    MimeMessage mailWith(String address, String subjectPart, String textPart) throws Exception {
        for (int i = 0; i < 100; i++) {
            var found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
                try {
                    return GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.TO)).contains(address)
                        && m.getSubject().contains(subjectPart) && m.getContent().toString().contains(textPart);
                } catch (jakarta.mail.MessagingException | IOException e) {
                    return false;
                }
            }).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + address + " about " + subjectPart + " with " + textPart);
    }

    long requestType(String code) {
        return jdbc.sql("select id from ticket_request_type where code = :c").param("c", code).query(Long.class).single();
    }

    long ask(long type, String values, String user) throws Exception {
        String body = send(post("/api/v1/schools/" + school.code() + "/requests"), "{\"type\":" + type + ",\"values\":" + values + "}", user)
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    void decide(long n, String json, String user) throws Exception {
        send(post(base + "/" + n + "/approval"), json, user).andExpect(status().isOk());
    }

    @Test
    void approversHearOfAWaitingRequestAndTheRequesterOfTheDecisionWithItsReason() throws Exception {
        var director = fixtures.user(school, Role.DIRECTOR);
        var secondCoordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        // a purchase is the director's to approve: the director gets it, the coordinators do not
        long purchase = ask(requestType("purchase"), "{\"item\":\"3D-printer\",\"quantity\":\"2\",\"reason\":\"STEM-project\"}",
            teacher.email());
        var waiting = mailTo(director.email(), "#" + purchase);
        assertThat(waiting.getSubject()).isEqualTo("[Spil] Aanvraag #" + purchase + " wacht op uw goedkeuring: Aankoopaanvraag");
        String body = GreenMailUtil.getBody(waiting);
        assertThat(body).contains(teacher.firstName() + " " + teacher.lastName(), "goed te keuren of te weigeren", "3D-printer",
            "STEM-project", "https://spil.example.be/schools/" + school.code() + "/tickets/" + purchase);
        assertThat(waiting.getFrom()[0].toString()).isEqualTo("noreply@test.spil.be");
        assertThat(mailsTo(coordinator.email())).isEmpty();
        assertThat(mailsTo(secondCoordinator.email())).isEmpty();
        assertThat(mailsTo(teacher.email())).as("the requester asked; no mail for that").isEmpty();

        // refused with a reason: one mail to the requester with it (not also a reply mail and a status mail)
        decide(purchase, "{\"decision\":\"REFUSE\",\"reason\":\"Geen budget dit schooljaar\"}", director.email());
        var refused = mailTo(teacher.email(), "geweigerd");
        assertThat(refused.getSubject()).startsWith("[Spil] Aanvraag #" + purchase + " geweigerd: Aankoopaanvraag");
        assertThat(GreenMailUtil.getBody(refused)).contains("geweigerd door " + director.firstName() + " " + director.lastName(),
            "Reden: Geen budget dit schooljaar", "/tickets/" + purchase);
        assertThat(refused.getReplyTo()[0].toString()).as("the requester may answer by mail").contains("helpdesk+");
        assertThat(mailsTo(teacher.email())).hasSize(1);
        assertThat(mailsTo(director.email())).as("the director made the decision").hasSize(1);

        // a software installation is the coordinators': both get it; approved, the requester hears it
        String tag = send(post("/api/v1/schools/" + school.code() + "/assets"), "{\"category\":\"DESKTOP\",\"manufacturer\":\"HP\",\"model\":\"ProDesk\"}",
            coordinator.email()).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
            .replaceAll("(?s).*\"tag\":\"([^\"]+)\".*", "$1");
        long install = ask(requestType("software-install"), "{\"asset\":\"" + tag + "\",\"software\":\"GeoGebra\",\"reason\":\"Wiskunde\"}",
            teacher.email());
        assertThat(mailTo(coordinator.email(), "#" + install).getSubject()).contains("wacht op uw goedkeuring");
        assertThat(mailTo(secondCoordinator.email(), "#" + install).getSubject()).contains("wacht op uw goedkeuring");
        assertThat(mailsTo(director.email())).hasSize(1);
        decide(install, "{\"decision\":\"APPROVE\",\"reason\":\"Gratis licentie\"}", coordinator.email());
        var approved = mailTo(teacher.email(), "goedgekeurd");
        assertThat(approved.getSubject()).startsWith("[Spil] Aanvraag #" + install + " goedgekeurd:");
        assertThat(GreenMailUtil.getBody(approved)).contains("goedgekeurd door", "Gratis licentie");
        assertThat(mailsTo(teacher.email())).hasSize(2);

        // a school without a director: the coordinators hear of a purchase request
        var otherSchool = fixtures.school();
        var otherCoordinator = fixtures.user(otherSchool, Role.ICT_COORDINATOR);
        var otherTeacher = fixtures.user(otherSchool, Role.STAFF);
        String body2 = send(post("/api/v1/schools/" + otherSchool.code() + "/requests"), "{\"type\":" + requestType("purchase")
            + ",\"values\":{\"item\":\"Webcam\",\"quantity\":\"1\",\"reason\":\"Afstandsles\"}}", otherTeacher.email())
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long other = Long.parseLong(body2.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
        assertThat(mailTo(otherCoordinator.email(), "#" + other).getSubject()).contains("wacht op uw goedkeuring");
    }

    @Test
    void followersHearPublicRepliesAndStatusChangesButNeverNotesOrTheirOwnChanges() throws Exception {
        var colleague = fixtures.user(school, Role.STAFF);
        long a = report("Wifi valt weg in B-blok", teacher.email());
        long b = report("Geen wifi in lokaal B.12", colleague.email());
        send(post(base + "/" + b + "/merge"), "{\"into\":" + a + ",\"version\":" + version(b) + "}", coordinator.email())
            .andExpect(status().isOk());
        var merged = mailTo(colleague.email(), "die u volgt");
        assertThat(merged.getSubject()).isEqualTo("[Spil] Melding #" + a + " die u volgt: Nieuw");
        assertThat(GreenMailUtil.getBody(merged)).contains("omdat uw melding ermee werd samengevoegd", "/tickets/" + a);
        int before = mailsTo(colleague.email()).size();

        // an internal note: nobody outside the team hears of it
        send(post(base + "/" + a + "/comments"), "{\"body\":\"Intern: access point vervangen\",\"internal\":true}", coordinator.email())
            .andExpect(status().isCreated());
        assertThat(mailsTo(colleague.email())).hasSize(before);
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(GreenMailUtil::getBody)).noneMatch(t -> t.contains("access point vervangen"));

        // a public reply and a status change: the follower hears both, once each, with the reply's text
        send(post(base + "/" + a + "/comments"), "{\"body\":\"We plaatsen morgen een nieuw access point.\"}", coordinator.email())
            .andExpect(status().isCreated());
        change(a, "\"status\":\"IN_PROGRESS\"");
        var toFollower = mailsTo(colleague.email());
        assertThat(toFollower).hasSize(before + 2);
        assertThat(GreenMailUtil.getBody(toFollower.get(before))).contains("We plaatsen morgen een nieuw access point.");
        assertThat(toFollower.get(before + 1).getSubject()).contains("#" + a, "In behandeling");
        // the reporter hears it from the ordinary mails, not twice
        long toReporter = mailsTo(teacher.email()).stream().filter(m -> GreenMailUtil.getBody(m).contains("nieuw access point")).count();
        assertThat(toReporter).isEqualTo(1);

        // the follower's own reply: everyone else hears it, the follower does not get their own mail
        int reporterBefore = mailsTo(teacher.email()).size();
        send(post(base + "/" + a + "/comments"), "{\"body\":\"Ook in B.14 geen wifi.\"}", colleague.email()).andExpect(status().isCreated());
        assertThat(mailsTo(colleague.email())).hasSize(before + 2);
        assertThat(mailsTo(teacher.email())).hasSize(reporterBefore + 1);
        // a second follower hears the first follower's reply; the reporter's reply reaches the follower
        send(post(base + "/" + a + "/comments"), "{\"body\":\"Bij mij ook nog niet.\"}", teacher.email()).andExpect(status().isCreated());
        assertThat(mailsTo(colleague.email())).hasSize(before + 3);
        assertThat(mailsTo(teacher.email())).hasSize(reporterBefore + 1);
    }

    @Test
    void theReportersReplyReopensWithinFourteenDaysOnThePageAndByMailAndIsRefusedClearlyAfter() throws Exception {
        long n = report("Projector flikkert", teacher.email());
        change(n, "\"status\":\"RESOLVED\"");
        var resolvedMail = mailTo(teacher.email(), "#" + n);
        String replyTo = ((InternetAddress) resolvedMail.getReplyTo()[0]).getAddress();
        // 13 days and 23 hours later a reply on the page reopens it
        CLOCK.advance(Duration.ofDays(14).minusHours(1));
        var session = be.spil.support.TenancyCheck.signIn(mvc, teacher.email());
        String web = "/schools/" + school.code() + "/tickets/" + n;
        assertThat(mvc.perform(get(web).session(session)).andReturn().getResponse().getContentAsString())
            .contains("id=\"reopenHint\"", "opnieuw open (tot ", "id=\"commentForm\"").doesNotContain("reopenExpired");
        mvc.perform(post(web + "/comments").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("body", "Hij flikkert opnieuw."))
            .andExpect(status().is3xxRedirection());
        assertThat(ticket(n, teacher.email())).contains("\"status\":\"NEW\"", "Hij flikkert opnieuw.");

        // resolved again; 14 days and a minute later the page refuses with a clear message and changes nothing
        change(n, "\"status\":\"RESOLVED\"");
        CLOCK.advance(Duration.ofDays(14).plusMinutes(1));
        String page = mvc.perform(post(web + "/comments").session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("body", "En nu weer."))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the page says why and offers a new report instead of the reply form
        assertThat(page).contains("id=\"reopenExpired\"", "langer dan 14 dagen opgelost: een antwoord heropent ze niet meer",
            "href=\"/schools/" + school.code() + "/tickets/new\"").doesNotContain("id=\"commentForm\"");
        assertThat(ticket(n, teacher.email())).contains("\"status\":\"RESOLVED\"").doesNotContain("\"body\":\"En nu weer.\"");
        // the API says the same, naming the field
        send(post(base + "/" + n + "/comments"), "{\"body\":\"En nu weer.\"}", teacher.email()).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("body"));

        // by mail, too late: not added, set aside, and the reporter is told how to report it again
        int before = mailsTo(teacher.email()).size();
        deliver(reply(teacher.email(), replyTo, "Re: " + resolvedMail.getSubject(), "Nog altijd kapot."));
        var result = mailbox.poll();
        assertThat(result.accepted()).isZero();
        assertThat(ticket(n, teacher.email())).contains("\"status\":\"RESOLVED\"").doesNotContain("Nog altijd kapot.");
        var answer = mailTo(teacher.email(), "niet toegevoegd");
        assertThat(answer.getSubject()).isEqualTo("[Spil] Uw antwoord op melding #" + n + " is niet toegevoegd");
        assertThat(answer.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(GreenMailUtil.getBody(answer)).contains("langer dan 14 dagen opgelost",
            "https://spil.example.be/schools/" + school.code() + "/tickets/new");
        assertThat(mailsTo(teacher.email())).hasSize(before + 1);
        assertThat(folderCount("Spil-apart")).isEqualTo(1);

        // by mail within the window: it reopens (a closed ticket too)
        long m = report("Toetsenbord mist toetsen", teacher.email());
        change(m, "\"status\":\"CLOSED\"");
        var closedMail = mailTo(teacher.email(), "#" + m);
        CLOCK.advance(Duration.ofDays(13));
        deliver(reply(teacher.email(), ((InternetAddress) closedMail.getReplyTo()[0]).getAddress(), "Re: " + closedMail.getSubject(),
            "De F-toetsen ontbreken nog."));
        assertThat(mailbox.poll().accepted()).isEqualTo(1);
        assertThat(ticket(m, teacher.email())).contains("\"status\":\"NEW\"", "De F-toetsen ontbreken nog.");
    }

    @Test
    void everyMailCarriesUserTextAsPlainTextOnly() throws Exception {
        var colleague = fixtures.user(school, Role.STAFF);
        var director = fixtures.user(school, Role.DIRECTOR);
        var purchase = requestType("purchase");
        for (String payload : be.spil.support.XssPayloads.PAYLOADS) {
            String subject = "Melding " + payload;
            String json = new tools.jackson.databind.json.JsonMapper().writeValueAsString(java.util.Map.of("subject", subject,
                "description", "Wat: " + payload));
            String created = send(post(base), json, teacher.email()).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
            long n = Long.parseLong(created.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
            long dup = report("Ook kapot", colleague.email());
            send(post(base + "/" + dup + "/merge"), "{\"into\":" + n + ",\"version\":" + version(dup) + "}", coordinator.email())
                .andExpect(status().isOk());
            change(n, "\"assigneeId\":" + technician.id());
            send(post(base + "/" + n + "/comments"), new tools.jackson.databind.json.JsonMapper()
                .writeValueAsString(java.util.Map.of("body", "Antwoord " + payload)), coordinator.email()).andExpect(status().isCreated());
            long r = ask(purchase, new tools.jackson.databind.json.JsonMapper().writeValueAsString(
                java.util.Map.of("item", payload, "quantity", "1", "reason", "Omdat " + payload)), teacher.email());
            decide(r, new tools.jackson.databind.json.JsonMapper().writeValueAsString(
                java.util.Map.of("decision", "REFUSE", "reason", "Nee " + payload)), director.email());

            var assigned = mailTo(technician.email(), "#" + n + " ");
            be.spil.support.XssPayloads.assertPlainMail(assigned, subject);
            var status = mailTo(teacher.email(), "Melding #" + n + ":");
            be.spil.support.XssPayloads.assertPlainMail(status, subject);
            var reply = mailWith(teacher.email(), "reactie op melding #" + n + " ", "Antwoord " + payload);
            be.spil.support.XssPayloads.assertPlainMail(reply, "Antwoord " + payload);
            var followed = mailWith(colleague.email(), "#" + n + " die u volgt", "Antwoord " + payload);
            be.spil.support.XssPayloads.assertPlainMail(followed, "Antwoord " + payload);
            assertThat(followed.getSubject()).doesNotContain("\n");
            var awaiting = mailTo(director.email(), "#" + r + " wacht");
            be.spil.support.XssPayloads.assertPlainMail(awaiting, "Omdat " + payload);
            assertThat(awaiting.getSubject()).as(payload).isEqualTo("[Spil] Aanvraag #" + r + " wacht op uw goedkeuring: Aankoopaanvraag");
            var refused = mailTo(teacher.email(), "#" + r + " geweigerd");
            be.spil.support.XssPayloads.assertPlainMail(refused, "Reden: Nee " + payload);
        }
        CLOCK.advance(Duration.ofDays(20));
        assertThat(digest.run()).isPositive();
        var digestMail = mailTo(coordinator.email(), school.name());
        for (String payload : be.spil.support.XssPayloads.PAYLOADS) {
            be.spil.support.XssPayloads.assertPlainMail(digestMail, "Melding " + payload);
        }
        // nothing sent at all carries an HTML part
        for (var m : MAIL.getReceivedMessages()) {
            assertThat(m.isMimeType("text/plain")).as(m.getSubject()).isTrue();
        }
    }

    @Test
    void largeTicketNumbersAreWrittenWithoutThousandsSeparators() throws Exception {
        report("Eerste", teacher.email());
        jdbc.sql("update ticket_counter set next_value = 12345 where school_id = :s").param("s", school.id()).update();
        long n = report("Scanner lokaal 3", teacher.email());
        assertThat(n).isEqualTo(12345);
        change(n, "\"status\":\"IN_PROGRESS\"");
        var mail = mailTo(teacher.email(), "#12345");
        assertThat(mail.getSubject()).startsWith("[Spil] Melding #12345: In behandeling");
        assertThat(GreenMailUtil.getBody(mail)).contains("Uw melding #12345 ").doesNotContain("12.345");
        long r = ask(requestType("purchase"), "{\"item\":\"Scanner\",\"quantity\":\"1\",\"reason\":\"Nodig\"}", teacher.email());
        assertThat(r).isEqualTo(12346);
        assertThat(mailTo(coordinator.email(), "#12346").getSubject()).startsWith("[Spil] Aanvraag #12346 wacht");
    }
}
