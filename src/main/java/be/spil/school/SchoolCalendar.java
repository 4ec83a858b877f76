package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.audit.AuditTrail.Action;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.NotFoundException;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The school module's calendar API: school years of the group, holidays (per school or for all schools),
 * lesson periods per school, and whether a day is a school day. Queries without a caller are for other
 * modules that have already checked the caller against the school.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class SchoolCalendar {
    static final String YEAR_AUDIT_TYPE = "school-year";
    static final String HOLIDAY_AUDIT_TYPE = "holiday";
    static final String LESSONS_AUDIT_TYPE = "lesson-periods";
    /** The longest span {@link #schoolDays} answers for. */
    public static final int MAX_DAYS = 400;

    private final SchoolYearRepository years;
    private final HolidayRepository holidays;
    private final LessonScheduleRepository schedules;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SchoolCalendar(SchoolYearRepository years, HolidayRepository holidays, LessonScheduleRepository schedules, JdbcClient jdbc,
                   AuditTrail audit, Clock clock) {
        this.years = years;
        this.holidays = holidays;
        this.schedules = schedules;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today's date in the application's time zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    // ---- school years ----

    /** All school years, newest first. */
    public List<SchoolYearView> schoolYears() {
        var today = today();
        return years.findAllByOrderByStartDateDesc().stream().map(y -> y.view(today)).toList();
    }

    /** The school year that holds today's date (from the Clock), if one is set up. */
    /**
     * The school year a page or call asks for: by name, or (name blank) the current one, or else the newest. An unknown
     * name, or no school year at all, is a field error on {@code year}.
     */
    public SchoolYearView yearOrCurrent(String name) {
        if (name != null && !name.isBlank()) {
            return schoolYears().stream().filter(y -> y.name().equals(name.strip())).findFirst()
                .orElseThrow(() -> FieldErrorsException.of("year", "schoolYear.unknown", name.strip()));
        }
        return currentSchoolYear().or(() -> schoolYears().stream().findFirst())
            .orElseThrow(() -> FieldErrorsException.of("year", "schoolYear.none"));
    }

    public Optional<SchoolYearView> currentSchoolYear() {
        return schoolYearOn(today());
    }

    /** The school year that holds this day, if one is set up. */
    public Optional<SchoolYearView> schoolYearOn(LocalDate day) {
        var today = today();
        return jdbc.sql("select id from school_year where start_date <= :d and end_date >= :d")
            .param("d", day).query(Long.class).optional()
            .flatMap(years::findById).map(y -> y.view(today));
    }

    public SchoolYearView schoolYear(long id) {
        return years.findById(id).map(y -> y.view(today())).orElseThrow(() -> new NotFoundException("school year", id));
    }

    @Transactional
    public SchoolYearView createSchoolYear(@Valid SchoolYearForm form, Caller caller) {
        caller.requireCentralAdmin();
        String name = form.name().trim();
        if (years.findByName(name).isPresent()) {
            throw FieldErrorsException.conflict("name", "schoolYear.name.taken", name);
        }
        var days = checkYear(name, form, null);
        var year = years.save(SchoolYear.create(name, days, clock.instant(), Caller.currentActor()));
        audit.record(YEAR_AUDIT_TYPE, year.id, null, Action.CREATED, year.name, Map.of(), year.auditView());
        return year.view(today());
    }

    /** Changes a year's dates (the name stays); its holidays must stay inside it. */
    @Transactional
    public SchoolYearView updateSchoolYear(long id, @Valid SchoolYearForm form, Caller caller) {
        caller.requireCentralAdmin();
        var year = years.findById(id).orElseThrow(() -> new NotFoundException("school year", id));
        StaleVersionException.check(form.version(), year.version, year.updatedBy, year.updatedAt, year::auditView);
        if (!year.name.equals(form.name().trim())) {
            throw FieldErrorsException.of("name", "schoolYear.name.fixed");
        }
        var days = checkYear(year.name, form, year.id);
        long outside = jdbc.sql("""
                select count(*) from holiday where school_year_id = :id and archived = false
                and (first_day < :start or last_day > :end)""")
            .param("id", year.id).param("start", days.first()).param("end", days.last()).query(Long.class).single();
        if (outside > 0) {
            throw FieldErrorsException.of("startDate", "schoolYear.holidaysOutside", outside);
        }
        var before = year.auditView();
        if (year.days().equals(days)) {
            return year.view(today());
        }
        year.change(days, clock.instant(), Caller.currentActor());
        try {
            year = years.save(year);
        } catch (OptimisticLockingFailureException e) {
            var current = years.findById(id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
        audit.record(YEAR_AUDIT_TYPE, year.id, null, Action.UPDATED, year.name, before, year.auditView());
        return year.view(today());
    }

    private DateRange checkYear(String name, SchoolYearForm form, Long self) {
        int first = Integer.parseInt(name.substring(0, 4));
        int second = Integer.parseInt(name.substring(5));
        if (second != first + 1 || first < 1990 || first > 2200) {
            throw FieldErrorsException.of("name", "schoolYear.name.consecutive");
        }
        var defaults = SchoolYear.defaultDays(name);
        var days = new DateRange(form.startDate() == null ? defaults.first() : form.startDate(),
            form.endDate() == null ? defaults.last() : form.endDate());
        if (!days.last().isAfter(days.first())) {
            throw FieldErrorsException.of("endDate", "error.endBeforeStart");
        }
        if (ChronoUnit.DAYS.between(days.first(), days.last()) > 400) {
            throw FieldErrorsException.of("endDate", "schoolYear.tooLong");
        }
        var overlapping = jdbc.sql("select name from school_year where start_date <= :end and end_date >= :start"
                + (self == null ? "" : " and id <> :self") + " order by start_date")
            .param("start", days.first()).param("end", days.last());
        if (self != null) {
            overlapping = overlapping.param("self", self);
        }
        var other = overlapping.query(String.class).list();
        if (!other.isEmpty()) {
            throw FieldErrorsException.conflict("startDate", "schoolYear.overlap", other.get(0));
        }
        return days;
    }

    // ---- holidays ----

    /** The holidays that touch these days for a school, its own and those of every school, by first day. */
    public List<HolidayView> holidays(long schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql(HOLIDAY_SELECT + """
                where (h.school_id = :school or h.school_id is null) and h.archived = false
                and h.first_day <= :to and h.last_day >= :from order by h.first_day, h.name""")
            .param("school", schoolId).param("from", from).param("to", to)
            .query((rs, n) -> holidayView(rs)).list();
    }

    /**
     * A school's holidays for the caller: its own and those of every school, in one school year or all when
     * {@code schoolYearId} is null; archived ones only when asked.
     */
    public List<HolidayView> holidays(long schoolId, Long schoolYearId, boolean archived, Caller caller) {
        requireSee(schoolId, caller);
        return holidayList("(h.school_id = :school or h.school_id is null)", schoolId, schoolYearId, archived);
    }

    /** The holidays for every school of the group. */
    public List<HolidayView> groupHolidays(Long schoolYearId, boolean archived) {
        return holidayList("h.school_id is null", null, schoolYearId, archived);
    }

    /** One holiday of the school ({@code schoolId} null: one for every school). */
    public HolidayView holiday(Long schoolId, long id, Caller caller) {
        if (schoolId != null) {
            requireSee(schoolId, caller);
        }
        // a school reads its own holidays and those of every school; the group's list holds only the latter
        var h = holidays.findById(id).filter(x -> x.schoolId == null || x.schoolId.equals(schoolId))
            .orElseThrow(() -> new NotFoundException("holiday", id));
        return jdbc.sql(HOLIDAY_SELECT + " where h.id = :id").param("id", h.id).query((rs, n) -> holidayView(rs)).single();
    }

    /** Adds a holiday to one school, or to every school when {@code schoolId} is null (central admin only). */
    @Transactional
    public HolidayView createHoliday(Long schoolId, @Valid HolidayForm form, Caller caller) {
        requireManageHolidays(schoolId, caller);
        var year = checkHoliday(schoolId, form, null);
        var holiday = holidays.save(Holiday.create(schoolId, year.id, form, clock.instant(), Caller.currentActor()));
        audit.record(HOLIDAY_AUDIT_TYPE, holiday.id, schoolId, Action.CREATED, holiday.name, Map.of(), holiday.auditView());
        return holiday(schoolId, holiday.id, caller);
    }

    @Transactional
    public HolidayView updateHoliday(Long schoolId, long id, @Valid HolidayForm form, Caller caller) {
        return patchHoliday(schoolId, id, form, null, caller);
    }

    /** Changes a holiday and, when {@code archived} is given, archives or restores it: all or nothing. */
    @Transactional
    public HolidayView patchHoliday(Long schoolId, long id, @Valid HolidayForm form, Boolean archived, Caller caller) {
        requireManageHolidays(schoolId, caller);
        var holiday = loadHoliday(schoolId, id);
        StaleVersionException.check(form.version(), holiday.version, holiday.updatedBy, holiday.updatedAt, holiday::auditView);
        var year = checkHoliday(schoolId, form, holiday.id);
        var before = holiday.auditView();
        holiday.change(year.id, form, clock.instant(), Caller.currentActor());
        if (!before.equals(holiday.auditView())) {
            saveHoliday(holiday);
            audit.record(HOLIDAY_AUDIT_TYPE, holiday.id, schoolId, Action.UPDATED, holiday.name, before, holiday.auditView());
        }
        if (archived != null && archived != holiday.archived) {
            return setHolidayArchived(schoolId, id, archived, caller);
        }
        return holiday(schoolId, holiday.id, caller);
    }

    /** Archives a holiday: it no longer counts, but stays in the history and can be restored. */
    @Transactional
    public HolidayView setHolidayArchived(Long schoolId, long id, boolean archived, Caller caller) {
        requireManageHolidays(schoolId, caller);
        var holiday = loadHoliday(schoolId, id);
        var before = holiday.auditView();
        holiday.setArchived(archived, clock.instant(), Caller.currentActor());
        saveHoliday(holiday);
        audit.record(HOLIDAY_AUDIT_TYPE, holiday.id, schoolId, archived ? Action.ARCHIVED : Action.RESTORED, holiday.name, before,
            holiday.auditView());
        return holiday(schoolId, holiday.id, caller);
    }

    private SchoolYear checkHoliday(Long schoolId, HolidayForm form, Long self) {
        if (form.lastDay().isBefore(form.firstDay())) {
            throw FieldErrorsException.of("lastDay", "error.endBeforeStart");
        }
        var year = jdbc.sql("select id from school_year where start_date <= :first and end_date >= :last")
            .param("first", form.firstDay()).param("last", form.lastDay()).query(Long.class).optional()
            .flatMap(years::findById)
            .orElseThrow(() -> FieldErrorsException.of("firstDay", "holiday.outsideSchoolYear"));
        long same = jdbc.sql("select count(*) from holiday where " + (schoolId == null ? "school_id is null" : "school_id = :school")
                + " and archived = false and first_day = :first and lower(name) = lower(:name)" + (self == null ? "" : " and id <> :self"))
            .params(schoolId == null ? Map.of() : Map.of("school", schoolId))
            .param("first", form.firstDay()).param("name", form.name().trim())
            .params(self == null ? Map.of() : Map.of("self", self))
            .query(Long.class).single();
        if (same > 0) {
            throw FieldErrorsException.conflict("name", "holiday.taken", form.name().trim(), form.firstDay());
        }
        return year;
    }

    private List<HolidayView> holidayList(String scope, Long schoolId, Long schoolYearId, boolean archived) {
        var sql = new StringBuilder(HOLIDAY_SELECT).append(" where ").append(scope).append(" and h.archived = :archived");
        var params = new java.util.HashMap<String, Object>();
        params.put("archived", archived);
        if (schoolId != null) {
            params.put("school", schoolId);
        }
        if (schoolYearId != null) {
            sql.append(" and h.school_year_id = :year");
            params.put("year", schoolYearId);
        }
        sql.append(" order by h.first_day, h.name");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> holidayView(rs)).list();
    }

    private static final String HOLIDAY_SELECT = """
        select h.*, y.name as year_name from holiday h join school_year y on y.id = h.school_year_id
        """;

    private static HolidayView holidayView(ResultSet rs) throws SQLException {
        rs.getLong("school_id");
        boolean all = rs.wasNull();
        return new HolidayView(rs.getLong("id"), rs.getString("name"), rs.getObject("first_day", LocalDate.class),
            rs.getObject("last_day", LocalDate.class), all, rs.getString("year_name"), rs.getBoolean("archived"), rs.getInt("version"));
    }

    /** A holiday to change: one of this school, or (school id null) one of every school. */
    private Holiday loadHoliday(Long schoolId, long id) {
        var holiday = holidays.findById(id).filter(h -> h.schoolId == null || h.schoolId.equals(schoolId))
            .orElseThrow(() -> new NotFoundException("holiday", id));
        if (schoolId != null && holiday.schoolId == null) {
            throw FieldErrorsException.of("allSchools", "holiday.allSchools.readOnly");
        }
        return holiday;
    }

    private void saveHoliday(Holiday holiday) {
        try {
            holidays.save(holiday);
        } catch (OptimisticLockingFailureException e) {
            var current = holidays.findById(holiday.id).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
    }

    private static void requireManageHolidays(Long schoolId, Caller caller) {
        if (schoolId == null) {
            caller.requireCentralAdmin();
        } else {
            requireSee(schoolId, caller);
            caller.requireManage(schoolId);
        }
    }

    // ---- school days ----

    /** False on Saturdays and Sundays, outside every school year, and on the school's holidays and those of all schools. */
    public boolean isSchoolDay(long schoolId, LocalDate day) {
        return policy(schoolId, day, day).isSchoolDay(day);
    }

    /** The school days from {@code from} to {@code to} (both included, at most {@value #MAX_DAYS} days). */
    public List<LocalDate> schoolDays(long schoolId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw FieldErrorsException.of("to", "error.endBeforeStart");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw FieldErrorsException.of("to", "calendar.range.tooLong", MAX_DAYS);
        }
        return policy(schoolId, from, to).between(from, to);
    }

    private SchoolDays policy(long schoolId, LocalDate from, LocalDate to) {
        var yearRanges = jdbc.sql("select start_date, end_date from school_year where start_date <= :to and end_date >= :from")
            .param("from", from).param("to", to)
            .query((rs, n) -> new DateRange(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class))).list();
        var holidayRanges = holidays(schoolId, from, to).stream().map(h -> new DateRange(h.firstDay(), h.lastDay())).toList();
        return new SchoolDays(yearRanges, holidayRanges);
    }

    // ---- lesson periods ----

    /** A school's lesson periods by number; an empty list (version 0) when none are set up. */
    public LessonScheduleView lessonPeriods(long schoolId) {
        return schedules.findBySchoolId(schoolId).map(LessonSchedule::view)
            .orElseGet(() -> new LessonScheduleView(List.of(), 0, null, null));
    }

    /** The lesson periods on this day: none when it is not a school day. */
    public List<LessonPeriodView> lessonPeriodsOn(long schoolId, LocalDate day) {
        if (!isSchoolDay(schoolId, day)) {
            return List.of();
        }
        return lessonPeriods(schoolId).periods().stream().filter(p -> p.on(day.getDayOfWeek())).toList();
    }

    public LessonScheduleView lessonPeriods(long schoolId, Caller caller) {
        requireSee(schoolId, caller);
        return lessonPeriods(schoolId);
    }

    /** Replaces the whole list of lesson periods after checking it; {@code version} must be the one read (0 at first). */
    @Transactional
    public LessonScheduleView replaceLessonPeriods(long schoolId, @Valid LessonPeriodsForm form, Caller caller) {
        requireSee(schoolId, caller);
        caller.requireManage(schoolId);
        var errors = LessonPeriodRules.check(form.periods());
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        var schedule = schedules.findBySchoolId(schoolId).orElse(null);
        if (schedule == null) {
            if (form.version() == null) {
                throw FieldErrorsException.of("version", "error.version.required");
            }
            if (form.version() != 0) {
                throw FieldErrorsException.of("version", "lessonPeriod.version.none");
            }
            // stored empty first, so the first list already has a version above the 0 of "none yet"
            schedule = schedules.save(LessonSchedule.create(schoolId, clock.instant(), Caller.currentActor()));
        } else {
            StaleVersionException.check(form.version(), schedule.version, schedule.updatedBy, schedule.updatedAt, schedule::auditView);
        }
        var before = schedule.auditView();
        schedule.replace(form.periods(), clock.instant(), Caller.currentActor());
        try {
            schedule = schedules.save(schedule);
        } catch (OptimisticLockingFailureException e) {
            var current = schedules.findBySchoolId(schoolId).orElseThrow();
            throw new StaleVersionException(current.updatedBy, current.updatedAt, current.version, current.auditView());
        }
        audit.record(LESSONS_AUDIT_TYPE, schoolId, schoolId, Action.UPDATED, "lesson periods", before, schedule.auditView());
        return schedule.view();
    }

    // ---- helpers ----

    private static void requireSee(long schoolId, Caller caller) {
        if (!caller.canSee(schoolId)) {
            throw new NotFoundException("school", schoolId);
        }
    }

}
