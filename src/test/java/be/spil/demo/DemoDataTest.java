package be.spil.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.Groups;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.directory.PersonSummary;
import be.spil.school.SchoolLevel;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.support.EmbeddedPostgresInitializer;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** The demo profile on an empty PostgreSQL database: a living school group, made through the modules' services. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = DemoDataTest.EmptyDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {
    private static final Caller ADMIN = new Caller(0, "test@spil.invalid", "Test", true, Map.of());

    /** A database of its own in the tests' PostgreSQL, so the demo finds no schools. */
    static class EmptyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var pg = EmbeddedPostgresInitializer.postgres();
            String name = "demo_" + System.nanoTime();
            try (var c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres")); var s = c.createStatement()) {
                s.execute("create database " + name);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            TestPropertyValues.of("spring.datasource.url=" + pg.getJdbcUrl("postgres", name),
                "spring.datasource.username=postgres", "spring.datasource.password=").applyTo(context.getEnvironment());
        }
    }

    @Autowired Schools schools;
    @Autowired Groups groups;
    @Autowired People people;
    @Autowired DemoData demo;
    @Autowired MockMvc mvc;
    @Autowired be.spil.school.Rooms rooms;
    @Autowired be.spil.school.SchoolCalendar calendar;

    @Autowired be.spil.inventory.Assets assets;
    @Autowired be.spil.team.Team team;

    @Test
    void givesEachSchoolAnInventoryAndASmallIctTeamWithSomethingToImprove() {
        var linde = school("de-linde");
        var counts = assets.countByStatus(linde.id(), ADMIN);
        assertThat(counts.get(be.spil.inventory.AssetStatus.IN_USE)).isGreaterThan(20);
        assertThat(counts).containsKey(be.spil.inventory.AssetStatus.IN_REPAIR);
        long year = calendar.currentSchoolYear().orElseThrow().id();
        assertThat(team.members(linde.id(), year, ADMIN)).hasSize(3);
        assertThat(team.assignments(linde.id(), year, ADMIN)).hasSize(6);
        assertThat(team.coverage(linde.id(), year, ADMIN)).isNotEmpty();
        assertThat(team.responsibleFor(linde.id(), "T01")).isPresent();
    }

    @Autowired be.spil.policy.PolicyPlans plans;

    @Test
    void givesEachSchoolAPolicyPlanWithAnOverdueAction() {
        var linde = school("de-linde");
        var plan = plans.plan(linde.id(), calendar.currentSchoolYear().orElseThrow(), ADMIN);
        assertThat(plan.goals()).hasSize(3);
        assertThat(plans.overdue(linde.id(), ADMIN)).hasSize(1);
    }

    @Test
    void givesEachSchoolRoomsLessonPeriodsAndTheSchoolYearWithItsHolidays() {
        assertThat(calendar.currentSchoolYear()).isPresent();
        var linde = school("de-linde");
        var sintJan = school("sint-jan");
        assertThat(rooms.rooms(linde.id(), be.spil.school.Rooms.RoomFilter.active()))
            .extracting(r -> r.name()).contains("Klas 1A", "Klas 6B", "ICT-lokaal", "Berging ICT");
        assertThat(rooms.rooms(sintJan.id(), be.spil.school.Rooms.RoomFilter.active()))
            .extracting(r -> r.name()).contains("STEM-lab", "Serverlokaal");
        assertThat(calendar.lessonPeriods(linde.id()).periods()).hasSize(7);
        assertThat(calendar.lessonPeriods(sintJan.id()).periods()).hasSize(8);
        var year = calendar.currentSchoolYear().orElseThrow();
        var christmas = java.time.LocalDate.of(year.startDate().getYear(), 12, 24);
        assertThat(calendar.isSchoolDay(linde.id(), christmas)).isFalse();
        assertThat(calendar.holidays(linde.id(), year.startDate(), year.endDate())).hasSize(5);
    }

    @Test
    void fillsAnEmptyDatabaseWithABasisAndASecundaireSchool() {
        var all = schools.visibleSchools(ADMIN, true);
        assertThat(all).extracting(SchoolView::code).containsExactlyInAnyOrder("de-linde", "sint-jan");
        assertThat(school("de-linde").level()).isEqualTo(SchoolLevel.BASIS);
        assertThat(school("de-linde").name()).isEqualTo("Basisschool De Linde");
        assertThat(school("sint-jan").level()).isEqualTo(SchoolLevel.SECUNDAIR);
        for (var school : all) {
            var classes = groups.list(school.id(), false, ADMIN);
            assertThat(classes).extracting(g -> g.name()).containsExactly(
                "1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B", "5A", "5B", "6A", "6B");
            assertThat(classes).allSatisfy(g -> assertThat(g.grade()).isEqualTo(Integer.parseInt(g.name().substring(0, 1))));
        }
    }

    @Test
    void hasAboutFortyStaffAndThreeHundredPupilsInClasses() {
        long pupils = 0;
        long staff = 0;
        for (var school : schools.visibleSchools(ADMIN, false)) {
            var schoolPupils = list(school, PersonKind.PUPIL);
            assertThat(schoolPupils).allSatisfy(p -> assertThat(p.group()).isNotNull());
            assertThat(schoolPupils.stream().map(PersonSummary::group).distinct()).hasSize(12);
            pupils += schoolPupils.size();
            staff += list(school, PersonKind.STAFF).size();
        }
        assertThat(pupils).isBetween(280L, 320L);
        // the teacher who works in both schools counts once per school here
        assertThat(staff).isBetween(38L, 44L);
    }

    @Test
    void eachSchoolHasOneDirectorAndOneCoordinatorAndSharesTheFirmsTechnician() {
        Long technician = null;
        for (var school : schools.visibleSchools(ADMIN, false)) {
            var staff = list(school, PersonKind.STAFF);
            assertThat(staff.stream().filter(p -> p.roles().contains(Role.DIRECTOR))).hasSize(1);
            assertThat(staff.stream().filter(p -> p.roles().contains(Role.ICT_COORDINATOR))).hasSize(1);
            assertThat(staff.stream().filter(p -> p.roles().equals(java.util.Set.of(Role.STAFF))).count()).isGreaterThan(10);
            var externals = list(school, PersonKind.EXTERNAL);
            assertThat(externals).hasSize(1);
            assertThat(externals.get(0).roles()).containsExactly(Role.TECHNICIAN);
            assertThat(externals.get(0).email()).endsWith("@" + DemoData.FIRM_DOMAIN);
            if (technician != null) {
                assertThat(externals.get(0).id()).as("the same person in both schools").isEqualTo(technician);
            }
            technician = externals.get(0).id();
        }
    }

    @Test
    void printsTheDemoSignInsAndTheirPasswordWhichWorks(CapturedOutput output) throws Exception {
        var matcher = Pattern.compile("all with the password (\\S+)").matcher(output.getAll());
        assertThat(matcher.find()).as("password in the log").isTrue();
        String password = matcher.group(1);
        for (String code : List.of("de-linde", "sint-jan")) {
            var staff = list(school(code), PersonKind.STAFF);
            for (Role role : List.of(Role.DIRECTOR, Role.ICT_COORDINATOR)) {
                String email = staff.stream().filter(p -> p.roles().contains(role)).findFirst().orElseThrow().email();
                assertThat(output.getAll()).contains(email);
                mvc.perform(get("/api/v1/me").with(httpBasic(email, password)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.roles[?(@.school == '" + code + "')].role").value(org.hamcrest.Matchers.hasItem(role.name())));
            }
        }
    }

    @Test
    void doesNothingWhenSchoolsExist() throws Exception {
        long people = this.people.count();
        demo.run(null);
        assertThat(schools.count()).isEqualTo(2);
        assertThat(this.people.count()).isEqualTo(people);
    }

    @Test
    void namesAreFlemishAndTheSameOnEveryRun() {
        var first = list(school("de-linde"), PersonKind.PUPIL);
        assertThat(first).allSatisfy(p -> {
            assertThat(FlemishNames.FIRST_NAMES).contains(p.firstName());
            assertThat(FlemishNames.LAST_NAMES).contains(p.lastName());
        });
        var again = new FlemishNames(DemoData.SEED);
        var replay = new FlemishNames(DemoData.SEED);
        assertThat(again.adult()).isEqualTo(replay.adult());
        assertThat(DemoData.email(new FlemishNames.Name("Zoë", "D'Hondt"), "x.example", new java.util.HashSet<>()))
            .isEqualTo("zoe.dhondt@x.example");
        var taken = new java.util.HashSet<String>();
        DemoData.email(new FlemishNames.Name("An", "Van Acker"), "x.example", taken);
        assertThat(DemoData.email(new FlemishNames.Name("An", "Van Acker"), "x.example", taken)).isEqualTo("an.vanacker2@x.example");
    }

    private SchoolView school(String code) {
        return schools.visible(code, ADMIN);
    }

    private List<PersonSummary> list(SchoolView school, PersonKind kind) {
        return people.search(school.id(), new People.Search(null, kind, false, null), new Paging(0, 500), ADMIN).items();
    }
}
