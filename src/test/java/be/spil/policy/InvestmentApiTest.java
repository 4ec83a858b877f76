package be.spil.policy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import be.spil.directory.PersonView;
import be.spil.school.SchoolView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpilIntegrationTest
class InvestmentApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Investments investments;

    SchoolView school;
    PersonView coordinator;
    String base;
    int first;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR);
        base = "/api/v1/schools/" + school.code();
        first = investments.currentYear();
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(httpBasic(coordinator.email(), Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
            .content(json));
    }

    private String line(int year, String planned) {
        return "{\"year\":" + year + ",\"category\":\"DEVICES\",\"funding\":\"DIGIPLAN\",\"description\":\"Laptops\",\"planned\":\"" + planned + "\"}";
    }

    @Test
    void theInvestmentPlanHoldsExactMoneyPerYearWithinItsPeriod() throws Exception {
        call(get(base + "/investment-plan"), "").andExpect(status().isOk())
            .andExpect(jsonPath("$.firstYear").value(first)).andExpect(jsonPath("$.years").value(5))
            .andExpect(jsonPath("$.saved").value(false));
        call(put(base + "/investment-plan"), "{\"firstYear\":" + first + ",\"years\":3}").andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(0));
        call(post(base + "/investment-plan/lines"), line(first, "12500.10")).andExpect(status().isCreated())
            .andExpect(jsonPath("$.planned").value(12500.10)).andExpect(jsonPath("$.schoolYear").value(first + "-" + (first + 1)));
        call(post(base + "/investment-plan/lines"), line(first, "0.20")).andExpect(status().isCreated());
        call(get(base + "/investment-plan"), "").andExpect(jsonPath("$.plannedPerYear['" + first + "-" + (first + 1) + "']").value(12500.30));
        // bad input: negative, three decimals, outside the plan, unknown category, no amount, malformed
        call(post(base + "/investment-plan/lines"), line(first, "-1")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("planned"));
        call(post(base + "/investment-plan/lines"), line(first, "1.005")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("planned"));
        call(post(base + "/investment-plan/lines"), line(first + 3, "10")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("year"));
        call(post(base + "/investment-plan/lines"), line(first, "10").replace("DEVICES", "YACHTS")).andExpect(status().isBadRequest());
        call(post(base + "/investment-plan/lines"), "{\"year\":" + first + ",\"category\":\"DEVICES\",\"funding\":\"OTHER\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("planned"));
        call(post(base + "/investment-plan/lines"), "{\"year\":").andExpect(status().isBadRequest());
        // the period cannot leave lines outside; years 1–10
        call(put(base + "/investment-plan"), "{\"firstYear\":" + (first + 1) + ",\"years\":3,\"version\":0}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstYear"));
        call(put(base + "/investment-plan"), "{\"firstYear\":" + first + ",\"years\":11,\"version\":0}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("years"));
        call(put(base + "/investment-plan"), "{\"firstYear\":" + first + ",\"years\":4,\"version\":5}").andExpect(status().isConflict());
        call(get(base + "/investment-plan"), "").andExpect(jsonPath("$.lines.length()").value(2)).andExpect(jsonPath("$.years").value(3));
    }

    @Test
    void aStaleLineVersionIsRefusedAndSpentIsEnteredByHand() throws Exception {
        var created = call(post(base + "/investment-plan/lines"), line(first, "5000")).andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        String update = "{\"year\":" + first + ",\"category\":\"DEVICES\",\"funding\":\"DIGIPLAN\",\"planned\":\"5000\",\"spent\":\"4800.50\",\"version\":";
        call(patch(base + "/investment-plan/lines/" + id), update + "0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.spent").value(4800.50)).andExpect(jsonPath("$.version").value(1));
        call(patch(base + "/investment-plan/lines/" + id), update + "0}").andExpect(status().isConflict());
        var other = fixtures.school();
        mvc.perform(patch("/api/v1/schools/" + other.code() + "/investment-plan/lines/" + id)
                .with(httpBasic(fixtures.user(other, Role.ICT_COORDINATOR).email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(update + "1}"))
            .andExpect(status().isNotFound());
    }

    @Test
    void theForecastComparesReplacementsWithTheDeviceBudget() throws Exception {
        var bought = LocalDate.of(first - 5, 10, 1);   // a laptop's 5 years end this school year
        for (int i = 0; i < 3; i++) {
            call(post(base + "/assets"), "{\"category\":\"LAPTOP\",\"status\":\"IN_USE\",\"purchaseDate\":\"" + bought + "\",\"price\":\"600\"}")
                .andExpect(status().isCreated());
        }
        call(post(base + "/assets"), "{\"category\":\"TABLET\",\"status\":\"IN_USE\"}").andExpect(status().isCreated());
        call(post(base + "/investment-plan/lines"), line(first, "1000")).andExpect(status().isCreated());
        call(get(base + "/replacement-forecast?years=3"), "").andExpect(status().isOk())
            .andExpect(jsonPath("$.rows.length()").value(3))
            .andExpect(jsonPath("$.rows[0].devices").value(3)).andExpect(jsonPath("$.rows[0].devicesCost").value(1800.00))
            .andExpect(jsonPath("$.rows[0].gap").value(-800.00)).andExpect(jsonPath("$.unknownAge").value(1));
        call(put(base + "/lifecycles/LAPTOP"), "{\"years\":6,\"price\":\"450\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.own").value(true));
        call(get(base + "/replacement-forecast?years=3"), "")
            .andExpect(jsonPath("$.rows[0].devices").value(0)).andExpect(jsonPath("$.rows[1].devicesCost").value(1350.00));
        call(put(base + "/lifecycles/LAPTOP"), "{\"years\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("years"));
        call(put(base + "/lifecycles/SPACESHIP"), "{\"years\":3}").andExpect(status().isBadRequest());
        call(get(base + "/replacement-forecast?years=11"), "").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("years"));
        call(get(base + "/replacement-forecast?years=abc"), "").andExpect(status().isBadRequest());
        // the whole group: central admins only
        call(get("/api/v1/replacement-forecast"), "").andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/replacement-forecast").with(httpBasic("admin@test.spil.be", Fixtures.PASSWORD)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.rows.length()").value(5));
    }

    @Test
    void theTotalCostOfOwnershipAddsLicencesSharedOverTheDevicesTheyAreOn() throws Exception {
        call(get(base + "/tco"), "").andExpect(status().isOk()).andExpect(jsonPath("$.categories.length()").value(0));
        String[] tags = new String[2];
        for (int i = 0; i < 2; i++) {
            String json = call(post(base + "/assets"), "{\"category\":\"LAPTOP\",\"status\":\"IN_USE\",\"purchaseDate\":\""
                + LocalDate.of(first, 10, 1) + "\",\"price\":\"600\"}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
            tags[i] = com.jayway.jsonpath.JsonPath.read(json, "$.tag");
        }
        String titleJson = call(post(base + "/software/titles"), "{\"name\":\"Bookwidgets\",\"category\":\"OFFICE\",\"platform\":\"WEB\"}")
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int title = com.jayway.jsonpath.JsonPath.read(titleJson, "$.id");
        call(post(base + "/software/licences"), "{\"titleId\":" + title + ",\"type\":\"SUBSCRIPTION\",\"seats\":10,\"cost\":\"240\","
            + "\"startDate\":\"" + first + "-09-01\",\"endDate\":\"" + (first + 1) + "-08-31\"}").andExpect(status().isCreated());
        for (var tag : tags) {
            call(post(base + "/software/installations"), "{\"asset\":\"" + tag + "\",\"titleId\":" + title + "}").andExpect(status().isCreated());
        }
        call(patch(base + "/assets/" + tags[0]), "{\"status\":\"IN_REPAIR\",\"reason\":\"Scherm\",\"version\":0}").andExpect(status().isOk());
        call(get(base + "/tco"), "").andExpect(status().isOk())
            .andExpect(jsonPath("$.licences").value(240.00))
            .andExpect(jsonPath("$.categories[0].category").value("LAPTOP"))
            .andExpect(jsonPath("$.categories[0].devices").value(2))
            .andExpect(jsonPath("$.categories[0].averagePrice").value(600.00))
            .andExpect(jsonPath("$.categories[0].licencesPerDevicePerYear").value(120.00))
            .andExpect(jsonPath("$.categories[0].perDevicePerYear").value(240.00))
            .andExpect(jsonPath("$.categories[0].perDeviceLifetime").value(1200.00))
            .andExpect(jsonPath("$.categories[0].repairs").value(1));
        String page = mvc.perform(get("/schools/" + school.code() + "/policy/budget").session(TenancyCheck.signIn(mvc, coordinator.email())))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"tco\"").contains("Kost per toestel per jaar").contains("240,00");
    }

    @Test
    void aPriceSetForAModelIsWhatReplacingItsDevicesCosts() throws Exception {
        var bought = LocalDate.of(first - 5, 10, 1);
        for (int i = 0; i < 2; i++) {
            call(post(base + "/assets"), "{\"category\":\"LAPTOP\",\"manufacturer\":\"Dell\",\"model\":\"Latitude 3540\","
                + "\"status\":\"IN_USE\",\"purchaseDate\":\"" + bought + "\",\"price\":\"600\"}").andExpect(status().isCreated());
        }
        String models = call(get(base + "/model-prices"), "").andExpect(status().isOk())
            .andExpect(jsonPath("$[0].name").value("Latitude 3540")).andExpect(jsonPath("$[0].devices").value(2))
            .andExpect(jsonPath("$[0].averagePaid").value(600.00)).andExpect(jsonPath("$[0].price").doesNotExist())
            .andReturn().getResponse().getContentAsString();
        int model = com.jayway.jsonpath.JsonPath.read(models, "$[0].modelId");
        call(get(base + "/replacement-forecast?years=1"), "").andExpect(jsonPath("$.rows[0].devicesCost").value(1200.00));
        call(put(base + "/model-prices/" + model), "{\"price\":\"899.99\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.price").value(899.99));
        call(get(base + "/replacement-forecast?years=1"), "").andExpect(jsonPath("$.rows[0].devicesCost").value(1799.98));
        // bad input changes nothing: negative, three decimals, text, a model the school has no devices of, another school
        call(put(base + "/model-prices/" + model), "{\"price\":\"-1\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("price"));
        call(put(base + "/model-prices/" + model), "{\"price\":\"1.005\"}").andExpect(status().isBadRequest());
        call(put(base + "/model-prices/" + model), "{\"price\":\"veel\"}").andExpect(status().isBadRequest());
        call(put(base + "/model-prices/999999999"), "{\"price\":\"10\"}").andExpect(status().isNotFound());
        var other = fixtures.school();
        mvc.perform(put("/api/v1/schools/" + other.code() + "/model-prices/" + model)
                .with(httpBasic(fixtures.user(other, Role.ICT_COORDINATOR).email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"price\":\"1\"}"))
            .andExpect(status().isNotFound());
        mvc.perform(put(base + "/model-prices/" + model).with(httpBasic(fixtures.user(school, Role.STAFF).email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"price\":\"1\"}"))
            .andExpect(status().isForbidden());
        call(get(base + "/model-prices"), "").andExpect(jsonPath("$[0].price").value(899.99));
        // the page takes a Flemish amount; empty removes the price
        var session = TenancyCheck.signIn(mvc, coordinator.email());
        mvc.perform(post("/schools/" + school.code() + "/policy/budget/models/" + model).session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("price", "1.050,50")).andExpect(status().is3xxRedirection());
        call(get(base + "/model-prices"), "").andExpect(jsonPath("$[0].price").value(1050.50));
        String page = mvc.perform(get("/schools/" + school.code() + "/policy/budget").session(session)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"modelPrices\"").contains("Dell Latitude 3540");
        mvc.perform(post("/schools/" + school.code() + "/policy/budget/models/" + model).session(session)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("price", "")).andExpect(status().is3xxRedirection());
        call(get(base + "/model-prices"), "").andExpect(jsonPath("$[0].price").doesNotExist());
    }

    @Test
    void anotherSchoolNeverSeesOrChangesTheMoney() throws Exception {
        var other = fixtures.school();
        call(post(base + "/assets"), "{\"category\":\"LAPTOP\",\"manufacturer\":\"HP\",\"model\":\"ProBook " + Fixtures.unique() + "\"}")
            .andExpect(status().isCreated());
        int model = com.jayway.jsonpath.JsonPath.read(call(get(base + "/model-prices"), "").andReturn().getResponse().getContentAsString(),
            "$[0].modelId");
        TenancyCheck.api(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(fixtures.user(school, Role.STAFF).email())
            .manager(coordinator.email())
            .unchanged(base + "/investment-plan")
            .read(base + "/investment-plan").read(base + "/lifecycles").read(base + "/replacement-forecast").read(base + "/tco").read(base + "/model-prices")
            .admin(HttpMethod.PUT, base + "/investment-plan", "{\"firstYear\":" + first + ",\"years\":4}")
            .admin(HttpMethod.POST, base + "/investment-plan/lines", line(first, "10"))
            .admin(HttpMethod.PUT, base + "/lifecycles/TABLET", "{\"years\":3}")
            .admin(HttpMethod.PUT, base + "/model-prices/" + model, "{\"price\":\"500\"}")
            .verify();
        String page = "/schools/" + school.code() + "/policy/budget";
        TenancyCheck.ui(mvc)
            .outsider(fixtures.user(other, Role.ICT_COORDINATOR).email())
            .staff(fixtures.user(school, Role.STAFF).email())
            .manager(coordinator.email())
            .unchanged(base + "/model-prices")
            .read(page)
            .admin(HttpMethod.POST, page + "/models/" + model, "price=600")
            .admin(HttpMethod.POST, page + "/lifecycles/TABLET", "years=4")
            .verify();
    }
}
