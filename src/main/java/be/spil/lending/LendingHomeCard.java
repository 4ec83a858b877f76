package be.spil.lending;

import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
import be.spil.shared.HomeCard;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Device pools on the coordinator's home page: per pool the share of this week's lesson periods it is reserved in, the
 * returns that are late or still out (last 30 days), reservations that no longer fit, and this school year's no-shows and
 * devices returned damaged or missing (see {@link LendingFigures}).
 */
@Component
class LendingHomeCard implements HomeCard {
    /** One pool's use this week: lesson periods reserved of those there are, as a percentage. */
    record Use(long id, String name, int reserved, int periods, int percent) {}

    private final Pools pools;
    private final Reservations reservations;
    private final Loans loans;
    private final SchoolCalendar calendar;
    private final JdbcClient jdbc;
    private final LendingFigures figures;

    LendingHomeCard(Pools pools, Reservations reservations, Loans loans, SchoolCalendar calendar, JdbcClient jdbc, LendingFigures figures) {
        this.figures = figures;
        this.pools = pools;
        this.reservations = reservations;
        this.loans = loans;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String template() {
        return "lending/home-card";
    }

    @Override
    public Map<String, Object> values(long schoolId, Caller caller) {
        if (!Pools.canManage(caller, schoolId)) {
            return Map.of();
        }
        var list = pools.list(schoolId, false, caller);
        if (list.isEmpty()) {
            return Map.of();
        }
        var monday = calendar.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var friday = monday.plusDays(4);
        var periods = calendar.lessonPeriods(schoolId).periods();
        int open = 0;
        for (var day : calendar.schoolDays(schoolId, monday, friday)) {
            open += (int) periods.stream().filter(p -> p.on(day.getDayOfWeek())).count();
        }
        var reserved = new HashMap<Long, Integer>();
        jdbc.sql("""
                select x.pool_id, count(*) from (select distinct s.pool_id, s.on_day, s.period from reservation_slot s
                  join device_pool p on p.id = s.pool_id where p.school_id = :school and s.on_day between :from and :to) x
                group by x.pool_id""")
            .param("school", schoolId).param("from", monday).param("to", friday)
            .query((rs, n) -> reserved.put(rs.getLong(1), rs.getInt(2))).list();
        var use = new ArrayList<Use>();
        for (var p : list) {
            int r = reserved.getOrDefault(p.id(), 0);
            use.add(new Use(p.id(), p.name(), r, open, open == 0 ? 0 : Math.round(100f * r / open)));
        }
        var values = new LinkedHashMap<String, Object>();
        values.put("use", use);
        values.put("late", loans.late(schoolId, 30, caller).size());
        values.put("overbooked", reservations.overbooked(schoolId, null, caller).size());
        calendar.currentSchoolYear().map(year -> figures.of(schoolId, year)).ifPresent(f -> {
            values.put("noShows", f.noShows());
            values.put("damaged", f.damaged());
        });
        return values;
    }
}
