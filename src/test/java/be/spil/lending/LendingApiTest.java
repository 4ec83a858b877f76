package be.spil.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.inventory.Assets;
import be.spil.school.BuildingForm;
import be.spil.school.RoomForm;
import be.spil.school.RoomType;
import be.spil.school.Rooms;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpilIntegrationTest
class LendingApiTest {
    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired Assets assets;
    @Autowired Pools pools;
    @Autowired Rooms rooms;

    LendingFixtures lending;
    SchoolView school;
    SchoolYearView year;
    LocalDate monday;
    String coordinator;
    String teacher;
    String base;

    @BeforeEach
    void setUp() {
        lending = new LendingFixtures(calendar, assets, pools);
        school = fixtures.school();
        year = lending.year();
        monday = LendingFixtures.monday(year);
        lending.lessonPeriods(school);
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        teacher = fixtures.user(school, Role.STAFF).email();
        base = "/api/v1/schools/" + school.code();
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String user, String json) throws Exception {
        request.with(httpBasic(user, Fixtures.PASSWORD));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private String reservation(long pool, LocalDate date, String periods, Integer devices, String extra) {
        return "{\"pool\":" + pool + ",\"date\":\"" + date + "\",\"periods\":" + periods
            + (devices == null ? "" : ",\"devices\":" + devices) + (extra == null ? "" : "," + extra) + "}";
    }

    private long room(SchoolView s) {
        var building = rooms.createBuilding(s.id(), new BuildingForm("Hoofdgebouw " + Fixtures.unique(), null, null), Fixtures.ADMIN);
        return rooms.createRoom(s.id(), new RoomForm(building.id(), "A" + Fixtures.unique(), RoomType.CLASSROOM, null, null, null),
            Fixtures.ADMIN).id();
    }

    @Test
    void coordinatorDefinesAPoolWithDevicesFromTheInventory() throws Exception {
        var devices = lending.laptops(school, 3);
        long roomId = room(school);
        String body = "{\"name\":\"Laptopkar <script>alert(1)</script>\",\"homeRoomId\":" + roomId
            + ",\"reservableBy\":\"STAFF\",\"maxPerReservation\":2,\"needsApproval\":true,\"devices\":[\"" + devices.get(0).tag().toLowerCase()
            + "\",\"" + devices.get(1).tag() + "\",\"" + devices.get(2).tag() + "\"]}";
        var created = call(post(base + "/pools"), coordinator, body)
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/pools/")))
            .andExpect(jsonPath("$.name").value("Laptopkar <script>alert(1)</script>"))
            .andExpect(jsonPath("$.size").value(3))
            .andExpect(jsonPath("$.capacity").value(3))
            .andExpect(jsonPath("$.devices", hasSize(3)))
            .andExpect(jsonPath("$.homeRoom", containsString("Hoofdgebouw")))
            .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        call(post(base + "/pools"), coordinator, body).andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post(base + "/pools"), teacher, "{\"name\":\"Mine\"}").andExpect(status().isForbidden());
        call(post(base + "/pools"), coordinator, "{\"name\":\"\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post(base + "/pools"), coordinator, "{\"name\":\"X\",\"reservableBy\":\"EVERYBODY\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail", containsString("reservableBy")));
        call(post(base + "/pools"), coordinator, "{\"name\":\"Second\",\"devices\":[\"" + devices.get(0).tag() + "\"]}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("devices"))
            .andExpect(jsonPath("$.errors[0].message", containsString("already is in pool")));
        call(post(base + "/pools"), coordinator, "{\"name\":\"Third\",\"devices\":[\"NOPE-1\"]}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("devices"));
        // another school's device and room are unknown here
        var other = fixtures.school();
        var foreign = lending.laptop(other);
        call(post(base + "/pools"), coordinator, "{\"name\":\"Fourth\",\"devices\":[\"" + foreign.tag() + "\"]}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("devices"));
        call(post(base + "/pools"), coordinator, "{\"name\":\"Fifth\",\"homeRoomId\":" + room(other) + "}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("homeRoomId"));

        // optimistic locking on PATCH
        call(patch(base + "/pools/" + id), coordinator, "{\"name\":\"Laptopkar 1\",\"version\":0}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Laptopkar 1")).andExpect(jsonPath("$.size").value(3));
        call(patch(base + "/pools/" + id), coordinator, "{\"name\":\"Laptopkar 2\",\"version\":0}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.current.name").value("Laptopkar 1"));
        call(patch(base + "/pools/" + id), coordinator, "{\"devices\":[\"" + devices.get(0).tag() + "\"],\"version\":1}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.size").value(1));
        call(get(base + "/pools/" + id + "/history"), teacher, null).andExpect(status().isOk())
            .andExpect(jsonPath("$[0].action").exists());
    }

    @Test
    void teacherReservesFreeDevicesAndIsToldClearlyWhatIsWrong() throws Exception {
        var pool = lending.pool(school, "Kar A", 5);
        var other = fixtures.school();
        var otherPool = lending.pool(other, "Kar B", 2);
        long otherGroup = fixtures.group(other, "6B", 6);
        long group = fixtures.group(school, "5A", 5);
        long roomId = room(school);
        lending.holiday(school, "Herfstvakantie", monday.plusWeeks(1), monday.plusWeeks(1).plusDays(4));

        var created = call(post(base + "/reservations"), teacher, reservation(pool.id(), monday, "[3,4]", 2,
                "\"group\":" + group + ",\"room\":" + roomId + ",\"note\":\"<script>x</script> Scratch\""))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/reservations/")))
            .andExpect(jsonPath("$.status").value("CONFIRMED"))
            .andExpect(jsonPath("$.periods[0]").value(3))
            .andExpect(jsonPath("$.group").value("5A"))
            .andExpect(jsonPath("$.note").value("<script>x</script> Scratch"))
            .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");

        // the week view: 3 of 5 free in periods 3 and 4 on Monday; the holiday week is closed
        call(get(base + "/pools/" + pool.id() + "/week").param("date", monday.plusDays(2).toString()), teacher, null)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.monday").value(monday.toString()))
            .andExpect(jsonPath("$.rows[2][0].free").value(3))
            .andExpect(jsonPath("$.rows[0][0].free").value(5))
            .andExpect(jsonPath("$.rows[4][2].open").value(false));
        call(get(base + "/pools/" + pool.id() + "/week").param("date", monday.plusWeeks(1).toString()), teacher, null)
            .andExpect(jsonPath("$.days[0].schoolDay").value(false)).andExpect(jsonPath("$.rows[0][0].open").value(false));

        // bad input, each with the field at fault
        String[][] bad = {
            {reservation(pool.id(), LocalDate.of(2020, 1, 6), "[1]", 1, null), "date", "passed"},
            {reservation(pool.id(), monday.plusWeeks(1), "[1]", 1, null), "date", "Herfstvakantie"},
            {reservation(pool.id(), monday.plusDays(5), "[1]", 1, null), "date", "not a school day"},
            {reservation(pool.id(), monday, "[1]", 6, null), "devices", "only 5"},
            {reservation(pool.id(), monday.plusDays(2), "[5]", 1, null), "periods", "does not exist"},
            {reservation(pool.id(), monday, "[9]", 1, null), "periods", "does not exist"},
            {reservation(otherPool.id(), monday, "[1]", 1, null), "pool", "pool of this school"},
            {reservation(pool.id(), monday, "[1]", 1, "\"group\":" + otherGroup), "group", "class of this school"},
            {reservation(pool.id(), monday, "[1]", 1, "\"room\":" + room(other)), "room", "room of this school"},
            {reservation(pool.id(), monday, "[]", 1, null), "periods", ""},
            {"{}", "date", ""},
            {reservation(pool.id(), monday, "[1]", 1, "\"note\":\"" + "x".repeat(1001) + "\""), "note", ""},
        };
        for (String[] b : bad) {
            call(post(base + "/reservations"), teacher, b[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItem(b[1])))
                .andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItem(containsString(b[2]))));
        }
        call(post(base + "/reservations"), teacher, "{\"pool\":\"x\"}").andExpect(status().isBadRequest());
        // more than is free: 409 naming what is still free
        call(post(base + "/reservations"), teacher, reservation(pool.id(), monday, "[2,3]", 4, null))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("devices"))
            .andExpect(jsonPath("$.errors[0].message", containsString("2: 5, 3: 3")));
        // whole pool where devices are taken
        call(post(base + "/reservations"), teacher, reservation(pool.id(), monday, "[4]", null, null)).andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].message", containsString("4: 3")));
        call(post(base + "/reservations"), teacher, reservation(pool.id(), monday, "[1]", null, null))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.devices").value(5));

        // change with the version read; a stale one is refused; another teacher may not touch it
        call(patch(base + "/reservations/" + id), teacher, "{\"devices\":3,\"version\":0}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.devices").value(3));
        call(patch(base + "/reservations/" + id), teacher, "{\"devices\":1,\"version\":0}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.current.devices").value("3"));
        String colleague = fixtures.user(school, Role.STAFF).email();
        call(patch(base + "/reservations/" + id), colleague, "{\"status\":\"CANCELLED\",\"version\":1}").andExpect(status().isForbidden());
        call(patch(base + "/reservations/" + id), teacher, "{\"status\":\"RETURNED\",\"version\":1}").andExpect(status().isBadRequest());
        call(patch(base + "/reservations/" + id), teacher, "{\"status\":\"CANCELLED\",\"version\":1}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        call(get(base + "/pools/" + pool.id() + "/week").param("date", monday.toString()), teacher, null)
            .andExpect(jsonPath("$.rows[2][0].free").value(5));
        call(get(base + "/reservations").param("from", monday.toString()).param("to", monday.plusDays(4).toString())
                .param("pool", String.valueOf(pool.id())), teacher, null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        call(get(base + "/reservations").param("from", monday.toString()).param("to", monday.minusDays(1).toString()), teacher, null)
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void weeklyReservationsSkipHolidaysAndAreRefusedWhole() throws Exception {
        var pool = lending.pool(school, "Tablets", 4);
        lending.holiday(school, "Herfstvakantie", monday.plusWeeks(1), monday.plusWeeks(1).plusDays(4));
        var until = monday.plusWeeks(3).plusDays(1);
        var first = call(post(base + "/reservations"), teacher,
                reservation(pool.id(), monday.plusDays(1), "[1,2]", 3, "\"weeklyUntil\":\"" + until + "\""))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.seriesId").isNumber()).andReturn().getResponse().getContentAsString();
        call(get(base + "/reservations").param("from", monday.toString()).param("to", until.plusDays(6).toString()), teacher, null)
            .andExpect(jsonPath("$.total").value(3));
        // another weekly series that collides in one week is refused as a whole
        call(post(base + "/reservations"), teacher, reservation(pool.id(), monday.plusDays(1).minusWeeks(0), "[2]", 2,
                "\"weeklyUntil\":\"" + until + "\""))
            .andExpect(status().isConflict());
        call(get(base + "/reservations").param("from", monday.toString()).param("to", until.plusDays(6).toString()), teacher, null)
            .andExpect(jsonPath("$.total").value(3));
        call(post(base + "/reservations"), teacher, reservation(pool.id(), monday, "[1]", 1,
                "\"weeklyUntil\":\"" + year.endDate().plusDays(7) + "\""))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("weeklyUntil"));
        // cancelling the series frees every later week
        int id = JsonPath.read(first, "$.id");
        call(patch(base + "/reservations/" + id), teacher, "{\"status\":\"CANCELLED\",\"series\":true,\"version\":1}")
            .andExpect(status().isOk());
        call(get(base + "/reservations").param("from", monday.toString()).param("to", until.plusDays(6).toString()), teacher, null)
            .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void poolsNeedingApprovalOrReservedForTheTeam() throws Exception {
        var devices = lending.laptops(school, 2);
        var approval = pools.create(school.id(), new PoolForm("Robots", null, null, ReservableBy.STAFF, 1, true,
            List.of(devices.get(0).tag()), null), Fixtures.ADMIN);
        var team = pools.create(school.id(), new PoolForm("Camera", null, null, ReservableBy.MANAGERS, null, false,
            List.of(devices.get(1).tag()), null), Fixtures.ADMIN);
        var requested = call(post(base + "/reservations"), teacher, reservation(approval.id(), monday, "[1]", 1, null))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REQUESTED")).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(requested, "$.id");
        // a requested reservation holds its device
        call(post(base + "/reservations"), coordinator, reservation(approval.id(), monday, "[1]", 1, null)).andExpect(status().isConflict());
        call(post(base + "/reservations/" + id + "/approve"), teacher, null).andExpect(status().isForbidden());
        call(post(base + "/reservations/" + id + "/approve"), coordinator, null)
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        call(post(base + "/reservations"), teacher, reservation(team.id(), monday, "[1]", 1, null)).andExpect(status().isForbidden())
            .andExpect(jsonPath("$.errors[0].field").value("pool"))
            .andExpect(jsonPath("$.errors[0].message").value("Only the ICT team may reserve Camera."));
        call(post(base + "/reservations"), coordinator, reservation(team.id(), monday, "[1]", 1, null)).andExpect(status().isCreated());
        call(post(base + "/reservations"), teacher, reservation(approval.id(), monday, "[2]", 2, null))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("devices"));
    }

    @Test
    void everyEndpointKeepsToItsSchool() throws Exception {
        var pool = lending.pool(school, "Kar T", 5);
        var approval = pools.create(school.id(), new PoolForm("Goedkeuring", null, null, ReservableBy.STAFF, null, true,
            List.of(lending.laptop(school).tag()), null), Fixtures.ADMIN);
        var requested = call(post(base + "/reservations"), teacher, reservation(approval.id(), monday, "[1]", 1, null))
            .andReturn().getResponse().getContentAsString();
        int rid = JsonPath.read(requested, "$.id");
        var other = fixtures.school();
        String outsider = fixtures.user(other, Role.ICT_COORDINATOR).email();
        String p = base + "/pools/" + pool.id();
        TenancyCheck.api(mvc).outsider(outsider).staff(teacher).manager(coordinator).unchanged(p)
            .read(base + "/pools")
            .read(p)
            .read(p + "/week?date=" + monday)
            .read(p + "/overbooked")
            .read(p + "/history")
            .read(base + "/reservations?from=" + monday + "&to=" + monday.plusDays(6))
            .read(base + "/reservations/" + rid)
            .read(base + "/reservations/" + rid + "/history")
            .read(base + "/reservations/" + rid + "/devices")
            .admin(HttpMethod.POST, base + "/pools", "{\"name\":\"Nieuw " + Fixtures.unique() + "\"}")
            .admin(HttpMethod.PATCH, p, "{\"description\":\"Op de tweede verdieping\",\"version\":0}")
            .admin(HttpMethod.POST, base + "/reservations/" + rid + "/approve", null)
            .verify();
        TenancyCheck.api(mvc).outsider(outsider).manager(coordinator).unchanged(p)
            .read(base + "/reservations/" + rid)
            .admin(HttpMethod.POST, base + "/reservations", reservation(pool.id(), monday, "[2]", 1, null))
            .admin(HttpMethod.PATCH, base + "/reservations/" + rid, "{\"note\":\"Graag opgeladen\",\"version\":1}")
            .verify();
        assertThat(pools.get(school.id(), pool.id(), Fixtures.ADMIN).description()).isEqualTo("Op de tweede verdieping");
    }
}
