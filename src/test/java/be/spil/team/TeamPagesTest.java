package be.spil.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class TeamPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Team team;

    SchoolView school;
    PersonView coordinator;
    SchoolYearView year;
    String page;
    String api;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        year = TeamApiTest.freshYear(calendar);
        page = "/schools/" + school.code() + "/team";
        api = "/api/v1/schools/" + school.code() + "/team";
    }

    private MemberView member(PersonView person, double ictHoursPerYear, Cluster... profile) {
        return team.createMember(school.id(), year.id(), new MemberForm(person.id(), null, Set.of(profile), Education.BACHELOR,
            ictHoursPerYear, 0.0, 0.0, 0.0, 0.0, MemberForm.HoursUnit.YEAR, null), Fixtures.ADMIN);
    }

    private String html(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theTeamPagesShowMembersCatalogDivisionAndCoverage() throws Exception {
        var kim = member(coordinator, 10, Cluster.TECHNICAL);
        team.createAssignment(school.id(), year.id(), new AssignmentForm("T09", kim.id(), List.of(), Level.CORE, FundingSource.ICT_HOURS,
            14.0, null), Fixtures.ADMIN);
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String y = "?year=" + year.name();
        assertThat(html(session, page + y)).contains(coordinator.name(), "ICT-coördinator", "37 schoolweken");
        assertThat(html(session, page + "/catalog")).contains("Technische taken", "back-upstrategie", "Bij voorkeur masterniveau",
            "Organisatietalent");
        assertThat(html(session, page + "/catalog?lang=en")).contains("Technical tasks", "backup strategy");
        assertThat(html(session, page + "/division" + y)).contains("id=\"resp-T09\"", "id=\"task-T09\"", "14,0 / 10,0");
        assertThat(html(session, page + "/coverage" + y)).contains("Ernstig", "40 % te veel", "De inzet van ICT mag niet afhangen",
            "Dekking per cluster");
        assertThat(html(session, page + "/members/" + kim.id())).contains("T09", "Verantwoordelijke");
        assertThat(html(session, page + "/coverage" + y + "&lang=en")).contains("40 % too many",
            "Only " + coordinator.name() + " carries \u201cPut in place and follow up a backup strategy with archiving\u201d");
    }

    @Test
    void addsAMemberWithHoursPerWeekAndShowsErrorsNextToTheFields() throws Exception {
        var jo = fixtures.user(school, Role.STAFF);
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String y = "?year=" + year.name();
        String html = mvc.perform(post(page + "/members" + y).session(session).with(csrf()).param("person", String.valueOf(jo.id()))
                .param("education", "TEACHER").param("ictHours", "-3").param("unit", "WEEK"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"ictHours-error\"", "aria-describedby=\"ictHours-error hoursHint\"");
        html = mvc.perform(post(page + "/members" + y).session(session).with(csrf()).param("education", "TEACHER"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"person-error\"", "Kies een persoon of een organisatie");
        mvc.perform(post(page + "/members" + y).session(session).with(csrf()).param("person", String.valueOf(jo.id()))
                .param("education", "TEACHER").param("profile", "PEDAGOGICAL").param("ictHours", "2").param("unit", "WEEK"))
            .andExpect(status().is3xxRedirection());
        var members = team.members(school.id(), year.id(), Fixtures.ADMIN);
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(m.hoursPerYear().get(FundingSource.ICT_HOURS)).isEqualTo(74.0);
            assertThat(m.profile()).containsExactly(Cluster.PEDAGOGICAL);
        });
    }

    @Test
    void dividesATaskFromThePageAndRefusesAbsurdHours() throws Exception {
        var kim = member(coordinator, 100, Cluster.TECHNICAL);
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String y = "?year=" + year.name();
        mvc.perform(post(page + "/division" + y).session(session).with(csrf()).param("task", "T03").param("responsible", String.valueOf(kim.id()))
                .param("level", "CORE").param("funding", "ICT_HOURS").param("hours", "5000"))
            .andExpect(status().is3xxRedirection());
        assertThat(team.assignments(school.id(), year.id(), Fixtures.ADMIN)).isEmpty();
        mvc.perform(post(page + "/division" + y).session(session).with(csrf()).param("task", "T03").param("responsible", String.valueOf(kim.id()))
                .param("level", "CORE").param("funding", "ICT_HOURS").param("hours", "12,5"))
            .andExpect(status().is3xxRedirection());
        var a = team.assignments(school.id(), year.id(), Fixtures.ADMIN);
        assertThat(a).singleElement().satisfies(x -> assertThat(x.hours()).isEqualTo(12.5));
        mvc.perform(post(page + "/division" + y).session(session).with(csrf()).param("task", "T03").param("responsible", String.valueOf(kim.id()))
                .param("level", "OTHER").param("funding", "BPT_HOURS").param("hours", "3").param("version", "0"))
            .andExpect(status().is3xxRedirection());
        assertThat(team.assignments(school.id(), year.id(), Fixtures.ADMIN)).singleElement()
            .satisfies(x -> assertThat(x.level()).isEqualTo(Level.OTHER));
        var result = mvc.perform(post(page + "/division" + y).session(session).with(csrf()).param("task", "T03")
                .param("level", "OTHER").param("funding", "BPT_HOURS").param("hours", "4").param("version", "0"))
            .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("problem")).isNotNull();
    }

    @Test
    void teamPagesKeepToTheirSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var jo = fixtures.user(school, Role.STAFF);
        var kim = member(coordinator, 100, Cluster.TECHNICAL);
        var leaving = member(fixtures.user(school, Role.STAFF), 10, Cluster.POLICY);
        String y = "?year=" + year.name();
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator.email())
            .unchanged(api + "/assignments" + y)
            .read(page + y).read(page + "/catalog").read(page + "/division" + y).read(page + "/coverage" + y)
            .read(page + "/members/" + kim.id())
            .admin(HttpMethod.POST, page + "/members" + y, "person=" + jo.id() + "&education=TEACHER&ictHours=1&unit=WEEK")
            .admin(HttpMethod.POST, page + "/members/" + kim.id(), "person=" + coordinator.id() + "&education=MASTER&ictHours=50&unit=YEAR&version=0")
            .admin(HttpMethod.POST, page + "/members/" + leaving.id() + "/archive", "archived=true&version=0")
            .admin(HttpMethod.POST, page + "/tasks", "code=EIGEN-1&cluster=POLICY&name=Eigen&levels=CORE")
            .admin(HttpMethod.POST, page + "/tasks/T02", "retired=true&version=0")
            .admin(HttpMethod.POST, page + "/division" + y, "task=T04&responsible=" + kim.id() + "&level=CORE&funding=ICT_HOURS&hours=3")
            .verify();
    }
}
