package be.spil.demo;

import be.spil.lending.PoolForm;
import be.spil.lending.Pools;
import be.spil.lending.ReservableBy;
import be.spil.lending.ReservationForm;
import be.spil.lending.Reservations;
import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolView;
import java.util.List;
import be.spil.inventory.AssetCategory;
import be.spil.inventory.AssetFilter;
import be.spil.inventory.AssetStatus;
import be.spil.inventory.Assets;
import be.spil.shared.Paging;
import org.springframework.stereotype.Component;

/** Demo data of the lending module: the Chromebook cart of each school and a few reservations in the coming days. */
@Component
class LendingDemo {
    private final Pools pools;
    private final Reservations reservations;
    private final SchoolCalendar calendar;
    private final Assets assets;

    LendingDemo(Pools pools, Reservations reservations, SchoolCalendar calendar, Assets assets) {
        this.assets = assets;
        this.pools = pools;
        this.reservations = reservations;
        this.calendar = calendar;
    }

    /** The school's 20 Chromebooks (made by the inventory demo) as a cart, reserved on the next school days. */
    public void cart(SchoolView school) {
        var tags = assets.search(school.id(), new AssetFilter(null, AssetCategory.CHROMEBOOK, AssetStatus.IN_USE, null, null, null, null,
            "tag"), new Paging(0, 20), DemoData.SYSTEM).items().stream().map(a -> a.tag()).toList();
        var pool = pools.create(school.id(), new PoolForm("Chromebookkar", "Chromebooks met laders", null, ReservableBy.STAFF, null,
            false, tags, null), DemoData.SYSTEM);
        var today = calendar.today();
        var days = calendar.schoolDays(school.id(), today.plusDays(1), today.plusDays(21));
        int n = 0;
        for (var day : days.stream().limit(4).toList()) {
            var periods = calendar.lessonPeriodsOn(school.id(), day);
            if (periods.size() < 3) {
                continue;
            }
            reservations.reserve(school.id(), new ReservationForm(pool.id(), day, List.of(periods.get(1).number(), periods.get(2).number()),
                n % 2 == 0 ? 20 : 12, null, null, null, null, null), DemoData.SYSTEM);
            n++;
        }
    }
}
