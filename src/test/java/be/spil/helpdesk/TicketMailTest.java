package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Notifications over real SMTP (GreenMail): to the right people, after the change, and never failing the change. */
@SpilIntegrationTest
class TicketMailTest {
    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("spil.mail.from", () -> "helpdesk@test.spil.be");
        registry.add("spil.base-url", () -> "https://spil.example.be/");
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

    SchoolView school;
    String coordinator;
    PersonView technician;
    PersonView teacher;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        technician = fixtures.user(school, Role.TECHNICIAN);
        teacher = fixtures.user(school, Role.STAFF);
        base = "/api/v1/schools/" + school.code() + "/tickets";
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json, String user)
        throws Exception {
        return mvc.perform(request.with(httpBasic(user, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long report(String subject) throws Exception {
        String body = send(post(base), "{\"subject\":\"" + subject + "\"}", teacher.email()).andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s).*\"number\":(\\d+).*", "$1"));
    }

    static String to(MimeMessage m) throws Exception {
        return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    }

    @Test
    void theAssigneeAndTheReporterHearWhatConcernsThem() throws Exception {
        long n = report("Digibord <script>alert(1)</script> hapert");
        assertThat(SMTP.getReceivedMessages()).as("nobody needs a mail about their own report").isEmpty();
        send(patch(base + "/" + n), "{\"version\":0,\"assigneeId\":" + technician.id() + "}", coordinator).andExpect(status().isOk());
        assertThat(SMTP.waitForIncomingEmail(30_000, 2)).as("assignment and status change").isTrue();
        var mails = SMTP.getReceivedMessages();
        var toTechnician = Arrays.stream(mails).filter(m -> GreenMailUtil.getAddressList(to2(m)).contains(technician.email())).toList();
        var toTeacher = Arrays.stream(mails).filter(m -> GreenMailUtil.getAddressList(to2(m)).contains(teacher.email())).toList();
        assertThat(toTechnician).hasSize(1);
        assertThat(toTechnician.get(0).getSubject()).contains("#" + n, "toegewezen");
        assertThat(toTechnician.get(0).getFrom()[0].toString()).isEqualTo("helpdesk@test.spil.be");
        assertThat(toTeacher).hasSize(1);
        assertThat(toTeacher.get(0).getSubject()).contains("#" + n, "Toegewezen");
        String body = GreenMailUtil.getBody(toTeacher.get(0));
        assertThat(body).contains("https://spil.example.be/schools/" + school.code() + "/tickets/" + n, "<script>alert(1)</script>");
        assertThat(toTeacher.get(0).getContentType()).startsWith("text/plain");

        // an internal note: no mail; a public reply: the reporter (and the assignee) get it
        send(post(base + "/" + n + "/comments"), "{\"body\":\"Intern: leverancier bellen\",\"internal\":true}", coordinator)
            .andExpect(status().isCreated());
        send(post(base + "/" + n + "/comments"), "{\"body\":\"We komen morgen kijken.\"}", coordinator).andExpect(status().isCreated());
        // GreenMail keeps one copy per recipient: the reply to two people makes two more
        SMTP.waitForIncomingEmail(30_000, 4);
        Thread.sleep(500);
        var all = SMTP.getReceivedMessages();
        assertThat(Arrays.stream(all).map(m -> subject(m) + " → " + GreenMailUtil.getAddressList(to2(m))).toList()).hasSize(4);
        var reply = all[3];
        assertThat(reply.getSubject()).contains("reactie", "#" + n);
        assertThat(GreenMailUtil.getAddressList(reply.getRecipients(Message.RecipientType.TO)))
            .contains(teacher.email(), technician.email()).doesNotContain(coordinator);
        assertThat(GreenMailUtil.getBody(reply)).contains("We komen morgen kijken.").doesNotContain("leverancier bellen");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static jakarta.mail.Address[] to2(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMailServerThatIsDownNeverFailsTheChange() throws Exception {
        SMTP.stop();
        try {
            long n = report("Geen internet");
            send(patch(base + "/" + n), "{\"version\":0,\"status\":\"IN_PROGRESS\",\"assigneeId\":" + technician.id() + "}", coordinator)
                .andExpect(status().isOk());
            send(post(base + "/" + n + "/comments"), "{\"body\":\"Router herstart\"}", coordinator).andExpect(status().isCreated());
            send(post(base + "/" + n + "/comments"), "{\"body\":\"Dank je\"}", teacher.email()).andExpect(status().isCreated());
        } finally {
            SMTP.start();
        }
    }
}
