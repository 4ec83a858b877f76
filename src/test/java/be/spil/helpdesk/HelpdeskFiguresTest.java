package be.spil.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpilIntegrationTest
class HelpdeskFiguresTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    SchoolView school;
    PersonView coordinator;
    String api;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        api = "/api/v1/schools/" + school.code() + "/helpdesk/figures";
    }

    private long ticket(String json) throws Exception {
        String body = mvc.perform(post("/api/v1/schools/" + school.code() + "/tickets").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** Moves a ticket's report (and resolution) into earlier months, as if it had been made then. */
    private void happened(long id, int monthsAgoReported, Integer monthsAgoResolved) {
        var zone = clock.getZone();
        var reported = YearMonth.now(clock).minusMonths(monthsAgoReported).atDay(10).atStartOfDay(zone).toInstant();
        var resolved = monthsAgoResolved == null ? null
            : Timestamp.from(YearMonth.now(clock).minusMonths(monthsAgoResolved).atDay(12).atStartOfDay(zone).toInstant());
        jdbc.sql("update ticket set created_at = :c, resolved_at = :r, status = case when :done then 'RESOLVED' else status end where id = :id")
            .param("c", Timestamp.from(reported)).param("r", resolved).param("done", resolved != null).param("id", id).update();
    }

    @Test
    void theBacklogMonthByMonthAndTheTicketsPerCategoryAssetAndPriority() throws Exception {
        String tag = JsonPath.read(mvc.perform(post("/api/v1/schools/" + school.code() + "/assets")
                .with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"PROJECTOR\",\"status\":\"IN_USE\"}")).andReturn().getResponse().getContentAsString(), "$.tag");
        long old = ticket("{\"subject\":\"Wifi valt weg\",\"impact\":\"HIGH\",\"urgency\":\"HIGH\"}");
        long lastMonth = ticket("{\"subject\":\"Printer <script>alert(1)</script>\"}");
        ticket("{\"subject\":\"Beamer flikkert\",\"assetTag\":\"" + tag + "\"}");
        ticket("{\"subject\":\"Beamer weer stuk\",\"assetTag\":\"" + tag + "\"}");
        happened(old, 2, 1);
        happened(lastMonth, 1, null);

        mvc.perform(get(api + "?months=3").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))).andExpect(status().isOk())
            .andExpect(jsonPath("$.reported").value(4))
            .andExpect(jsonPath("$.months.length()").value(3))
            .andExpect(jsonPath("$.months[0].reported").value(1)).andExpect(jsonPath("$.months[0].backlog").value(1))
            .andExpect(jsonPath("$.months[1].reported").value(1)).andExpect(jsonPath("$.months[1].resolved").value(1))
            .andExpect(jsonPath("$.months[1].backlog").value(1))
            .andExpect(jsonPath("$.months[2].reported").value(2)).andExpect(jsonPath("$.months[2].backlog").value(3))
            .andExpect(jsonPath("$.assets[0].label").value(tag)).andExpect(jsonPath("$.assets[0].count").value(2))
            .andExpect(jsonPath("$.sla[0].priority").value("CRITICAL")).andExpect(jsonPath("$.sla[0].tickets").value(1))
            .andExpect(jsonPath("$.schools.length()").value(0));
        // a shorter period starts with the backlog it inherits
        mvc.perform(get(api + "?months=1").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.months[0].reported").value(2)).andExpect(jsonPath("$.months[0].backlog").value(3));
        // the page: charts with their tables, text inert
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        String page = mvc.perform(get("/schools/" + school.code() + "/helpdesk/figures?months=3").session(session))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"backlogChart\"", "id=\"backlogTable\"", "id=\"slaTable\"", "id=\"categoriesChart\"",
            "id=\"assetsChart\"", "4 meldingen van").doesNotContain("schoolsChart").doesNotContain("<script>alert(1)");
        // the home card: the backlog and the devices with the most tickets, each a link to the device
        String home = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("id=\"homeBacklogChart\"", "id=\"homeTopAssets\"", ">" + tag + "</a>", "(2)");
    }

    @Test
    void badPeriodsAndOutsidersAreRefused() throws Exception {
        for (String months : List.of("0", "37", "abc")) {
            mvc.perform(get(api + "?months=" + months).with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
                .andExpect(status().isBadRequest());
        }
        mvc.perform(get(api + "?months=0").with(httpBasic(coordinator.email(), Fixtures.PASSWORD)))
            .andExpect(jsonPath("$.errors[0].field").value("months"));
        // a teacher does not see the school's figures; another school's coordinator does not see the school
        mvc.perform(get(api).with(httpBasic(fixtures.user(school, Role.STAFF).email(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
        var other = fixtures.school();
        mvc.perform(get(api).with(httpBasic(fixtures.user(other, Role.ICT_COORDINATOR).email(), Fixtures.PASSWORD)))
            .andExpect(status().isNotFound());
        mvc.perform(get(api)).andExpect(status().isUnauthorized());
        // the whole group: central admins only, with tickets per school
        mvc.perform(get("/api/v1/helpdesk/figures").with(httpBasic(coordinator.email(), Fixtures.PASSWORD))).andExpect(status().isForbidden());
        ticket("{\"subject\":\"Scherm zwart\"}");
        mvc.perform(get("/api/v1/helpdesk/figures?months=1").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.schools[?(@.key == '" + school.code() + "')].count").value(1));
        var admin = TenancyCheck.signIn(mvc, "admin@test.spil.be");
        assertThat(mvc.perform(get("/helpdesk/figures").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
            .getContentAsString()).contains("id=\"schoolsChart\"");
        mvc.perform(get("/helpdesk/figures").session(TenancyCheck.signIn(mvc, coordinator.email()))).andExpect(status().isForbidden());
    }

    @Test
    void chartStepsAreRound() {
        assertThat(FigureCharts.step(1)).isEqualTo(1);
        assertThat(FigureCharts.step(9)).isEqualTo(2);
        assertThat(FigureCharts.step(23)).isEqualTo(5);
        assertThat(FigureCharts.step(480)).isEqualTo(100);
        var chart = FigureCharts.months(List.of(new HelpdeskFigures.Month(YearMonth.of(2026, 9), 10, 4, 6)), java.util.Locale.ENGLISH);
        assertThat(chart.columns()).singleElement().satisfies(c -> assertThat(c.label()).isEqualTo("Sep"));
        assertThat(chart.backlog()).matches("[0-9.]+,[0-9.]+");
    }
}
