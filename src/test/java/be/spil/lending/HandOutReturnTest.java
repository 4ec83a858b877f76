package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.spil.inventory.AssetStatus;
import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpilIntegrationTest
class HandOutReturnTest {
    @org.springframework.beans.factory.annotation.Autowired be.spil.helpdesk.Tickets tickets;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Reservations reservations;
    @Autowired Loans loans;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void devicesGoOutAndComeBackADamagedOneGoesToRepairAndCapacityDropsWithAFlagForTheCoordinator() {
        var lending = new LendingFixtures(calendar, assets, pools);
        SchoolView school = fixtures.school();
        var year = lending.year();
        lending.lessonPeriods(school);
        var pool = lending.pool(school, "Kar K", 3);
        var tags = pool.devices().stream().map(PoolView.Device::tag).toList();
        var day = LendingFixtures.monday(year);
        var r = reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(1, 2), 2, null, null, null, null, null),
            Fixtures.ADMIN);
        // a later reservation of the whole pool on another day
        var later = reservations.reserve(school.id(), new ReservationForm(pool.id(), day.plusDays(1), List.of(1), 3, null, null, null,
            null, null), Fixtures.ADMIN);

        var teacher = fixtures.user(school, Role.STAFF);
        var teacherCaller = new be.spil.shared.Caller(teacher.id(), teacher.email(), "T", false,
            java.util.Map.of(school.id(), java.util.Set.of(Role.STAFF)));
        assertThatThrownBy(() -> loans.handOut(school.id(), r.id(), new Loans.HandOut(List.of(tags.get(0))), teacherCaller))
            .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> loans.handOut(school.id(), r.id(), new Loans.HandOut(List.of("NOT-IN-POOL")), Fixtures.ADMIN))
            .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("loan.notInPool"));
        assertThatThrownBy(() -> loans.handOut(school.id(), r.id(), new Loans.HandOut(tags), Fixtures.ADMIN))
            .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("loan.tooMany"));

        var out = loans.handOut(school.id(), r.id(), new Loans.HandOut(List.of(tags.get(0).toLowerCase(), tags.get(1))), Fixtures.ADMIN);
        assertThat(out).hasSize(2).allMatch(d -> d.returnedAt() == null);
        assertThat(reservations.get(school.id(), r.id(), Fixtures.ADMIN).status()).isEqualTo(ReservationStatus.HANDED_OUT);
        // a device that is out cannot go out twice
        assertThatThrownBy(() -> loans.handOut(school.id(), later.id(), new Loans.HandOut(List.of(tags.get(0))), Fixtures.ADMIN))
            .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("loan.alreadyOut"));
        // damaged needs a note
        assertThatThrownBy(() -> loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(
                new Loans.Item(tags.get(1), Condition.DAMAGED, " "))), Fixtures.ADMIN))
            .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("loan.noteRequired"));

        var back = loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(
            new Loans.Item(tags.get(0), Condition.OK, null),
            new Loans.Item(tags.get(1), Condition.DAMAGED, "Scherm gebarsten <b>"))), Fixtures.ADMIN);
        assertThat(back).allMatch(d -> d.returnedAt() != null);
        assertThat(back).filteredOn(d -> d.tag().equals(tags.get(1))).singleElement()
            .satisfies(d -> assertThat(d.condition()).isEqualTo(Condition.DAMAGED));
        assertThat(reservations.get(school.id(), r.id(), Fixtures.ADMIN).status()).isEqualTo(ReservationStatus.RETURNED);
        var damaged = assets.byTag(school.id(), tags.get(1), Fixtures.ADMIN);
        assertThat(damaged.status()).isEqualTo(AssetStatus.IN_REPAIR);
        assertThat(assets.history(school.id(), damaged.id(), Fixtures.ADMIN).status().get(0).reason())
            .contains("Scherm gebarsten <b>");
        // and the helpdesk has a ticket for it, with the device and the note
        var ticketList = tickets.search(school.id(), be.spil.helpdesk.TicketFilter.open(), new be.spil.shared.Paging(0, 10), Fixtures.ADMIN);
        assertThat(ticketList.items()).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Beschadigd teruggebracht: " + damaged.tag());
            assertThat(tickets.get(school.id(), t.number(), Fixtures.ADMIN).description()).isEqualTo("Scherm gebarsten <b>");
        });
        assertThatThrownBy(() -> loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(new Loans.Item(tags.get(0), Condition.OK,
                null))), Fixtures.ADMIN))
            .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("loan.notOut"));

        // the pool can now lend 2; the later reservation of 3 is flagged, not dropped
        assertThat(pools.get(school.id(), pool.id(), Fixtures.ADMIN).capacity()).isEqualTo(2);
        assertThat(reservations.overbooked(school.id(), pool.id(), Fixtures.ADMIN)).extracting(ReservationView::id)
            .containsExactly(later.id());
        assertThat(reservations.get(school.id(), later.id(), Fixtures.ADMIN).status()).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aReturnAfterTheEndIsLateAndOneStillOutIsFlagged() {
        var lending = new LendingFixtures(calendar, assets, pools);
        SchoolView school = fixtures.school();
        var year = lending.year();
        lending.lessonPeriods(school);
        var pool = lending.pool(school, "Kar L", 2);
        var tags = pool.devices().stream().map(PoolView.Device::tag).toList();
        var day = LendingFixtures.monday(year).plusDays(2);
        var r = reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(1), 2, null, null, null, null, null),
            Fixtures.ADMIN);
        loans.handOut(school.id(), r.id(), new Loans.HandOut(tags), Fixtures.ADMIN);
        assertThat(loans.late(school.id(), 30, Fixtures.ADMIN)).isEmpty();
        // the lesson period ended (the reservation is moved into the past, as time would do)
        jdbc.sql("update reservation set on_day = :d, starts_at = :s, ends_at = :e where id = :id")
            .param("d", calendar.today().minusDays(1))
            .param("s", java.sql.Timestamp.from(clock.instant().minusSeconds(90_000)))
            .param("e", java.sql.Timestamp.from(clock.instant().minusSeconds(86_400))).param("id", r.id()).update();
        assertThat(loans.late(school.id(), 30, Fixtures.ADMIN)).extracting(ReservationView::id).containsExactly(r.id());
        assertThat(reservations.get(school.id(), r.id(), Fixtures.ADMIN).late()).isTrue();
        var back = loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(new Loans.Item(tags.get(0), null, null))), Fixtures.ADMIN);
        assertThat(back).filteredOn(d -> d.tag().equals(tags.get(0))).singleElement().satisfies(d -> assertThat(d.late()).isTrue());
        loans.giveBack(school.id(), r.id(), new Loans.Return(List.of(new Loans.Item(tags.get(1), Condition.MISSING, "Niet teruggevonden"))),
            Fixtures.ADMIN);
        assertThat(assets.byTag(school.id(), tags.get(1), Fixtures.ADMIN).status()).isEqualTo(AssetStatus.IN_REPAIR);
        assertThat(loans.late(school.id(), 30, Fixtures.ADMIN)).extracting(ReservationView::id).containsExactly(r.id());
    }
}
