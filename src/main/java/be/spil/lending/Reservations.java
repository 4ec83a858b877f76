package be.spil.lending;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.directory.Groups;
import be.spil.school.LessonPeriodView;
import be.spil.school.Rooms;
import be.spil.school.SchoolCalendar;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The lending module's API for reservations. No device is ever booked twice: every write that takes devices of a pool
 * first locks the pool's row ({@code select ... for update}), then counts what the pool's live reservations hold in
 * each period against the pool's capacity, so concurrent reservations of one pool are checked one after the other.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class Reservations {
    static final String AUDIT_TYPE = "reservation";
    /** The longest weekly series and the longest list span, in days. */
    static final int MAX_DAYS = 400;

    static final String SELECT = """
        select r.*, p.name as pool_name, g.name as group_name, rm.name as room_name, b.name as building_name,
          (r.status = 'HANDED_OUT' and r.ends_at < :now) or exists (select 1 from reservation_device d
             where d.reservation_id = r.id and d.late = true) as is_late
        from reservation r
        join device_pool p on p.id = r.pool_id
        left join class_group g on g.id = r.group_id
        left join room rm on rm.id = r.room_id
        left join building b on b.id = rm.building_id
        """;

    private final ReservationRepository reservations;
    private final Pools pools;
    private final SchoolCalendar calendar;
    private final Groups groups;
    private final Rooms rooms;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Reservations(ReservationRepository reservations, Pools pools, SchoolCalendar calendar, Groups groups, Rooms rooms, JdbcClient jdbc,
                 AuditTrail audit, Clock clock) {
        this.reservations = reservations;
        this.pools = pools;
        this.calendar = calendar;
        this.groups = groups;
        this.rooms = rooms;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record Filter(LocalDate from, LocalDate to, Long poolId, Long personId, boolean includeCancelled) {}

    // ---- reading ----

    /** Today in the school's time zone. */
    public LocalDate today() {
        return calendar.today();
    }

    /** The reservations of a school between two days (both included), by day and start; cancelled ones only when asked. */
    public List<ReservationView> list(long schoolId, Filter f, Caller caller) {
        Pools.requireSee(schoolId, caller);
        return listAll(schoolId, f);
    }

    /** The reservations of a school for a reader that has been checked already (a feed's secret token). */
    List<ReservationView> listAll(long schoolId, Filter f) {
        if (f.to().isBefore(f.from())) {
            throw FieldErrorsException.of("to", "error.endBeforeStart");
        }
        if (ChronoUnit.DAYS.between(f.from(), f.to()) > MAX_DAYS) {
            throw FieldErrorsException.of("to", "reservation.range.tooLong", MAX_DAYS);
        }
        var sql = new StringBuilder(SELECT).append(" where r.school_id = :school and r.on_day between :from and :to");
        var params = new HashMap<String, Object>();
        params.put("school", schoolId);
        params.put("from", f.from());
        params.put("to", f.to());
        if (f.poolId() != null) {
            sql.append(" and r.pool_id = :pool");
            params.put("pool", f.poolId());
        }
        if (f.personId() != null) {
            sql.append(" and r.person_id = :person");
            params.put("person", f.personId());
        }
        if (!f.includeCancelled()) {
            sql.append(" and r.status <> 'CANCELLED'");
        }
        sql.append(" order by r.on_day, r.starts_at, p.name, r.id limit 5000");
        return query(sql.toString(), params);
    }

    /** Whether the reservation's first lesson period has begun: then it can no longer be changed or cancelled. */
    public boolean started(ReservationView r) {
        return !clock.instant().isBefore(r.startsAt());
    }

    public ReservationView get(long schoolId, long id, Caller caller) {
        Pools.requireSee(schoolId, caller);
        return find(schoolId, id);
    }

    ReservationView find(long schoolId, long id) {
        var list = query(SELECT + " where r.school_id = :school and r.id = :id", Map.of("school", schoolId, "id", id));
        if (list.isEmpty()) {
            throw new NotFoundException("reservation", id);
        }
        return list.get(0);
    }

    private List<ReservationView> query(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).param("now", java.sql.Timestamp.from(clock.instant()))
            .query((rs, n) -> view(rs)).list();
    }

    /** The pool's week holding {@code day}: per school day and lesson period how many devices are free. */
    public WeekView week(long schoolId, long poolId, LocalDate day, Caller caller) {
        var pool = pools.get(schoolId, poolId, caller);
        var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var friday = monday.plusDays(4);
        var schoolDays = new TreeSet<>(calendar.schoolDays(schoolId, monday, friday));
        var periods = calendar.lessonPeriods(schoolId).periods();
        var used = used(poolId, monday, friday);
        var now = clock.instant();
        var days = new ArrayList<WeekView.Day>();
        for (var d = monday; !d.isAfter(friday); d = d.plusDays(1)) {
            days.add(new WeekView.Day(d, schoolDays.contains(d)));
        }
        var rows = new ArrayList<List<WeekView.Cell>>();
        for (var p : periods) {
            var row = new ArrayList<WeekView.Cell>();
            for (var d : days) {
                int u = used.getOrDefault(d.date() + "/" + p.number(), 0);
                boolean open = d.schoolDay() && p.on(d.date().getDayOfWeek()) && now.isBefore(start(d.date(), p));
                row.add(new WeekView.Cell(d.date(), p.number(), open, Math.max(0, pool.capacity() - u), u));
            }
            rows.add(row);
        }
        return new WeekView(pool.id(), pool.name(), pool.capacity(), monday, days, periods, rows);
    }

    /** Devices held per "day/period" of a pool between two days. */
    private Map<String, Integer> used(long poolId, LocalDate from, LocalDate to) {
        var used = new HashMap<String, Integer>();
        jdbc.sql("""
                select on_day, period, sum(devices) from reservation_slot where pool_id = :pool and on_day between :from and :to
                group by on_day, period""")
            .param("pool", poolId).param("from", from).param("to", to)
            .query((rs, n) -> used.put(rs.getObject(1, LocalDate.class) + "/" + rs.getInt(2), rs.getInt(3))).list();
        return used;
    }

    /**
     * Live reservations from today on that no longer fit in their pool because devices went to repair or were retired:
     * for the coordinator to resolve, never dropped silently.
     */
    public List<ReservationView> overbooked(long schoolId, Long poolId, Caller caller) {
        Pools.requireSee(schoolId, caller);
        var params = new HashMap<String, Object>();
        params.put("school", schoolId);
        params.put("today", calendar.today());
        String poolFilter = "";
        if (poolId != null) {
            poolFilter = " and s.pool_id = :pool ";
            params.put("pool", poolId);
        }
        return query(SELECT + """
             where r.school_id = :school and r.id in (
               select s2.reservation_id from reservation_slot s2 join (
                 select s.pool_id, s.on_day, s.period from reservation_slot s join device_pool p on p.id = s.pool_id
                 where p.school_id = :school and s.on_day >= :today""" + poolFilter + " " + """
                 group by s.pool_id, s.on_day, s.period
                 having sum(s.devices) > (select count(*) from pool_device d join asset a on a.id = d.asset_id
                                          where d.pool_id = s.pool_id and a.status in """ + Pools.LENDABLE_SQL + """
            )) o on o.pool_id = s2.pool_id and o.on_day = s2.on_day and o.period = s2.period)
             order by r.on_day, r.starts_at""", params);
    }

    // ---- reserving ----

    /** Reserves devices for one day, or weekly until {@code weeklyUntil}: all occurrences or none. Answers the first one. */
    @Transactional
    public ReservationView reserve(long schoolId, @Valid ReservationForm form, Caller caller) {
        Pools.requireSee(schoolId, caller);
        var pool = usablePool(schoolId, form.pool(), caller);
        var days = occurrences(schoolId, form);
        checkGroupAndRoom(schoolId, form, caller);
        lockPool(pool.id);
        int capacity = pools.capacity(pool.id);
        int devices = devicesWanted(pool, form, capacity);
        var slotsPerDay = new ArrayList<Reservation.Slots>();
        for (var day : days) {
            slotsPerDay.add(slots(schoolId, day, form.periods(), devices));
        }
        checkFree(pool.id, capacity, slotsPerDay, null);
        var now = clock.instant();
        String actor = Caller.currentActor();
        var status = pool.needsApproval && !Pools.canManage(caller, schoolId) ? ReservationStatus.REQUESTED : ReservationStatus.CONFIRMED;
        Long seriesId = null;
        Reservation first = null;
        for (var slots : slotsPerDay) {
            var r = Reservation.create(schoolId, pool.id, caller.personId(), caller.name(), slots, form.group(), form.room(), form.note(),
                status, now, actor);
            r.seriesId = seriesId;
            r = reservations.save(r);
            if (days.size() > 1 && seriesId == null) {
                seriesId = r.id;
                r.seriesId = seriesId;
                r = reservations.save(r);
            }
            insertSlots(r);
            audit.record(AUDIT_TYPE, r.id, schoolId, Action.CREATED, pool.name + " " + r.day, Map.of(), r.auditView());
            if (first == null) {
                first = r;
            }
        }
        return find(schoolId, first.id);
    }

    /** Changes a reservation that has not started yet; the devices are checked again, its own excepted. */
    @Transactional
    public ReservationView change(long schoolId, long id, @Valid ReservationForm form, Caller caller) {
        Pools.requireSee(schoolId, caller);
        var r = loadOwnOrManaged(schoolId, id, caller);
        var current = r;
        StaleVersionException.check(form.version(), r.version, r.updatedBy, r.updatedAt, current::auditView);
        requireNotStarted(r);
        if (!r.status.holds() || r.status == ReservationStatus.HANDED_OUT) {
            throw FieldErrorsException.of("status", "reservation.notChangeable", r.status.name());
        }
        if (form.pool() != null && !form.pool().equals(r.poolId)) {
            throw FieldErrorsException.of("pool", "reservation.pool.fixed");
        }
        if (form.weeklyUntil() != null) {
            throw FieldErrorsException.of("weeklyUntil", "reservation.weekly.onCreate");
        }
        var pool = pools.load(schoolId, r.poolId);
        checkDay(schoolId, form.date(), "date");
        checkGroupAndRoom(schoolId, form, caller);
        lockPool(pool.id);
        int capacity = pools.capacity(pool.id);
        int devices = devicesWanted(pool, form, capacity);
        var slots = slots(schoolId, form.date(), form.periods(), devices);
        checkFree(pool.id, capacity, List.of(slots), r.id);
        var before = r.auditView();
        r.change(slots, form.group(), form.room(), form.note(), clock.instant(), Caller.currentActor());
        r = save(r);
        jdbc.sql("delete from reservation_slot where reservation_id = :id").param("id", r.id).update();
        insertSlots(r);
        audit.record(AUDIT_TYPE, r.id, schoolId, Action.UPDATED, pool.name + " " + r.day, before, r.auditView());
        return find(schoolId, r.id);
    }

    /** Cancels a reservation before it starts (with {@code series}: also the later ones of its weekly series). */
    @Transactional
    public ReservationView cancel(long schoolId, long id, Integer version, boolean series, Caller caller) {
        Pools.requireSee(schoolId, caller);
        var r = loadOwnOrManaged(schoolId, id, caller);
        var current = r;
        StaleVersionException.check(version, r.version, r.updatedBy, r.updatedAt, current::auditView);
        requireNotStarted(r);
        if (!r.status.holds() || r.status == ReservationStatus.HANDED_OUT) {
            throw FieldErrorsException.of("status", "reservation.notChangeable", r.status.name());
        }
        var toCancel = new ArrayList<Reservation>();
        toCancel.add(r);
        if (series && r.seriesId != null) {
            var start = r.startsAt;
            reservations.findBySeriesIdOrderByDay(r.seriesId).stream()
                .filter(o -> !o.id.equals(current.id) && o.startsAt.isAfter(start) && o.status.holds()
                    && o.status != ReservationStatus.HANDED_OUT)
                .forEach(toCancel::add);
        }
        for (var c : toCancel) {
            var before = c.auditView();
            c.cancel(clock.instant(), Caller.currentActor());
            save(c);
            jdbc.sql("delete from reservation_slot where reservation_id = :id").param("id", c.id).update();
            audit.record(AUDIT_TYPE, c.id, schoolId, Action.UPDATED, "cancelled " + c.day, before, c.auditView());
        }
        return find(schoolId, r.id);
    }

    /** The ICT team approves a requested reservation of a pool that needs approval. */
    @Transactional
    public ReservationView approve(long schoolId, long id, Caller caller) {
        Pools.requireManage(schoolId, caller);
        var r = load(schoolId, id);
        if (r.status != ReservationStatus.REQUESTED) {
            throw FieldErrorsException.of("status", "reservation.notRequested", r.status.name());
        }
        var before = r.auditView();
        r.approve(clock.instant(), Caller.currentActor());
        r = save(r);
        audit.record(AUDIT_TYPE, r.id, schoolId, Action.UPDATED, "approved " + r.day, before, r.auditView());
        return find(schoolId, r.id);
    }

    public List<AuditTrail.Entry> history(long schoolId, long id, Caller caller) {
        Pools.requireSee(schoolId, caller);
        load(schoolId, id);
        return audit.history(AUDIT_TYPE, id);
    }

    // ---- rules ----

    private Pool usablePool(long schoolId, Long poolId, Caller caller) {
        var pool = poolId == null ? null : pools.findForSchool(schoolId, poolId);
        if (pool == null) {
            throw FieldErrorsException.of("pool", "reservation.pool.unknown");
        }
        if (pool.archived) {
            throw FieldErrorsException.of("pool", "reservation.pool.archived", pool.name);
        }
        if (pool.reservableBy == ReservableBy.MANAGERS && !Pools.canManage(caller, schoolId)) {
            // not allowed (403), with the reason next to the pool
            throw new FieldErrorsException(403, List.of(new FieldError("pool", "reservation.pool.teamOnly", pool.name)));
        }
        return pool;
    }

    /** The days of a single or weekly reservation: the date itself must be a school day; later weeks skip days off. */
    private List<LocalDate> occurrences(long schoolId, ReservationForm form) {
        checkDay(schoolId, form.date(), "date");
        if (form.weeklyUntil() == null) {
            return List.of(form.date());
        }
        if (form.weeklyUntil().isBefore(form.date())) {
            throw FieldErrorsException.of("weeklyUntil", "error.endBeforeStart");
        }
        if (ChronoUnit.DAYS.between(form.date(), form.weeklyUntil()) > MAX_DAYS) {
            throw FieldErrorsException.of("weeklyUntil", "reservation.range.tooLong", MAX_DAYS);
        }
        var year = calendar.schoolYearOn(form.date()).orElseThrow(() -> FieldErrorsException.of("date", "reservation.date.noSchoolDay"));
        if (form.weeklyUntil().isAfter(year.endDate())) {
            throw FieldErrorsException.of("weeklyUntil", "reservation.weekly.afterYear", year.endDate());
        }
        var schoolDays = new TreeSet<>(calendar.schoolDays(schoolId, form.date(), form.weeklyUntil()));
        var days = new ArrayList<LocalDate>();
        for (var d = form.date(); !d.isAfter(form.weeklyUntil()); d = d.plusWeeks(1)) {
            if (schoolDays.contains(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private void checkDay(long schoolId, LocalDate day, String field) {
        if (day.isBefore(calendar.today())) {
            throw FieldErrorsException.of(field, "reservation.date.past");
        }
        if (!calendar.isSchoolDay(schoolId, day)) {
            var holiday = calendar.holidays(schoolId, day, day);
            if (!holiday.isEmpty()) {
                throw FieldErrorsException.of(field, "reservation.date.holiday", holiday.get(0).name());
            }
            throw FieldErrorsException.of(field, "reservation.date.noSchoolDay");
        }
    }

    private void checkGroupAndRoom(long schoolId, ReservationForm form, Caller caller) {
        var errors = new ArrayList<FieldError>();
        if (form.group() != null) {
            try {
                if (groups.get(schoolId, form.group(), caller).archived()) {
                    errors.add(new FieldError("group", "reservation.group.unknown"));
                }
            } catch (NotFoundException e) {
                errors.add(new FieldError("group", "reservation.group.unknown"));
            }
        }
        if (form.room() != null && rooms.room(schoolId, form.room()).filter(r -> !r.archived()).isEmpty()) {
            errors.add(new FieldError("room", "reservation.room.unknown"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
    }

    private static int devicesWanted(Pool pool, ReservationForm form, int capacity) {
        int devices = form.devices() == null ? capacity : form.devices();
        if (devices < 1) {
            throw FieldErrorsException.of("devices", "reservation.pool.empty", pool.name);
        }
        if (devices > capacity) {
            throw FieldErrorsException.of("devices", "reservation.devices.moreThanPool", capacity);
        }
        if (pool.maxPerReservation != null && devices > pool.maxPerReservation) {
            throw FieldErrorsException.of("devices", "reservation.devices.max", pool.maxPerReservation);
        }
        return devices;
    }

    /** The periods of that day with their start and end; each must exist that day and not have started yet. */
    private Reservation.Slots slots(long schoolId, LocalDate day, List<Integer> numbers, int devices) {
        var byNumber = calendar.lessonPeriodsOn(schoolId, day).stream()
            .collect(Collectors.toMap(LessonPeriodView::number, p -> p));
        var wanted = new TreeSet<>(numbers);
        var chosen = new ArrayList<LessonPeriodView>();
        for (int n : wanted) {
            var p = byNumber.get(n);
            if (p == null) {
                throw FieldErrorsException.of("periods", "reservation.period.unknown", n, day);
            }
            chosen.add(p);
        }
        chosen.sort(java.util.Comparator.comparing(LessonPeriodView::start));
        var startsAt = start(day, chosen.get(0));
        if (!clock.instant().isBefore(startsAt)) {
            throw FieldErrorsException.of("periods", "reservation.period.past");
        }
        var last = chosen.get(chosen.size() - 1);
        var endsAt = day.atTime(last.end()).atZone(clock.getZone()).toInstant();
        return new Reservation.Slots(day, List.copyOf(wanted), devices, startsAt, endsAt);
    }

    private Instant start(LocalDate day, LessonPeriodView p) {
        return day.atTime(p.start()).atZone(clock.getZone()).toInstant();
    }

    /** Locks the pool's row until the transaction ends: reservations of one pool are checked one at a time. */
    void lockPool(long poolId) {
        jdbc.sql("select id from device_pool where id = :id for update").param("id", poolId).query(Long.class).single();
    }

    /** Refuses (409) when a period has fewer free devices than asked, naming what is still free on that day. */
    private void checkFree(long poolId, int capacity, List<Reservation.Slots> wanted, Long except) {
        var errors = new ArrayList<FieldError>();
        for (var s : wanted) {
            var usedByPeriod = new HashMap<Integer, Integer>();
            jdbc.sql("select period, sum(devices) from reservation_slot where pool_id = :pool and on_day = :day"
                    + (except == null ? "" : " and reservation_id <> :except") + " group by period")
                .param("pool", poolId).param("day", s.day()).params(except == null ? Map.of() : Map.of("except", except))
                .query((rs, n) -> usedByPeriod.put(rs.getInt(1), rs.getInt(2))).list();
            boolean fits = s.periods().stream().allMatch(p -> capacity - usedByPeriod.getOrDefault(p, 0) >= s.devices());
            if (!fits) {
                String free = s.periods().stream().map(p -> p + ": " + Math.max(0, capacity - usedByPeriod.getOrDefault(p, 0)))
                    .collect(Collectors.joining(", "));
                errors.add(new FieldError("devices", "reservation.notFree", s.day(), s.devices(), free));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(409, errors.subList(0, Math.min(errors.size(), 10)));
        }
    }

    private void insertSlots(Reservation r) {
        for (int p : r.periodList()) {
            jdbc.sql("insert into reservation_slot (reservation_id, pool_id, on_day, period, devices) values (:r, :pool, :day, :p, :n)")
                .param("r", r.id).param("pool", r.poolId).param("day", r.day).param("p", p).param("n", r.devices).update();
        }
    }

    private void requireNotStarted(Reservation r) {
        if (r.started(clock.instant())) {
            throw FieldErrorsException.of("date", "reservation.started");
        }
    }

    Reservation load(long schoolId, long id) {
        return reservations.findById(id).filter(r -> r.schoolId == schoolId).orElseThrow(() -> new NotFoundException("reservation", id));
    }

    /** The reservation, if the caller made it or manages the school's pools; 403 for other members of the school. */
    private Reservation loadOwnOrManaged(long schoolId, long id, Caller caller) {
        var r = load(schoolId, id);
        if (r.personId != caller.personId() && !Pools.canManage(caller, schoolId)) {
            throw new AccessDeniedException("not your reservation");
        }
        return r;
    }

    Reservation save(Reservation r) {
        try {
            return reservations.save(r);
        } catch (OptimisticLockingFailureException e) {
            var current = reservations.findById(r.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }

    static ReservationView view(ResultSet rs) throws SQLException {
        String room = rs.getString("room_name") == null ? null : rs.getString("building_name") + " " + rs.getString("room_name");
        return new ReservationView(rs.getLong("id"), rs.getLong("pool_id"), rs.getString("pool_name"), rs.getObject("series_id", Long.class),
            rs.getLong("person_id"), rs.getString("person_name"), rs.getObject("group_id", Long.class), rs.getString("group_name"),
            rs.getObject("room_id", Long.class), room, rs.getObject("on_day", LocalDate.class),
            Arrays.stream(rs.getString("periods").split(",")).map(Integer::valueOf).toList(), rs.getInt("devices"),
            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
            ReservationStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getBoolean("is_late"), rs.getInt("version"),
            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
