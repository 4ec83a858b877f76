package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.AssetStatus;
import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class LendingPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Reservations reservations;
    @Autowired be.spil.directory.People people;

    LendingFixtures lending;
    SchoolView school;
    LocalDate monday;
    String coordinator;
    String teacher;

    @BeforeEach
    void setUp() {
        lending = new LendingFixtures(calendar, assets, pools);
        school = fixtures.school();
        monday = LendingFixtures.monday(lending.year());
        lending.lessonPeriods(school);
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF).email();
    }

    @Test
    void coordinatorMakesAPoolTeacherReservesWhatIsFreeAndTheKioskHandsOutAndTakesBack() throws Exception {
        var devices = lending.laptops(school, 3);
        MockHttpSession coord = TenancyCheck.signIn(mvc, coordinator);
        String base = "/schools/" + school.code();
        // the pool form: an unknown tag is shown next to the devices field, nothing is stored
        mvc.perform(post(base + "/pools").session(coord).with(csrf()).param("name", "Kar P").param("reservableBy", "STAFF")
                .param("devices", devices.get(0).tag() + ", NOPE-9"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"devices-error\"")))
            .andExpect(content().string(containsString("NOPE-9")));
        assertThat(pools.list(school.id(), true, Fixtures.ADMIN)).isEmpty();
        var created = mvc.perform(post(base + "/pools").session(coord).with(csrf()).param("name", "Kar P").param("reservableBy", "STAFF")
                .param("devices", devices.get(0).tag() + "\n" + devices.get(1).tag() + " " + devices.get(2).tag()))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var pool = pools.list(school.id(), false, Fixtures.ADMIN).get(0);
        assertThat(created).endsWith("/pools/" + pool.id());
        assertThat(pool.capacity()).isEqualTo(3);
        reservations.reserve(school.id(), new ReservationForm(pool.id(), monday, List.of(2), 3, null, null, null, null, null), Fixtures.ADMIN);

        MockHttpSession t = TenancyCheck.signIn(mvc, teacher);
        mvc.perform(get(base + "/pools").session(t)).andExpect(status().isOk()).andExpect(content().string(containsString("Kar P")));
        mvc.perform(get(base + "/pools/" + pool.id()).param("date", monday.toString()).session(t))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"week\"")))
            .andExpect(content().string(containsString("/pools/" + pool.id() + "/reserve?date=" + monday + "&amp;period=1")))
            .andExpect(content().string(not(containsString("/pools/" + pool.id() + "/reserve?date=" + monday + "&amp;period=2"))));
        // the form offers periods 1, 3, 4, 5 of Monday; period 2 is taken
        mvc.perform(get(base + "/pools/" + pool.id() + "/reserve").param("date", monday.toString()).param("period", "1").session(t))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"period-1\"")))
            .andExpect(content().string(containsString("id=\"period-3\"")))
            .andExpect(content().string(not(containsString("id=\"period-2\""))));
        // a taken period posted anyway is refused with what is free
        mvc.perform(post(base + "/pools/" + pool.id() + "/reserve").session(t).with(csrf()).param("pool", String.valueOf(pool.id())).param("date", monday.toString())
                .param("periods", "2").param("devices", "1").param("note", "<script>alert(1)</script>"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("2: 0")))
            .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        var url = mvc.perform(post(base + "/pools/" + pool.id() + "/reserve").session(t).with(csrf()).param("pool", String.valueOf(pool.id())).param("date", monday.toString())
                .param("periods", "1").param("periods", "3").param("devices", "2").param("note", "<script>alert(1)</script>"))
            .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
        mvc.perform(get(url).session(t)).andExpect(status().isOk())
            .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
            .andExpect(content().string(not(containsString("id=\"handOut\""))));

        // the kiosk: tick one, scan the other
        mvc.perform(get(url).session(coord)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"handOut\"")));
        mvc.perform(post(url + "/hand-out").session(coord).with(csrf()).param("tag", devices.get(0).tag())
                .param("scanned", devices.get(1).tag().toLowerCase() + " " + devices.get(2).tag()))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get(url).session(coord)).andExpect(content().string(containsString("id=\"errors\"")));
        mvc.perform(post(url + "/hand-out").session(coord).with(csrf()).param("tag", devices.get(0).tag())
                .param("scanned", devices.get(1).tag().toLowerCase()))
            .andExpect(status().is3xxRedirection());
        assertThat(reservations.get(school.id(), id, Fixtures.ADMIN).status()).isEqualTo(ReservationStatus.HANDED_OUT);
        mvc.perform(post(url + "/return").session(coord).with(csrf()).param("tag", devices.get(0).tag())
                .param("tag", devices.get(1).tag()).param("condition-" + devices.get(1).tag(), "DAMAGED")
                .param("note-" + devices.get(1).tag(), "Toets ontbreekt"))
            .andExpect(status().is3xxRedirection());
        assertThat(reservations.get(school.id(), id, Fixtures.ADMIN).status()).isEqualTo(ReservationStatus.RETURNED);
        assertThat(assets.byTag(school.id(), devices.get(1).tag(), Fixtures.ADMIN).status()).isEqualTo(AssetStatus.IN_REPAIR);
        mvc.perform(get(base + "/pools/" + pool.id()).param("date", monday.toString()).session(coord))
            .andExpect(content().string(containsString("id=\"overbooked\"")));
    }

    @Autowired Loans loans;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theCoordinatorsHomePageShowsPoolUseAndLateReturns() throws Exception {
        var pool = lending.pool(school, "Kar H", 2);
        var r = reservations.reserve(school.id(), new ReservationForm(pool.id(), monday, List.of(1), 2, null, null, null, null, null),
            Fixtures.ADMIN);
        loans.handOut(school.id(), r.id(), new Loans.HandOut(pool.devices().stream().map(PoolView.Device::tag).toList()), Fixtures.ADMIN);
        jdbc.sql("update reservation set on_day = :d, ends_at = :e where id = :id").param("d", calendar.today().minusDays(1))
            .param("e", java.sql.Timestamp.from(java.time.Instant.parse("2020-01-01T10:00:00Z"))).param("id", r.id()).update();
        String page = mvc.perform(get("/").session(TenancyCheck.signIn(mvc, coordinator))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"poolsCard\"").contains("Kar H").contains("Te laat teruggebracht of nog uit: 1");
        String teachers = mvc.perform(get("/").session(TenancyCheck.signIn(mvc, teacher))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(teachers).doesNotContain("poolsCard");
    }

    @Test
    void theOneToOnePageShowsWhoHasWhatPerClassAndLendsAndTakesBack() throws Exception {
        var year = lending.year();
        fixtures.group(school, "4C", 4);
        var pupil = fixtures.pupil(school, "Lotte", "Maes", "4C");
        var laptop = lending.laptop(school);
        MockHttpSession coord = TenancyCheck.signIn(mvc, coordinator);
        String base = "/schools/" + school.code() + "/pupil-devices";
        mvc.perform(post(base).session(coord).with(csrf()).param("pupil", String.valueOf(pupil.id())).param("tag", "NOPE-1"))
            .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"tag-error\"")));
        mvc.perform(post(base).session(coord).with(csrf()).param("pupil", String.valueOf(pupil.id())).param("tag", laptop.tag())
                .param("accessories", "lader").param("handedOverOn", monday.toString()))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get(base).param("year", String.valueOf(year.id())).session(coord)).andExpect(status().isOk())
            .andExpect(content().string(containsString("Lotte Maes"))).andExpect(content().string(containsString("4C")))
            .andExpect(content().string(containsString("form.pdf")));
        var loan = mvc.perform(get("/api/v1/schools/" + school.code() + "/pupil-devices").param("schoolYear", String.valueOf(year.id()))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(coordinator,
                    Fixtures.PASSWORD)))
            .andReturn().getResponse().getContentAsString();
        int id = com.jayway.jsonpath.JsonPath.read(loan, "$.items[0].id");
        mvc.perform(get(base + "/" + id + "/form.pdf").session(coord)).andExpect(status().isOk())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentType("application/pdf"));
        mvc.perform(post(base + "/" + id + "/return").session(coord).with(csrf()).param("condition", "OK").param("version", "0"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get(base).param("year", String.valueOf(year.id())).session(TenancyCheck.signIn(mvc, teacher))).andExpect(status().isOk())
            .andExpect(content().string(not(containsString("loan1.return"))))
            .andExpect(content().string(containsString("Lotte Maes")));
        String outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        TenancyCheck.ui(mvc).outsider(outsider).staff(teacher).manager(coordinator)
            .read(base)
            .read(base + "/" + id + "/form.pdf")
            .verify();
    }

    @Test
    void pagesKeepToTheirSchool() throws Exception {
        var pool = lending.pool(school, "Kar U", 2);
        var r = reservations.reserve(school.id(), new ReservationForm(pool.id(), monday, List.of(1), 1, null, null, null, null, null),
            Fixtures.ADMIN);
        String outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        String base = "/schools/" + school.code();
        TenancyCheck.ui(mvc).outsider(outsider).staff(teacher).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/pools/" + pool.id())
            .read(base + "/pools")
            .read(base + "/pools/" + pool.id())
            .read(base + "/pools/" + pool.id() + "/reserve?date=" + monday)
            .read(base + "/reservations/" + r.id())
            .admin(HttpMethod.POST, base + "/pools/" + pool.id(), "name=Kar+V&reservableBy=STAFF&version=0&devices="
                + String.join("+", pool.devices().stream().map(PoolView.Device::tag).toList()))
            .verify();
        assertThat(pools.get(school.id(), pool.id(), Fixtures.ADMIN).name()).isEqualTo("Kar V");
    }

    @Test
    void aTeacherChangesTheirReservationOnThePageUntilItStarts() throws Exception {
        var pool = lending.pool(school, "Kar W", 3);
        var teacherView = people.identityByEmail(teacher).orElseThrow().caller();
        var r = reservations.reserve(school.id(), new ReservationForm(pool.id(), monday, List.of(1), 1, null, null, null, null, null),
            teacherView);
        String page = "/schools/" + school.code() + "/reservations/" + r.id();
        MockHttpSession t = TenancyCheck.signIn(mvc, teacher);
        mvc.perform(get(page).session(t)).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"change\"")))
            .andExpect(content().string(containsString("for=\"changePeriod3\"")));
        // bad input: no period, more devices than the pool has, a day off, <script> in the note is kept as text
        mvc.perform(post(page).session(t).with(csrf()).param("date", monday.toString()).param("devices", "1").param("version", "0"))
            .andExpect(status().is3xxRedirection())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                List.of("Kies een datum en minstens één lesuur.")));
        mvc.perform(post(page).session(t).with(csrf()).param("date", monday.toString()).param("periods", "1").param("devices", "9")
                .param("version", "0"))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("errors",
                org.hamcrest.Matchers.hasItem(containsString("3"))));
        mvc.perform(post(page).session(t).with(csrf()).param("date", monday.plusDays(5).toString()).param("periods", "1")
                .param("devices", "1").param("version", "0"))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("errors"));
        mvc.perform(post(page).session(t).with(csrf()).param("date", monday.toString()).param("periods", "1").param("devices", "0")
                .param("version", "0"))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("errors"));
        assertThat(reservations.get(school.id(), r.id(), Fixtures.ADMIN).version()).isZero();
        // a good change: Tuesday, periods 2 and 3, two devices
        mvc.perform(post(page).session(t).with(csrf()).param("date", monday.plusDays(1).toString()).param("periods", "2", "3")
                .param("devices", "2").param("note", "<script>x</script>").param("version", "0"))
            .andExpect(status().is3xxRedirection())
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("message", "saved"));
        var changed = reservations.get(school.id(), r.id(), Fixtures.ADMIN);
        assertThat(changed.date()).isEqualTo(monday.plusDays(1));
        assertThat(changed.periods()).containsExactly(2, 3);
        assertThat(changed.devices()).isEqualTo(2);
        assertThat(changed.note()).isEqualTo("<script>x</script>");
        // a stale version: the conflict is shown, nothing changes
        mvc.perform(post(page).session(t).with(csrf()).param("date", monday.toString()).param("periods", "1").param("devices", "1")
                .param("version", "0"))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("conflict"));
        assertThat(reservations.get(school.id(), r.id(), Fixtures.ADMIN).date()).isEqualTo(monday.plusDays(1));

        String outsider = fixtures.user(fixtures.school(), Role.ICT_COORDINATOR).email();
        String colleague = fixtures.user(school, Role.STAFF).email();
        TenancyCheck.ui(mvc).outsider(outsider).staff(colleague).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/reservations/" + r.id())
            .admin(HttpMethod.POST, page, "date=" + monday.plusDays(1) + "&periods=2&periods=3&devices=1&version=1")
            .verify();
        assertThat(reservations.get(school.id(), r.id(), Fixtures.ADMIN).devices()).isEqualTo(1);
    }
}
