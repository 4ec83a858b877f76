package be.spil.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.spil.audit.AuditTrail;
import be.spil.shared.Role;
import be.spil.support.Fixtures;
import be.spil.support.SpilIntegrationTest;
import be.spil.support.TenancyCheck;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpilIntegrationTest
class CalendarApiTest {
    static final String ADMIN = "admin@test.spil.be";
    static final String PERIODS = """
        {"periods":[
          {"number":1,"label":"Lesuur 1","start":"08:25","end":"09:15"},
          {"number":2,"start":"09:15","end":"10:05"},
          {"number":3,"start":"10:20","end":"11:10"},
          {"number":4,"start":"11:10","end":"12:00"},
          {"number":5,"start":"13:15","end":"14:05","weekdays":["MONDAY","TUESDAY","THURSDAY","FRIDAY"]}
        ],"version":%d}""";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired SchoolCalendar calendar;
    @Autowired SchoolYearRepository years;
    @Autowired HolidayRepository holidays;
    @Autowired LessonScheduleRepository schedules;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    SchoolView school;
    String coordinator;
    String base;

    @BeforeEach
    void setUp() {
        school = fixtures.school();
        coordinator = fixtures.user(school, Role.ICT_COORDINATOR).email();
        base = "/api/v1/schools/" + school.code();
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String user, String json) throws Exception {
        request.with(httpBasic(user, Fixtures.PASSWORD));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }

    private static String holiday(String name, LocalDate first, LocalDate last) {
        return "{\"name\":\"" + name + "\",\"firstDay\":\"" + first + "\",\"lastDay\":\"" + last + "\"}";
    }

    private static long id(ResultActions result) throws Exception {
        return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    }

    // ---- school years ----

    @Test
    void aCentralAdminAddsSchoolYearsThatRunFromSeptemberToAugustAndNeverOverlap() throws Exception {
        String name = TestYears.fresh();
        int first = Integer.parseInt(name.substring(0, 4));
        long yearId = id(call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + name + "\"}")
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/v1/school-years/")))
            .andExpect(jsonPath("$.startDate").value(first + "-09-01"))
            .andExpect(jsonPath("$.endDate").value((first + 1) + "-08-31"))
            .andExpect(jsonPath("$.current").value(false)));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + name + "\"}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        String next = TestYears.fresh();
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + next + "\",\"startDate\":\"" + (first + 1) + "-08-20\"}")
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("startDate"))
            .andExpect(jsonPath("$.errors[0].message").value(containsString(name)));
        call(get("/api/v1/school-years"), fixtures.user(school, Role.STAFF).email(), null).andExpect(status().isOk())
            .andExpect(jsonPath("$.items[*].name", hasItem(name)));
        call(get("/api/v1/school-years/" + yearId), coordinator, null).andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value(name));
        // a later start, with the version read; then a stale write
        call(patch("/api/v1/school-years/" + yearId), ADMIN, "{\"name\":\"" + name + "\",\"startDate\":\"" + first + "-09-02\",\"version\":0}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.startDate").value(first + "-09-02")).andExpect(jsonPath("$.version").value(1));
        call(patch("/api/v1/school-years/" + yearId), ADMIN, "{\"name\":\"" + name + "\",\"startDate\":\"" + first + "-09-03\",\"version\":0}")
            .andExpect(status().isConflict()).andExpect(jsonPath("$.current.startDate").value(first + "-09-02"));
        assertThat(audit.history(SchoolCalendar.YEAR_AUDIT_TYPE, yearId)).extracting(AuditTrail.Entry::action)
            .containsExactly(AuditTrail.Action.UPDATED, AuditTrail.Action.CREATED);
    }

    @Test
    void onlyACentralAdminAddsSchoolYears() throws Exception {
        long before = years.count();
        mvc.perform(post("/api/v1/school-years").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"2199-2200\"}"))
            .andExpect(status().isUnauthorized());
        call(post("/api/v1/school-years"), coordinator, "{\"name\":\"2199-2200\"}").andExpect(status().isForbidden());
        call(post("/api/v1/school-years"), fixtures.user(school, Role.DIRECTOR).email(), "{\"name\":\"2199-2200\"}")
            .andExpect(status().isForbidden());
        var year = TestYears.create(calendar);
        call(patch("/api/v1/school-years/" + year.id()), coordinator, "{\"name\":\"" + year.name() + "\",\"version\":0}")
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/school-years")).andExpect(status().isUnauthorized());
        assertThat(years.count()).isEqualTo(before + 1);
    }

    @Test
    void badSchoolYearsGetAProblemThatNamesTheField() throws Exception {
        long before = years.count();
        String name = TestYears.fresh();
        int first = Integer.parseInt(name.substring(0, 4));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"\"}").andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + "2".repeat(300) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + first + "/" + (first + 1) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + first + "-" + (first + 2) + "\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + name + "\",\"startDate\":\"" + first + "-09-01\",\"endDate\":\"" + first
                + "-08-01\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("endDate"));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + name + "\",\"startDate\":\"1 september\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("startDate"));
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":" + first + "}").andExpect(status().isBadRequest());
        call(post("/api/v1/school-years"), ADMIN, "{\"name\":\"" + name + "\",\"endDate\":\"" + (first + 2) + "-08-31\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endDate"));
        assertThat(years.count()).isEqualTo(before);
    }

    @Test
    void theCurrentSchoolYearFollowsTheClock() {
        var year = TestYears.create(calendar);
        ZoneId brussels = ZoneId.of("Europe/Brussels");
        var inside = new SchoolCalendar(years, holidays, schedules, jdbc, audit,
            Clock.fixed(year.startDate().plusDays(60).atStartOfDay(brussels).toInstant(), brussels));
        assertThat(inside.currentSchoolYear()).get().extracting(SchoolYearView::name).isEqualTo(year.name());
        assertThat(inside.currentSchoolYear().orElseThrow().current()).isTrue();
        assertThat(inside.schoolYears()).filteredOn(SchoolYearView::current).extracting(SchoolYearView::id).containsExactly(year.id());
        var never = new SchoolCalendar(years, holidays, schedules, jdbc, audit,
            Clock.fixed(LocalDate.of(1950, 1, 10).atStartOfDay(brussels).toInstant(), brussels));
        assertThat(never.currentSchoolYear()).isEmpty();
    }

    // ---- holidays and school days ----

    @Test
    void holidaysOfTheSchoolAndOfEverySchoolMakeDaysWithoutLessons() throws Exception {
        var year = TestYears.create(calendar);
        LocalDate autumnMonday = year.startDate().plusMonths(2).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        LocalDate pedagogicalDay = autumnMonday.plusWeeks(2).plusDays(2); // a Wednesday
        long groupId = id(call(post("/api/v1/holidays"), ADMIN, holiday("Herfstvakantie", autumnMonday, autumnMonday.plusDays(6)))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.allSchools").value(true))
            .andExpect(jsonPath("$.schoolYear").value(year.name())));
        // a school reads the group's holiday, but changes it only where the group's holidays live
        call(get(base + "/holidays/" + groupId), coordinator, null).andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("Herfstvakantie"));
        call(patch(base + "/holidays/" + groupId), coordinator, "{\"archived\":true,\"version\":0}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("allSchools"));
        call(patch("/api/v1/holidays/" + groupId), coordinator, "{\"archived\":true,\"version\":0}").andExpect(status().isForbidden());
        call(get("/api/v1/holidays?year=" + year.name()), coordinator, null).andExpect(jsonPath("$.total").value(1));
        call(post(base + "/holidays"), coordinator, holiday("Pedagogische studiedag", pedagogicalDay, pedagogicalDay))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString(base + "/holidays/")))
            .andExpect(jsonPath("$.allSchools").value(false));
        call(get(base + "/holidays?year=" + year.name()), fixtures.user(school, Role.STAFF).email(), null).andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(2))
            .andExpect(jsonPath("$.items[0].name").value("Herfstvakantie"))
            .andExpect(jsonPath("$.items[0].allSchools").value(true))
            .andExpect(jsonPath("$.items[1].name").value("Pedagogische studiedag"));
        // another school has the group's holiday, not this school's study day
        var other = fixtures.school();
        assertThat(calendar.isSchoolDay(other.id(), pedagogicalDay)).isTrue();
        assertThat(calendar.isSchoolDay(school.id(), pedagogicalDay)).isFalse();
        assertThat(calendar.isSchoolDay(other.id(), autumnMonday.plusDays(4))).isFalse();
        assertThat(calendar.isSchoolDay(school.id(), autumnMonday.plusDays(7))).isTrue();
        assertThat(calendar.isSchoolDay(school.id(), autumnMonday.plusDays(12))).isFalse(); // Saturday
        assertThat(calendar.isSchoolDay(school.id(), LocalDate.of(1950, 3, 1))).isFalse(); // a Wednesday in no school year
        assertThat(calendar.schoolDays(school.id(), autumnMonday, autumnMonday.plusDays(20))).hasSize(9);
        call(get(base + "/school-days/" + pedagogicalDay), coordinator, null).andExpect(status().isOk())
            .andExpect(jsonPath("$.schoolDay").value(false)).andExpect(jsonPath("$.lessonPeriods").isEmpty());
        call(get("/api/v1/schools/" + other.code() + "/school-days/" + pedagogicalDay), ADMIN, null)
            .andExpect(jsonPath("$.schoolDay").value(true));
        // archived, the study day is a school day again
        long id = holidays.findAll().stream().filter(h -> school.id() == (h.schoolId == null ? -1 : h.schoolId)).findFirst().orElseThrow().id;
        call(patch(base + "/holidays/" + id), coordinator, "{\"archived\":true,\"version\":0}").andExpect(status().isOk())
            .andExpect(jsonPath("$.archived").value(true));
        assertThat(calendar.isSchoolDay(school.id(), pedagogicalDay)).isTrue();
        assertThat(audit.history(SchoolCalendar.HOLIDAY_AUDIT_TYPE, id)).extracting(AuditTrail.Entry::action)
            .containsExactly(AuditTrail.Action.ARCHIVED, AuditTrail.Action.CREATED);
    }

    @Test
    void badHolidaysGetAProblemThatNamesTheFieldAndStoreNothing() throws Exception {
        var year = TestYears.create(calendar);
        LocalDate day = year.startDate().plusDays(10);
        call(post(base + "/holidays"), coordinator, holiday("Vrije dag", day, day)).andExpect(status().isCreated());
        call(post(base + "/holidays"), coordinator, holiday("vrije dag", day, day)).andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post(base + "/holidays"), coordinator, holiday("", day, day)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post(base + "/holidays"), coordinator, holiday("x".repeat(101), day, day)).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("name"));
        call(post(base + "/holidays"), coordinator, holiday("Omgekeerd", day, day.minusDays(1))).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("lastDay"));
        call(post(base + "/holidays"), coordinator, holiday("Zomer", year.endDate(), year.endDate().plusDays(3)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstDay"));
        call(post(base + "/holidays"), coordinator, holiday("Lang geleden", LocalDate.of(1960, 1, 4), LocalDate.of(1960, 1, 4)))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstDay"));
        call(post(base + "/holidays"), coordinator, "{\"name\":\"X\",\"firstDay\":\"2100-13-01\",\"lastDay\":\"2100-13-01\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("firstDay"));
        call(post(base + "/holidays"), coordinator, "{\"name\":\"X\",\"firstDay\":\"" + day + "\"}")
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lastDay"));
        call(get(base + "/holidays?year=1900-1901"), coordinator, null).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("year"));
        call(post("/api/v1/holidays"), coordinator, holiday("Voor iedereen", day, day)).andExpect(status().isForbidden());
        call(get(base + "/holidays?year=" + year.name()), coordinator, null).andExpect(jsonPath("$.total").value(1));
    }

    // ---- lesson periods ----

    @Test
    void theLessonPeriodsAreReplacedAsAWholeAndKeepTheirOrder() throws Exception {
        call(get(base + "/lesson-periods"), coordinator, null).andExpect(status().isOk())
            .andExpect(jsonPath("$.periods").isEmpty()).andExpect(jsonPath("$.version").value(0));
        call(put(base + "/lesson-periods"), coordinator, PERIODS.formatted(0)).andExpect(status().isOk())
            .andExpect(jsonPath("$.periods.length()").value(5))
            .andExpect(jsonPath("$.version").value(1));
        call(get(base + "/lesson-periods"), fixtures.user(school, Role.TECHNICIAN).email(), null).andExpect(status().isOk())
            .andExpect(jsonPath("$.periods[0].number").value(1))
            .andExpect(jsonPath("$.periods[0].label").value("Lesuur 1"))
            .andExpect(jsonPath("$.periods[0].start").value(containsString("08:25")))
            .andExpect(jsonPath("$.periods[0].weekdays.length()").value(5))
            .andExpect(jsonPath("$.periods[4].weekdays.length()").value(4));
        // stale: somebody replaced it meanwhile
        call(put(base + "/lesson-periods"), coordinator, "{\"periods\":[],\"version\":0}").andExpect(status().isConflict())
            .andExpect(jsonPath("$.changedBy", containsString(coordinator)))
            .andExpect(jsonPath("$.current['period.5']", containsString("13:15")));
        // the afternoon lesson on Wednesday is not there; nor on a day without school
        var year = TestYears.create(calendar);
        LocalDate wednesday = year.startDate().plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        assertThat(calendar.lessonPeriodsOn(school.id(), wednesday)).extracting(LessonPeriodView::number).containsExactly(1, 2, 3, 4);
        assertThat(calendar.lessonPeriodsOn(school.id(), wednesday.plusDays(1))).hasSize(5);
        assertThat(calendar.lessonPeriodsOn(school.id(), wednesday.plusDays(3))).isEmpty();
        call(get(base + "/school-days/" + wednesday), coordinator, null).andExpect(jsonPath("$.schoolDay").value(true))
            .andExpect(jsonPath("$.lessonPeriods.length()").value(4));
        // removing a period is a change in the history, not a loss
        call(put(base + "/lesson-periods"), coordinator, PERIODS.formatted(1).replaceAll(",\\s*\\{\"number\":5[^}]*}", ""))
            .andExpect(status().isOk()).andExpect(jsonPath("$.periods.length()").value(4));
        var history = audit.history(SchoolCalendar.LESSONS_AUDIT_TYPE, school.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("period.5");
            assertThat(c.from()).contains("13:15");
            assertThat(c.to()).isNull();
        });
    }

    @Test
    void badLessonPeriodsGetAProblemThatNamesThePeriodAndStoreNothing() throws Exception {
        call(put(base + "/lesson-periods"), coordinator, PERIODS.formatted(0)).andExpect(status().isOk());
        String one = "{\"periods\":[{\"number\":1,\"start\":\"08:25\",\"end\":\"09:15\"},%s],\"version\":1}";
        String[][] cases = {
            {"{\"number\":2,\"start\":\"09:10\",\"end\":\"10:00\"}", "periods[1].start", "overlap"},
            {"{\"number\":2,\"start\":\"10:00\",\"end\":\"09:30\"}", "periods[1].end", "after the start"},
            {"{\"number\":1,\"start\":\"10:00\",\"end\":\"10:50\"}", "periods[1].number", "twice"},
            {"{\"number\":0,\"start\":\"09:15\",\"end\":\"10:05\"}", "periods[1].start", "starts before"},
            {"{\"number\":2,\"start\":\"09:15\",\"end\":\"10:05\",\"weekdays\":[]}", "periods[1].weekdays", "at least one day"},
            {"{\"number\":2,\"start\":\"09:15\",\"end\":\"10:05\",\"weekdays\":[\"FUNDAY\"]}", "periods[1].weekdays[0]", "MONDAY"},
            {"{\"number\":2,\"start\":\"9h15\",\"end\":\"10:05\"}", "periods[1].start", "9h15"},
            {"{\"number\":21,\"start\":\"09:15\",\"end\":\"10:05\"}", "periods[1].number", ""},
            {"{\"number\":\"two\",\"start\":\"09:15\",\"end\":\"10:05\"}", "periods[1].number", ""},
            {"{\"number\":2,\"label\":\"" + "l".repeat(41) + "\",\"start\":\"09:15\",\"end\":\"10:05\"}", "periods[1].label", ""},
            {"{\"number\":2,\"end\":\"10:05\"}", "periods[1].start", ""},
        };
        for (String[] c : cases) {
            call(put(base + "/lesson-periods"), coordinator, one.formatted(c[0])).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(c[1]))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(c[2])));
        }
        call(put(base + "/lesson-periods"), coordinator, "{\"version\":1}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("periods"));
        call(put(base + "/lesson-periods"), coordinator, "{\"periods\":[]}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("version"));
        call(put(base + "/lesson-periods"), coordinator, "[]").andExpect(status().isBadRequest());
        call(get(base + "/lesson-periods"), coordinator, null).andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.periods.length()").value(5));
        var fresh = fixtures.school();
        String freshCoordinator = fixtures.user(fresh, Role.ICT_COORDINATOR).email();
        call(put("/api/v1/schools/" + fresh.code() + "/lesson-periods"), freshCoordinator, PERIODS.formatted(3))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    // ---- rights and tenancy ----

    @Test
    void calendarEndpointsKeepToTheirSchoolAndRoles() throws Exception {
        var year = TestYears.create(calendar);
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        LocalDate day = year.startDate().plusDays(20);
        var h = calendar.createHoliday(school.id(), new HolidayForm("Studiedag", day, day, null), Fixtures.ADMIN);
        calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(java.util.List.of(), 0), Fixtures.ADMIN);
        int version = calendar.lessonPeriods(school.id()).version();
        TenancyCheck.api(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/holidays/" + h.id())
            .read(base + "/holidays").read(base + "/holidays/" + h.id()).read(base + "/lesson-periods")
            .read(base + "/school-days/" + day)
            .admin(HttpMethod.POST, base + "/holidays", holiday("Nieuw", day.plusDays(1), day.plusDays(1)))
            .admin(HttpMethod.PATCH, base + "/holidays/" + h.id(), "{\"name\":\"Studiedag ICT\",\"version\":0}")
            .admin(HttpMethod.PUT, base + "/lesson-periods", PERIODS.formatted(version))
            .verify();
        call(get(base + "/lesson-periods"), coordinator, null).andExpect(jsonPath("$.periods.length()").value(5));
        // another school's holiday through one's own school code: 404
        call(get("/api/v1/schools/" + other.code() + "/holidays/" + h.id()), outsider.email(), null).andExpect(status().isNotFound());
        call(patch("/api/v1/schools/" + other.code() + "/holidays/" + h.id()), outsider.email(), "{\"archived\":true,\"version\":1}")
            .andExpect(status().isNotFound());
    }

    @Test
    void calendarPagesKeepToTheirSchoolAndRoles() throws Exception {
        var year = TestYears.create(calendar);
        var other = fixtures.school();
        var outsider = fixtures.user(other, Role.ICT_COORDINATOR);
        var staff = fixtures.user(school, Role.STAFF);
        LocalDate day = year.startDate().plusDays(20);
        var h = calendar.createHoliday(school.id(), new HolidayForm("Studiedag", day, day, null), Fixtures.ADMIN);
        String page = "/schools/" + school.code();
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/lesson-periods")
            .read(page + "/calendar").read(page + "/calendar?year=" + year.id() + "&archived=true").read(page + "/holidays/" + h.id())
            .admin(HttpMethod.POST, page + "/holidays/" + h.id(), "name=Studiedag+ICT&firstDay=" + day + "&lastDay=" + day + "&version=0")
            .admin(HttpMethod.POST, page + "/holidays", "name=Nieuw&firstDay=" + day.plusDays(1) + "&lastDay=" + day.plusDays(1))
            .admin(HttpMethod.POST, page + "/holidays/" + h.id() + "/archive", "archived=true")
            .admin(HttpMethod.POST, page + "/lesson-periods", "number=1&start=08:25&end=09:15&weekdays=MONDAY&weekdays=FRIDAY&version=0")
            .verify();
        assertThat(calendar.lessonPeriods(school.id()).periods()).singleElement()
            .satisfies(p -> assertThat(p.weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        int version = calendar.lessonPeriods(school.id()).version();
        TenancyCheck.ui(mvc)
            .outsider(outsider.email()).staff(staff.email()).manager(coordinator)
            .unchanged(base + "/lesson-periods")
            .admin(HttpMethod.POST, page + "/lesson-periods/1/remove", "version=" + version)
            .verify();
        assertThat(calendar.lessonPeriods(school.id()).periods()).isEmpty();
    }

    @Test
    void groupEndpointsAreReadByEveryoneSignedInAndChangedByCentralAdminsOnly() throws Exception {
        var year = TestYears.create(calendar);
        LocalDate day = year.startDate().plusDays(40);
        var h = calendar.createHoliday(null, new HolidayForm("Wapenstilstand", day, day, null), Fixtures.ADMIN);
        String[] reads = {"/api/v1/school-years", "/api/v1/school-years/" + year.id(), "/api/v1/holidays", "/api/v1/holidays?year=" + year.name()};
        var staff = fixtures.user(school, Role.STAFF).email();
        for (String path : reads) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            call(get(path), staff, null).andExpect(status().isOk());
        }
        String yearBody = "{\"name\":\"" + year.name() + "\",\"endDate\":\"" + year.endDate().minusDays(1) + "\",\"version\":0}";
        String holidayPatch = "{\"name\":\"11 november\",\"version\":0}";
        for (String user : new String[] {null, coordinator, fixtures.user(school, Role.DIRECTOR).email()}) {
            var requests = new MockHttpServletRequestBuilder[] {patch("/api/v1/school-years/" + year.id()), post("/api/v1/holidays"),
                patch("/api/v1/holidays/" + h.id())};
            String[] bodies = {yearBody, holiday("Nieuw", day.plusDays(1), day.plusDays(1)), holidayPatch};
            for (int i = 0; i < requests.length; i++) {
                var request = requests[i].contentType(MediaType.APPLICATION_JSON).content(bodies[i]);
                if (user == null) {
                    mvc.perform(request).andExpect(status().isUnauthorized());
                } else {
                    call(request, user, null).andExpect(status().isForbidden());
                }
            }
        }
        assertThat(calendar.schoolYear(year.id()).endDate()).isEqualTo(year.endDate());
        assertThat(calendar.groupHolidays(year.id(), false)).extracting(HolidayView::name).containsExactly("Wapenstilstand");
        call(patch("/api/v1/school-years/" + year.id()), ADMIN, yearBody).andExpect(status().isOk());
        call(patch("/api/v1/holidays/" + h.id()), ADMIN, holidayPatch).andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("11 november"));
    }

    @Test
    void schoolYearPagesAreForEveryoneToReadAndForCentralAdminsToChange() throws Exception {
        var staff = TenancyCheck.signIn(mvc, fixtures.user(school, Role.STAFF).email());
        var admin = TenancyCheck.signIn(mvc, ADMIN);
        var year = TestYears.create(calendar);
        mvc.perform(get("/school-years").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/school-years").session(staff)).andExpect(status().isOk());
        mvc.perform(get("/school-years/" + year.id()).session(staff)).andExpect(status().isOk());
        mvc.perform(post("/school-years").session(staff).with(csrf()).param("name", TestYears.fresh())).andExpect(status().isForbidden());
        mvc.perform(post("/school-years/holidays").session(staff).with(csrf()).param("name", "X")
            .param("firstDay", year.startDate().toString()).param("lastDay", year.startDate().toString())).andExpect(status().isForbidden());
        mvc.perform(post("/school-years/" + year.id()).session(staff).with(csrf()).param("name", year.name())
            .param("startDate", year.startDate().toString()).param("endDate", year.endDate().toString()).param("version", "0"))
            .andExpect(status().isForbidden());
        String name = TestYears.fresh();
        mvc.perform(post("/school-years").session(admin).with(csrf()).param("name", name)).andExpect(status().is3xxRedirection());
        assertThat(years.findByName(name)).isPresent();
        String html = mvc.perform(post("/school-years").session(admin).with(csrf()).param("name", "volgend jaar"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"name-error\"", "Schrijf het schooljaar als 2026-2027.");
        var group = calendar.createHoliday(null, new HolidayForm("Paasvakantie", year.startDate().plusDays(200), year.startDate().plusDays(214),
            null), Fixtures.ADMIN);
        mvc.perform(get("/school-years/holidays/" + group.id()).session(staff)).andExpect(status().isOk());
        mvc.perform(post("/school-years/holidays/" + group.id()).session(staff).with(csrf()).param("name", "Pasen")
            .param("firstDay", group.firstDay().toString()).param("lastDay", group.lastDay().toString()).param("version", "0"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/school-years/holidays/" + group.id()).session(admin).with(csrf()).param("name", "Pasen")
            .param("firstDay", group.firstDay().toString()).param("lastDay", group.lastDay().toString()).param("version", "0"))
            .andExpect(status().is3xxRedirection());
        assertThat(calendar.holiday(null, group.id(), Fixtures.ADMIN).name()).isEqualTo("Pasen");
        mvc.perform(get("/schools/" + school.code() + "/holidays/" + group.id()).session(staff))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post("/school-years/holidays").session(admin).with(csrf()).param("name", "<script>alert(1)</script>")
            .param("firstDay", year.startDate().toString()).param("lastDay", year.startDate().plusDays(1).toString()))
            .andExpect(status().is3xxRedirection());
        html = mvc.perform(get("/school-years").param("year", String.valueOf(year.id())).session(staff))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        html = mvc.perform(get("/schools/" + school.code() + "/calendar").param("year", String.valueOf(year.id())).session(staff))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "alle scholen");
        // the menu shows school years to central admins only
        assertThat(mvc.perform(get("/").session(admin)).andReturn().getResponse().getContentAsString()).contains("href=\"/school-years\"");
        assertThat(mvc.perform(get("/").session(staff)).andReturn().getResponse().getContentAsString()).doesNotContain("href=\"/school-years\"");
    }

    @Test
    void theCalendarFormShowsRuleErrorsNextToTheField() throws Exception {
        var session = TenancyCheck.signIn(mvc, coordinator);
        String page = "/schools/" + school.code();
        mvc.perform(post(page + "/lesson-periods").session(session).with(csrf()).param("number", "1").param("start", "08:25")
            .param("end", "09:15").param("version", "0")).andExpect(status().is3xxRedirection());
        String html = mvc.perform(post(page + "/lesson-periods").session(session).with(csrf()).param("number", "2").param("start", "09:00")
                .param("end", "09:50").param("version", "1"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"start-error\"", "Lesuur 1 en lesuur 2 overlappen op maandag.");
        html = mvc.perform(post(page + "/lesson-periods").session(session).with(csrf()).param("number", "2").param("start", "10:00")
                .param("end", "09:50").param("version", "1"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"end-error\"", "Het einde moet na het begin liggen.");
        html = mvc.perform(post(page + "/lesson-periods").session(session).with(csrf()).param("number", "2").param("start", "half tien")
                .param("end", "10:50").param("version", "1"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"start-error\"", "Geef een uur (uu:mm).");
        html = mvc.perform(post(page + "/holidays").session(session).with(csrf()).param("name", "Vrij").param("firstDay", "2020-02-03")
                .param("lastDay", "2020-02-01"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"lastDay-error\"");
        assertThat(calendar.lessonPeriods(school.id()).periods()).hasSize(1);
    }
}
