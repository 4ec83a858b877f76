package be.spil.lending;

import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetForm;
import be.spil.inventory.AssetStatus;
import be.spil.inventory.AssetView;
import be.spil.inventory.Assets;
import be.spil.school.HolidayForm;
import be.spil.school.LessonPeriodForm;
import be.spil.school.LessonPeriodsForm;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearForm;
import be.spil.school.SchoolYearView;
import be.spil.support.Fixtures;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Test data for lending, made through the modules' services: a school year of its own far in the future (school years
 * are shared by the group, so each test takes a free one), lesson periods, devices and pools.
 */
class LendingFixtures {
    private final SchoolCalendar calendar;
    private final Assets assets;
    private final Pools pools;

    LendingFixtures(SchoolCalendar calendar, Assets assets, Pools pools) {
        this.calendar = calendar;
        this.assets = assets;
        this.pools = pools;
    }

    /**
     * The school year 2190-2191, made by the first test that needs it and shared by the lending tests after that (they
     * each use their own school, so their pools, lesson periods and holidays never meet). Other modules' tests take
     * years from 2100 on, one at a time.
     */
    SchoolYearView year() {
        var day = LocalDate.of(2190, 10, 1);
        var existing = calendar.schoolYearOn(day);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return calendar.createSchoolYear(new SchoolYearForm("2190-2191", null, null, null), Fixtures.ADMIN);
        } catch (RuntimeException raced) {
            return calendar.schoolYearOn(day).orElseThrow(() -> raced);
        }
    }

    /** Five lesson periods, the fifth not on Wednesday. */
    void lessonPeriods(SchoolView school) {
        var wednesdayOff = java.util.EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(List.of(
            new LessonPeriodForm(1, "Lesuur 1", LocalTime.of(8, 25), LocalTime.of(9, 15), null),
            new LessonPeriodForm(2, null, LocalTime.of(9, 15), LocalTime.of(10, 5), null),
            new LessonPeriodForm(3, null, LocalTime.of(10, 20), LocalTime.of(11, 10), null),
            new LessonPeriodForm(4, null, LocalTime.of(11, 10), LocalTime.of(12, 0), null),
            new LessonPeriodForm(5, null, LocalTime.of(13, 15), LocalTime.of(14, 5), wednesdayOff)), 0), Fixtures.ADMIN);
    }

    /** The first Monday of the second week of October in the year: a school day. */
    static LocalDate monday(SchoolYearView year) {
        return year.startDate().withMonth(10).withDayOfMonth(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    void holiday(SchoolView school, String name, LocalDate first, LocalDate last) {
        calendar.createHoliday(school.id(), new HolidayForm(name, first, last, null), Fixtures.ADMIN);
    }

    AssetView laptop(SchoolView school) {
        return assets.create(school.id(), new AssetForm(AssetCategory.LAPTOP, "Dell", "Latitude 3440", null, null, AssetStatus.IN_USE,
            null, null, null, null, null, null, null, null, null, null, null), Fixtures.ADMIN);
    }

    List<AssetView> laptops(SchoolView school, int n) {
        var list = new ArrayList<AssetView>();
        for (int i = 0; i < n; i++) {
            list.add(laptop(school));
        }
        return list;
    }

    PoolView pool(SchoolView school, String name, int devices) {
        var tags = laptops(school, devices).stream().map(AssetView::tag).toList();
        return pools.create(school.id(), new PoolForm(name, null, null, ReservableBy.STAFF, null, false, tags, null), Fixtures.ADMIN);
    }
}
