package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.AssetStatus;
import be.spil.inventory.AssetView;
import be.spil.inventory.Assets;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The inventory's bulk action "assign to pool", served by lending through the shared DevicePools. */
@SpilIntegrationTest
class AssetBulkPoolTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired SchoolCalendar calendar;

    LendingFixtures lending;
    SchoolView school;
    String coordinator;
    String api;

    @BeforeEach
    void setUp() {
        lending = new LendingFixtures(calendar, assets, pools);
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        api = "/api/v1/schools/" + school.code() + "/assets/bulk/pool";
    }

    private ResultActions postJson(String json) throws Exception {
        return mvc.perform(post(api).with(httpBasic(coordinator, Fixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String body(long pool, AssetView... devices) {
        return "{\"tags\":[" + String.join(",", java.util.Arrays.stream(devices).map(d -> "\"" + d.tag() + "\"").toList())
            + "],\"poolId\":" + pool + "}";
    }

    private List<String> tagsOf(PoolView pool) {
        return pools.get(school.id(), pool.id(), Fixtures.ADMIN).devices().stream().map(PoolView.Device::tag).toList();
    }

    @Test
    void aSelectionGoesIntoAPoolInOneGoWithHistory() throws Exception {
        var cart = lending.pool(school, "Laptopkar A", 1);
        var a = lending.laptop(school);
        var b = lending.laptop(school);
        postJson(body(cart.id(), a, b)).andExpect(status().isOk())
            .andExpect(jsonPath("$.changed").value(2)).andExpect(jsonPath("$.unchanged").value(0));
        assertThat(tagsOf(cart)).contains(a.tag(), b.tag()).hasSize(3);
        assertThat(pools.history(school.id(), cart.id(), Fixtures.ADMIN).get(0).changes())
            .anySatisfy(c -> assertThat(c.to()).contains(a.tag(), b.tag()));
        postJson(body(cart.id(), a)).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1));
    }

    @Test
    void aDeviceInAnotherPoolOrRetiredChangesNothingAndIsNamed() throws Exception {
        var cart = lending.pool(school, "Kar 1", 0);
        var other = lending.pool(school, "Kar 2", 1);
        var inOther = other.devices().get(0);
        var free = lending.laptop(school);
        var retired = lending.laptop(school);
        assets.changeStatus(school.id(), retired.id(), AssetStatus.RETIRED, "oud", retired.version(), Fixtures.ADMIN);
        postJson("{\"tags\":[\"" + free.tag() + "\",\"" + inOther.tag() + "\"],\"poolId\":" + cart.id() + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("tags"))
            .andExpect(jsonPath("$.errors[0].message", containsString(inOther.tag())))
            .andExpect(jsonPath("$.errors[0].message", containsString("Kar 2")));
        postJson(body(cart.id(), free, retired)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].message", containsString(retired.tag())));
        postJson("{\"tags\":[\"" + free.tag() + "\",\"NOPE-404\"],\"poolId\":" + cart.id() + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message", containsString("NOPE-404")));
        postJson("{\"tags\":[],\"poolId\":" + cart.id() + "}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("tags"));
        postJson("{\"tags\":[\"" + free.tag() + "\"]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("poolId"));
        postJson("{\"tags\":[\"" + free.tag() + "\"],\"poolId\":\"abc\"}").andExpect(status().isBadRequest());
        assertThat(tagsOf(cart)).isEmpty();
        assertThat(tagsOf(other)).containsExactly(inOther.tag());
    }

    @Test
    void anotherSchoolsPoolOrAnArchivedPoolIsRefused() throws Exception {
        var elsewhere = fixtures.school();
        var theirCart = lending.pool(elsewhere, "Hun kar", 0);
        var archived = lending.pool(school, "Oude kar", 0);
        pools.setArchived(school.id(), archived.id(), true, Fixtures.ADMIN);
        var mine = lending.laptop(school);
        postJson(body(theirCart.id(), mine)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("poolId"));
        postJson(body(archived.id(), mine)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("poolId"))
            .andExpect(jsonPath("$.errors[0].message", containsString("Oude kar")));
        postJson(body(Long.MAX_VALUE, mine)).andExpect(status().isBadRequest());
        assertThat(pools.get(elsewhere.id(), theirCart.id(), Fixtures.ADMIN).devices()).isEmpty();
        assertThat(pools.get(school.id(), archived.id(), Fixtures.ADMIN).devices()).isEmpty();
    }

    @Test
    void theListOffersThePoolsOfTheSchoolOnly() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        String base = "/schools/" + school.code() + "/assets";
        var a = lending.laptop(school);
        String before = mvc.perform(get(base).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("id=\"bulkMove\"").doesNotContain("id=\"bulkPoolButton\"");
        var cart = lending.pool(school, "Tabletkoffer", 0);
        lending.pool(fixtures.school(), "Kar van een andere school", 0);
        String page = mvc.perform(get(base).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"bulkPoolButton\"", "Tabletkoffer", "formaction=\"" + base + "/bulk/pool\"")
            .doesNotContain("Kar van een andere school");
        mvc.perform(post(base + "/bulk/pool").session(session).with(csrf()).param("tags", a.tag())
                .param("bulkPool", String.valueOf(cart.id())).param("back", "q=&page=0"))
            .andExpect(redirectedUrl(base + "?q=&page=0")).andExpect(flash().attributeExists("bulkMessage"));
        assertThat(tagsOf(cart)).containsExactly(a.tag());
        String assetPage = mvc.perform(get(base + "/" + a.id()).session(session)).andReturn().getResponse().getContentAsString();
        assertThat(assetPage).contains("id=\"assetLending\"", "Tabletkoffer", "/schools/" + school.code() + "/pools/" + cart.id());
        var b = lending.laptop(school);
        var refused = mvc.perform(post(base + "/bulk/pool").session(session).with(csrf()).param("tags", b.tag()).param("bulkPool", "999999999"))
            .andExpect(redirectedUrl(base)).andReturn();
        var problem = (FieldErrorsException.FieldError) refused.getFlashMap().get("problem");
        assertThat(problem.code()).isEqualTo("pool.choose.unknown");
        assertThat(tagsOf(cart)).containsExactly(a.tag());
        assertThat(mvc.perform(get(base).session(session)).andReturn().getResponse().getContentAsString())
            .contains("Kies een toestellenpool van deze school.");
        String english = mvc.perform(get(base).param("lang", "en").session(session).flashAttr("bulkMessage",
                new FieldErrorsException.FieldError("tags", "asset.bulk.pooled", 1, 0)))
            .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Put in pool", "1 device(s) put in the pool");
    }

    @Test
    void assigningToAPoolKeepsToItsSchoolAndRoles() throws Exception {
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        var cart = lending.pool(school, "Kar T", 0);
        var a = lending.laptop(school);
        TenancyCheck.api(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/pools/" + cart.id())
            .admin(HttpMethod.POST, api, body(cart.id(), a))
            .verify();
        var b = lending.laptop(school);
        TenancyCheck.ui(mvc).outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged("/api/v1/schools/" + school.code() + "/pools/" + cart.id())
            .admin(HttpMethod.POST, "/schools/" + school.code() + "/assets/bulk/pool", "tags=" + b.tag() + "&bulkPool=" + cart.id())
            .verify();
    }
}
