package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Use, no-shows and damage per class, from made data of one school year, counted by the aggregate queries. */
@SpilIntegrationTest
class LendingFiguresTest {
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Reservations reservations;
    @Autowired Loans loans;
    @Autowired PupilDevices pupilDevices;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void usePerPoolNoShowsAndDamagePerClassOfTheSchoolYear() throws Exception {
        var lending = new LendingFixtures(calendar, assets, pools);
        var school = fixtures.school();
        var other = fixtures.school();
        var year = lending.year();
        lending.lessonPeriods(school);
        lending.lessonPeriods(other);
        long group = fixtures.group(school, "5A", 5);
        var cart = lending.pool(school, "Kar A", 3);
        var tablets = lending.pool(school, "Tablets B", 2);
        var cartTags = cart.devices().stream().map(PoolView.Device::tag).toList();
        var monday = LendingFixtures.monday(year);
        var teacher = fixtures.user(school, Role.STAFF);
        var teacherCaller = new Caller(teacher.id(), teacher.email(), "Test Teacher", false, Map.of(school.id(), Set.of(Role.STAFF)));

        // cart: Monday periods 1-2, and period 2 again by someone else (the period counts once); Tuesday period 1 handed out
        reservations.reserve(school.id(), form(cart.id(), monday, List.of(1, 2), 1, group), teacherCaller);
        reservations.reserve(school.id(), form(cart.id(), monday, List.of(2), 1, null), Fixtures.ADMIN);
        var used = reservations.reserve(school.id(), form(cart.id(), monday.plusDays(1), List.of(1), 2, group), teacherCaller);
        loans.handOut(school.id(), used.id(), new Loans.HandOut(cartTags.subList(0, 2)), Fixtures.ADMIN);
        loans.giveBack(school.id(), used.id(), new Loans.Return(List.of(new Loans.Item(cartTags.get(0), Condition.DAMAGED, "Scherm gebarsten"),
            new Loans.Item(cartTags.get(1), Condition.MISSING, "Niet teruggevonden"))), Fixtures.ADMIN);
        // tablets: one confirmed and never picked up; one cancelled (counts nowhere)
        reservations.reserve(school.id(), form(tablets.id(), monday.plusDays(2), List.of(1), 1, null), teacherCaller);
        var cancelled = reservations.reserve(school.id(), form(tablets.id(), monday.plusDays(3), List.of(3, 4), 1, null), teacherCaller);
        reservations.cancel(school.id(), cancelled.id(), cancelled.version(), false, teacherCaller);
        // a 1:1 device of a pupil of 5A comes back damaged
        var pupil = fixtures.pupil(school, "Lien", "Peeters", "5A");
        var laptop = lending.laptop(school);
        var loan = pupilDevices.assign(school.id(), new PupilDeviceForm(pupil.id(), laptop.tag(), null, null, monday, null), Fixtures.ADMIN);
        pupilDevices.giveBack(school.id(), loan.id(), Condition.DAMAGED, "Toetsenbord kapot", monday.plusMonths(3), loan.version(),
            Fixtures.ADMIN);
        // another school's data never counts
        var elsewhere = lending.pool(other, "Kar A", 2);
        reservations.reserve(other.id(), form(elsewhere.id(), monday, List.of(1, 2, 3), 1, null), Fixtures.ADMIN);

        // seen the day after the school year: everything has ended
        var after = Clock.fixed(year.endDate().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        var figures = new LendingFigures(jdbc, calendar, after).of(school.id(), year);

        int periods = figures.pools().get(0).periods();
        // the school year's school days (weekdays without holidays) times 5 periods, 4 on Wednesdays
        assertThat(periods).isGreaterThan(700);
        assertThat(figures.pools()).extracting(LendingFigures.PoolUse::pool, LendingFigures.PoolUse::reservedPeriods,
                LendingFigures.PoolUse::ended, LendingFigures.PoolUse::noShows)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Kar A", 3, 3, 2), org.assertj.core.groups.Tuple.tuple("Tablets B", 1, 1, 1));
        assertThat(figures.pools().get(0).percent()).isEqualTo(Math.round(300f / periods));
        assertThat(figures.pools().get(0).noShowPercent()).isEqualTo(67);
        assertThat(figures.pools().get(1).noShowPercent()).isEqualTo(100);
        assertThat(figures.damage()).singleElement().satisfies(d -> {
            assertThat(d.group()).isEqualTo("5A");
            assertThat(List.of(d.poolDamaged(), d.poolMissing(), d.pupilDamaged(), d.pupilMissing())).containsExactly(1, 1, 1, 0);
            assertThat(d.total()).isEqualTo(3);
        });
        assertThat(figures.noShows()).isEqualTo(3);
        assertThat(figures.damaged()).isEqualTo(3);

        // seen now (before the year): nothing has ended, so no no-shows yet; use and damage are the same
        var now = new LendingFigures(jdbc, calendar, Clock.systemDefaultZone()).of(school.id(), year);
        assertThat(now.noShows()).isZero();
        assertThat(now.pools()).extracting(LendingFigures.PoolUse::reservedPeriods).containsExactly(3, 1);

        // the figures page and the API, for the ICT team only; a school year that does not exist is a clear error
        var coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        var api = "/api/v1/schools/" + school.code() + "/lending/figures";
        mvc.perform(get(api).param("year", year.name()).with(httpBasic(coordinator, Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$.pools[0].pool").value("Kar A")).andExpect(jsonPath("$.pools[0].reservedPeriods").value(3))
            .andExpect(jsonPath("$.damage[0].group").value("5A")).andExpect(jsonPath("$.damage[0].poolMissing").value(1));
        mvc.perform(get(api).param("year", "1999-<script>").with(httpBasic(coordinator, Fixtures.PASSWORD)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("year"));
        var session = TenancyCheck.signIn(mvc, coordinator);
        var page = "/schools/" + school.code() + "/pools/figures";
        mvc.perform(get(page).param("year", year.name()).session(session)).andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Schade per klas")))
            .andExpect(content().string(Matchers.containsString("Kar A")));
        mvc.perform(get(page).param("year", year.name()).param("lang", "en").session(session)).andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("Damage per class")));
        mvc.perform(get(page).param("year", "1999-<script>").session(session)).andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("id=\"errors\"")))
            .andExpect(content().string(Matchers.not(Matchers.containsString("1999-<script>"))));

        var outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        TenancyCheck.api(mvc).outsider(outsider).staff(teacher.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/pools/" + cart.id())
            .admin(org.springframework.http.HttpMethod.GET, api + "?year=" + year.name(), null)
            .verify();
        TenancyCheck.ui(mvc).outsider(outsider).staff(teacher.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/pools/" + cart.id())
            .admin(org.springframework.http.HttpMethod.GET, page + "?year=" + year.name(), null)
            .verify();
    }

    static ReservationForm form(long pool, java.time.LocalDate day, List<Integer> periods, int devices, Long group) {
        return new ReservationForm(pool, day, periods, devices, group, null, null, null, null);
    }
}
