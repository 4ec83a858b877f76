package be.spil.policy;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class PolicyPagesTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired PolicyPlans plans;

    SchoolView school;
    PersonView coordinator;
    SchoolYearView year;
    String page;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        year = PolicyPlanApiTest.freshYear(calendar);
        page = "/schools/" + school.code() + "/policy";
    }

    private String html(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String y() {
        return "?year=" + year.name();
    }

    @Test
    void theCoordinatorWritesThePlanAndTheDirectorApprovesIt() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        assertThat(html(session, page + y())).contains("Ontwerp: nog geen goedgekeurde versie.")
            .contains("De inventaris van deze school bevat nog geen toestellen.");
        mvc.perform(post(page + "/texts" + y()).session(session).with(csrf())
                .param("vision", "Leren met <b>ICT</b>").param("evaluation", ""))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/goals" + y()).session(session).with(csrf())
                .param("title", "Wifi in elke klas").param("domain", "INFRASTRUCTURE").param("kind", "TECHNICAL"))
            .andExpect(status().is3xxRedirection());
        long goal = plans.plan(school.id(), year, Fixtures.ADMIN).goals().get(0).id();
        mvc.perform(post(page + "/goals/" + goal + "/actions" + y()).session(session).with(csrf())
                .param("title", "Access points").param("owner", String.valueOf(coordinator.id())).param("deadline", "2000-01-01"))
            .andExpect(status().is3xxRedirection());
        String plan = html(session, page + y());
        assertThat(plan).contains("Leren met &lt;b&gt;ICT&lt;/b&gt;").doesNotContain("<b>ICT</b>")
            .contains("Doel 1: Wifi in elke klas").contains("Access points").contains("Te laat");
        long action = plans.plan(school.id(), year, Fixtures.ADMIN).goals().get(0).actions().get(0).id();
        mvc.perform(post(page + "/actions/" + action + "/status" + y() + "&from=board").session(session).with(csrf()).param("status", "DONE"))
            .andExpect(status().is3xxRedirection());
        assertThat(html(session, page + "/board" + y())).contains("Access points").doesNotContain("Te laat");
        // the day it was done is kept for the progress over the year, and dropped when the action is reopened
        assertThat(plans.plan(school.id(), year, Fixtures.ADMIN).goals().get(0).actions().get(0).doneOn()).isNotNull();
        mvc.perform(post(page + "/actions/" + action + "/status" + y() + "&from=board").session(session).with(csrf()).param("status", "IN_PROGRESS"))
            .andExpect(status().is3xxRedirection());
        assertThat(plans.plan(school.id(), year, Fixtures.ADMIN).goals().get(0).actions().get(0).doneOn()).isNull();
        mvc.perform(post(page + "/actions/" + action + "/status" + y() + "&from=board").session(session).with(csrf()).param("status", "DONE"))
            .andExpect(status().is3xxRedirection());
        // the coordinator cannot approve; the director can, and then compares with the plan now
        assertThat(html(session, page + "/versions" + y())).doesNotContain("approveForm");
        var director = TenancyCheck.signIn(mvc, fixtures.user(school, Role.DIRECTOR).email());
        String versions = html(director, page + "/versions" + y());
        assertThat(versions).contains("approveForm");
        int version = plans.plan(school.id(), year, Fixtures.ADMIN).version();
        mvc.perform(post(page + "/approve" + y()).session(director).with(csrf()).param("version", String.valueOf(version)))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post(page + "/texts" + y()).session(session).with(csrf()).param("vision", "Nieuwe visie")
            .param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());
        assertThat(html(director, page + "/versions" + y() + "&from=1")).contains("Versie 1 vergeleken met het plan nu")
            .contains("- Leren met &lt;b&gt;ICT&lt;/b&gt;").contains("+ Nieuwe visie");
    }

    @Test
    void badFormsShowTheirErrorsNextToTheFieldsAndChangeNothing() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String answer = mvc.perform(post(page + "/goals" + y()).session(session).with(csrf())
                .param("title", " ").param("domain", "INFRASTRUCTURE").param("kind", "TECHNICAL"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("id=\"title-error\"").contains("aria-invalid=\"true\"");
        mvc.perform(post(page + "/texts" + y()).session(session).with(csrf()).param("vision", "x".repeat(20001)))
            .andExpect(status().isOk());
        mvc.perform(post(page + "/texts" + y()).session(session).with(csrf()).param("vision", "eerste"))
            .andExpect(status().is3xxRedirection());
        // somebody else saved meanwhile: the newer values are shown, nothing is overwritten
        String stale = mvc.perform(post(page + "/texts" + y()).session(session).with(csrf()).param("vision", "tweede").param("version", "7"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("id=\"conflict\"");
        assertThat(plans.plan(school.id(), year, Fixtures.ADMIN).vision()).isEqualTo("eerste");
        mvc.perform(post(page + "/goals/999999999/actions" + y()).session(session).with(csrf()).param("title", "x"))
            .andExpect(status().isNotFound());
    }

    @Test
    void theBudgetPageShowsTheForecastAndTakesLinesAndLifecycles(@Autowired Investments investments) throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        int first = investments.currentYear();
        String budget = page + "/budget";
        assertThat(html(session, budget)).contains("Vervangingsprognose").contains(first + "-" + (first + 1))
            .contains("Er zijn nog geen budgetlijnen.");
        mvc.perform(post(budget + "/lines").session(session).with(csrf()).param("year", String.valueOf(first))
                .param("category", "DEVICES").param("funding", "DIGIPLAN").param("planned", "2500.50").param("description", "<i>kar</i>"))
            .andExpect(status().is3xxRedirection());
        assertThat(html(session, budget)).contains("2.500,50").contains("&lt;i&gt;kar&lt;/i&gt;");
        String bad = mvc.perform(post(budget + "/lines").session(session).with(csrf()).param("year", String.valueOf(first + 20))
                .param("category", "DEVICES").param("funding", "DIGIPLAN").param("planned", "-5"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("id=\"planned-error\"");
        mvc.perform(post(budget + "/lifecycles/LAPTOP").session(session).with(csrf()).param("years", "7").param("price", "499.99"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post(budget + "/lifecycles/LAPTOP").session(session).with(csrf()).param("years", "99"))
            .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .flash().attribute("problem", "policy.lifecycle.invalid"));
        assertThat(investments.lifecycles(school.id(), Fixtures.ADMIN)).filteredOn(l -> l.category() == be.spil.inventory.AssetCategory.LAPTOP)
            .singleElement().satisfies(l -> assertThat(l.years()).isEqualTo(7));
        // staff read, but do not get the forms
        var staff = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        assertThat(html(staff, budget)).contains("Vervangingsprognose").doesNotContain("lineForm");
        mvc.perform(post(budget + "/lines").session(staff).with(csrf()).param("year", String.valueOf(first))
            .param("category", "DEVICES").param("funding", "DIGIPLAN").param("planned", "1")).andExpect(status().isForbidden());
    }

    @Test
    void anotherSchoolNeverSeesThePlanPages() throws Exception {
        var goal = plans.addGoal(school.id(), year, new PlanForms.Goal(GoalDomain.INFRASTRUCTURE, GoalKind.TECHNICAL, "Wifi", null),
            Fixtures.ADMIN).goals().get(0);
        var other = fixtures.school();
        TenancyCheck.ui(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(fixtures.user(school, Role.STAFF).email())
            .manager(coordinator.email())
            .unchanged("/api/v1/schools/" + school.code() + "/policy-plan" + y())
            .read(page + y()).read(page + "/board" + y()).read(page + "/versions" + y())
            .read(page + "/plan.pdf" + y()).read(page + "/plan.md" + y()).read(page + "/budget")
            .admin(HttpMethod.POST, page + "/texts" + y(), "vision=x")
            .admin(HttpMethod.POST, page + "/goals" + y(), "title=t&domain=INFRASTRUCTURE&kind=DIDACTIC")
            .admin(HttpMethod.POST, page + "/goals/" + goal.id() + "/actions" + y(), "title=a")
            .verify();
    }
}
