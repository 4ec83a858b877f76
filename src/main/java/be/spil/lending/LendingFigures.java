package be.spil.lending;

import be.spil.school.SchoolCalendar;
import be.spil.school.SchoolYearView;
import be.spil.shared.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lending figures of a school year, for the ICT team; each figure is one aggregate query.
 * <ul>
 * <li><b>Use per pool</b>: the share of the year's lesson periods (school days × that weekday's lesson periods) in which
 * the pool is reserved at all, planned reservations included; cancelled ones do not count.</li>
 * <li><b>No-shows</b>: confirmed reservations whose last lesson period has ended without any device handed out, of all
 * reservations that ended (confirmed, handed out or returned); requests never approved do not count.</li>
 * <li><b>Damage per class</b>: devices returned damaged or missing, per class, from pool loans (the reservation's class)
 * and from 1:1 devices (the pupil's class) of that school year.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class LendingFigures {
    record PoolUse(long poolId, String pool, int reservedPeriods, int periods, int percent, int ended, int noShows,
                   int noShowPercent) {}

    record ClassDamage(Long groupId, String group, int poolDamaged, int poolMissing, int pupilDamaged, int pupilMissing) {
        public int total() {
            return poolDamaged + poolMissing + pupilDamaged + pupilMissing;
        }
    }

    record Figures(SchoolYearView year, List<PoolUse> pools, List<ClassDamage> damage) {
        public int noShows() {
            return pools.stream().mapToInt(PoolUse::noShows).sum();
        }

        public int damaged() {
            return damage.stream().mapToInt(ClassDamage::total).sum();
        }
    }

    private final JdbcClient jdbc;
    private final SchoolCalendar calendar;
    private final Clock clock;

    LendingFigures(JdbcClient jdbc, SchoolCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The figures of a school year (by name; the current one when blank) for the school's ICT team. */
    Figures figures(long schoolId, String yearName, Caller caller) {
        Pools.requireManage(schoolId, caller);
        return of(schoolId, calendar.yearOrCurrent(yearName));
    }

    Figures of(long schoolId, SchoolYearView year) {
        var from = year.startDate();
        var to = year.endDate();
        int periods = lessonPeriods(schoolId, from, to);
        record Used(long id, String name, int reserved) {}
        var used = jdbc.sql("""
                select p.id, p.name, count(x.pool_id) as reserved
                from device_pool p left join (
                  select distinct s.pool_id, s.on_day, s.period from reservation_slot s join device_pool q on q.id = s.pool_id
                  where q.school_id = :school and s.on_day between :from and :to) x on x.pool_id = p.id
                where p.school_id = :school and p.archived = false
                group by p.id, p.name order by p.name, p.id""")
            .param("school", schoolId).param("from", from).param("to", to)
            .query((rs, n) -> new Used(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
        var noShows = new java.util.HashMap<Long, int[]>();
        jdbc.sql("""
                select r.pool_id,
                  sum(case when r.status in ('CONFIRMED', 'HANDED_OUT', 'RETURNED') then 1 else 0 end) as ended,
                  sum(case when r.status = 'CONFIRMED' then 1 else 0 end) as no_shows
                from reservation r
                where r.school_id = :school and r.on_day between :from and :to and r.ends_at < :now
                group by r.pool_id""")
            .param("school", schoolId).param("from", from).param("to", to).param("now", Timestamp.from(clock.instant()))
            .query((rs, n) -> noShows.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)})).list();
        var pools = used.stream().map(u -> {
            var ns = noShows.getOrDefault(u.id(), new int[2]);
            return new PoolUse(u.id(), u.name(), u.reserved(), periods, percent(u.reserved(), periods), ns[0], ns[1], percent(ns[1], ns[0]));
        }).toList();
        var damage = jdbc.sql("""
                select x.group_id, g.name, sum(x.pool_damaged), sum(x.pool_missing), sum(x.pupil_damaged), sum(x.pupil_missing)
                from (
                  select r.group_id,
                    case when d.condition = 'DAMAGED' then 1 else 0 end as pool_damaged,
                    case when d.condition = 'MISSING' then 1 else 0 end as pool_missing,
                    0 as pupil_damaged, 0 as pupil_missing
                  from reservation_device d join reservation r on r.id = d.reservation_id
                  where r.school_id = :school and r.on_day between :from and :to and d.condition in ('DAMAGED', 'MISSING')
                  union all
                  select ms.group_id, 0, 0,
                    case when l.return_condition = 'DAMAGED' then 1 else 0 end,
                    case when l.return_condition = 'MISSING' then 1 else 0 end
                  from device_loan l left join membership ms on ms.person_id = l.pupil_id and ms.school_id = l.school_id
                  where l.school_id = :school and l.school_year_id = :year and l.return_condition in ('DAMAGED', 'MISSING')
                ) x left join class_group g on g.id = x.group_id
                group by x.group_id, g.name order by g.name nulls last""")
            .param("school", schoolId).param("from", from).param("to", to).param("year", year.id())
            .query((rs, n) -> new ClassDamage(rs.getObject(1, Long.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                rs.getInt(6)))
            .list();
        return new Figures(year, pools, damage);
    }

    /** How many lesson periods the school has in the range: per school day, the periods given on that weekday. */
    private int lessonPeriods(long schoolId, LocalDate from, LocalDate to) {
        var periods = calendar.lessonPeriods(schoolId).periods();
        if (periods.isEmpty()) {
            return 0;
        }
        int total = 0;
        for (var day : calendar.schoolDays(schoolId, from, to)) {
            total += (int) periods.stream().filter(p -> p.on(day.getDayOfWeek())).count();
        }
        return total;
    }

    private static int percent(int part, int whole) {
        return whole == 0 ? 0 : Math.min(100, Math.round(100f * part / whole));
    }
}
