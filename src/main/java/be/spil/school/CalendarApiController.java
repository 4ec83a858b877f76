package be.spil.school;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Calendar", description = "School years, holidays, lesson periods and school days")
class CalendarApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record HolidayPatch(@Size(max = 100) String name, LocalDate firstDay, LocalDate lastDay, Boolean archived, @NotNull Integer version) {}

    /** Whether a day is a school day for the school. */
    record SchoolDay(LocalDate date, boolean schoolDay, List<LessonPeriodView> lessonPeriods) {}

    private final Schools schools;
    private final SchoolCalendar calendar;

    CalendarApiController(Schools schools, SchoolCalendar calendar) {
        this.schools = schools;
        this.calendar = calendar;
    }

    // ---- school years ----

    @GetMapping("/school-years")
    @Operation(summary = "The school group's school years, newest first", description = "current is true for the year that holds today.")
    PageResult<SchoolYearView> schoolYears(Caller caller) {
        return RoomsApiController.page(calendar.schoolYears());
    }

    @PostMapping("/school-years")
    @Operation(summary = "Add a school year (central admin)", description = "name is \"2026-2027\"; startDate and endDate default to "
        + "1 September and 31 August. School years never overlap (409).")
    ResponseEntity<SchoolYearView> createSchoolYear(Caller caller, @Valid @RequestBody SchoolYearForm form) {
        var year = calendar.createSchoolYear(form, caller);
        return ResponseEntity.created(URI.create("/api/v1/school-years/" + year.id())).body(year);
    }

    @GetMapping("/school-years/{id}")
    @Operation(summary = "One school year")
    SchoolYearView schoolYear(Caller caller, @PathVariable long id) {
        return calendar.schoolYear(id);
    }

    @PatchMapping("/school-years/{id}")
    @Operation(summary = "Change a school year's dates (central admin)",
        description = "The name stays; its holidays must stay inside it; a stale version answers 409.")
    SchoolYearView patchSchoolYear(Caller caller, @PathVariable long id, @Valid @RequestBody SchoolYearForm form) {
        return calendar.updateSchoolYear(id, form, caller);
    }

    // ---- holidays ----

    @GetMapping("/holidays")
    @Operation(summary = "Holidays of every school of the group", description = "Filter: year (\"2026-2027\"); archived=true for archived ones.")
    PageResult<HolidayView> groupHolidays(Caller caller, @RequestParam(required = false) String year,
                                          @RequestParam(defaultValue = "false") boolean archived) {
        return RoomsApiController.page(calendar.groupHolidays(yearId(year), archived));
    }

    @PostMapping("/holidays")
    @Operation(summary = "Add a holiday for every school (central admin)",
        description = "firstDay and lastDay are both included and lie inside one school year.")
    ResponseEntity<HolidayView> createGroupHoliday(Caller caller, @Valid @RequestBody HolidayForm form) {
        var h = calendar.createHoliday(null, form, caller);
        return ResponseEntity.created(URI.create("/api/v1/holidays/" + h.id())).body(h);
    }

    @PatchMapping("/holidays/{id}")
    @Operation(summary = "Change or archive a holiday of every school (central admin)")
    HolidayView patchGroupHoliday(Caller caller, @PathVariable long id, @Valid @RequestBody HolidayPatch patch) {
        caller.requireCentralAdmin();
        return patchHoliday(null, id, patch, caller);
    }

    @GetMapping("/schools/{code}/holidays")
    @Operation(summary = "A school's holidays, its own and those of every school (allSchools=true), by first day",
        description = "Filter: year (\"2026-2027\"); archived=true for archived ones.")
    PageResult<HolidayView> holidays(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                     @RequestParam(defaultValue = "false") boolean archived) {
        return RoomsApiController.page(calendar.holidays(schools.visible(code, caller).id(), yearId(year), archived, caller));
    }

    @PostMapping("/schools/{code}/holidays")
    @Operation(summary = "Add a holiday or day without lessons to one school",
        description = "firstDay and lastDay are both included and lie inside one school year; the same name on the same first day is a 409.")
    ResponseEntity<HolidayView> createHoliday(Caller caller, @PathVariable String code, @Valid @RequestBody HolidayForm form) {
        var school = schools.visible(code, caller);
        var h = calendar.createHoliday(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/holidays/" + h.id())).body(h);
    }

    @GetMapping("/schools/{code}/holidays/{id}")
    @Operation(summary = "One holiday of the school")
    HolidayView holiday(Caller caller, @PathVariable String code, @PathVariable long id) {
        return calendar.holiday(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/schools/{code}/holidays/{id}")
    @Operation(summary = "Change or archive a holiday of the school", description = "Archived holidays no longer count; a stale version answers 409.")
    HolidayView patchSchoolHoliday(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody HolidayPatch patch) {
        return patchHoliday(schools.visible(code, caller).id(), id, patch, caller);
    }

    private HolidayView patchHoliday(Long schoolId, long id, HolidayPatch patch, Caller caller) {
        var h = calendar.holiday(schoolId, id, caller);
        var form = new HolidayForm(patch.name() == null ? h.name() : patch.name(), patch.firstDay() == null ? h.firstDay() : patch.firstDay(),
            patch.lastDay() == null ? h.lastDay() : patch.lastDay(), patch.version());
        return calendar.patchHoliday(schoolId, id, form, patch.archived(), caller);
    }

    // ---- lesson periods and school days ----

    @GetMapping("/schools/{code}/lesson-periods")
    @Operation(summary = "A school's lesson periods (lesuren), by number", description = "version is 0 when none are set up yet.")
    LessonScheduleView lessonPeriods(Caller caller, @PathVariable String code) {
        return calendar.lessonPeriods(schools.visible(code, caller).id(), caller);
    }

    @PutMapping("/schools/{code}/lesson-periods")
    @Operation(summary = "Replace the whole list of lesson periods",
        description = "Each period: number (0-20, unique), label, start and end (HH:mm), weekdays (MONDAY..SUNDAY, default Monday to "
            + "Friday). On a shared weekday periods may not overlap and must follow the order of their numbers. Send the version you "
            + "read (0 at first); a stale version answers 409.")
    LessonScheduleView replaceLessonPeriods(Caller caller, @PathVariable String code, @Valid @RequestBody LessonPeriodsForm form) {
        return calendar.replaceLessonPeriods(schools.visible(code, caller).id(), form, caller);
    }

    @GetMapping("/schools/{code}/school-days/{date}")
    @Operation(summary = "Whether a day is a school day for the school, with its lesson periods",
        description = "Not a school day: Saturday, Sunday, outside every school year, or a holiday of the school or of all schools.")
    SchoolDay schoolDay(Caller caller, @PathVariable String code, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        long school = schools.visible(code, caller).id();
        return new SchoolDay(date, calendar.isSchoolDay(school, date), calendar.lessonPeriodsOn(school, date));
    }

    private Long yearId(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        return calendar.schoolYears().stream().filter(y -> y.name().equals(year.trim())).findFirst()
            .map(SchoolYearView::id)
            .orElseThrow(() -> FieldErrorsException.of("year", "schoolYear.unknown", year));
    }
}
