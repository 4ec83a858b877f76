package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.directory.People;
import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Late-return reminders over real SMTP (GreenMail): the teacher gets one a day per late reservation, naming what is
 * still out; nothing is sent without a mail server, and a failed mail is tried again at the next run.
 */
@SpilIntegrationTest
class LateReminderTest {
    static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Reservations reservations;
    @Autowired Loans loans;
    @Autowired People people;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;
    @Autowired LateReminders configured;

    LateReminders reminders(int port, LocalDate day) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        var provider = new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class);
        var clock = Clock.fixed(day.atTime(LocalTime.of(16, 0)).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        return new LateReminders(provider, jdbc, people, messages, clock, "uitlening@test.spil.be", "https://spil.example.be/");
    }

    List<MimeMessage> to(String email) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getRecipients(Message.RecipientType.TO)).contains(email);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void theTeacherIsRemindedOnceADayOfWhatIsStillOut() throws Exception {
        var lending = new LendingFixtures(calendar, assets, pools);
        var school = fixtures.school();
        var year = lending.year();
        lending.lessonPeriods(school);
        var pool = lending.pool(school, "Kar <b>R</b>", 2);
        var tags = pool.devices().stream().map(PoolView.Device::tag).toList();
        var day = LendingFixtures.monday(year).plusDays(3);
        var teacher = fixtures.user(school, Role.STAFF);
        var teacherCaller = new Caller(teacher.id(), teacher.email(), "Test Teacher", false, Map.of(school.id(), Set.of(Role.STAFF)));
        var r = reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(1, 2), 2, null, null, null, null, null),
            teacherCaller);
        loans.handOut(school.id(), r.id(), new Loans.HandOut(tags), Fixtures.ADMIN);

        // without a mail server (the application as the tests run it): nothing is sent, nothing is claimed
        assertThat(configured.run()).isZero();
        // before the end: not late
        assertThat(reminders(PORT, day.minusDays(1)).run()).isGreaterThanOrEqualTo(0);
        assertThat(to(teacher.email())).isEmpty();

        // the afternoon of that day: late; one mail to the teacher naming both devices
        assertThat(reminders(PORT, day).run()).isPositive();
        assertThat(to(teacher.email())).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).contains("Herinnering", "Kar <b>R</b>");
            assertThat(m.getFrom()[0].toString()).isEqualTo("uitlening@test.spil.be");
            assertThat(m.getContentType()).startsWith("text/plain");
            assertThat(GreenMailUtil.getBody(m)).contains(tags.get(0), tags.get(1), "lesuur 1, 2",
                "https://spil.example.be/schools/" + school.code() + "/reservations/" + r.id());
        });
        // the same day again: no second mail
        reminders(PORT, day).run();
        assertThat(to(teacher.email())).hasSize(1);

        // one comes back; the next day the other one is named
        loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(new Loans.Item(tags.get(0), null, null))), Fixtures.ADMIN);
        reminders(PORT, day.plusDays(1)).run();
        assertThat(to(teacher.email())).hasSize(2);
        String second = GreenMailUtil.getBody(to(teacher.email()).get(1));
        assertThat(second).contains(tags.get(1)).doesNotContain(tags.get(0));

        // the mail server is down: logged, and the reminder is tried again at the next run
        assertThat(reminders(freePort(), day.plusDays(2)).run()).isZero();
        assertThat(jdbc.sql("select reminded_on from reservation where id = :id").param("id", r.id()).query(LocalDate.class).single())
            .isEqualTo(day.plusDays(1));
        reminders(PORT, day.plusDays(2)).run();
        assertThat(to(teacher.email())).hasSize(3);

        // all back: no more reminders
        loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(new Loans.Item(tags.get(1), null, null))), Fixtures.ADMIN);
        reminders(PORT, day.plusDays(3)).run();
        assertThat(to(teacher.email())).hasSize(3);
    }
}
