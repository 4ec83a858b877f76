package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.FieldErrorsException.FieldError;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A school's calendar: its holidays per school year, and its lesson periods (added, changed and removed one at a time). */
@Controller
class CalendarController {
    private final Schools schools;
    private final SchoolCalendar calendar;
    private final AuditTrail audit;

    CalendarController(Schools schools, SchoolCalendar calendar, AuditTrail audit) {
        this.schools = schools;
        this.calendar = calendar;
        this.audit = audit;
    }

    @ModelAttribute("weekdays")
    DayOfWeek[] weekdays() {
        return DayOfWeek.values();
    }

    @GetMapping("/schools/{code}/calendar")
    String show(Caller caller, @PathVariable String code, @RequestParam(required = false) Long year,
                @RequestParam(defaultValue = "false") boolean archived, Model model) {
        var school = schools.visible(code, caller);
        var years = calendar.schoolYears();
        var selected = years.stream().filter(y -> year == null ? y.current() : y.id() == year).findFirst()
            .orElse(year == null && !years.isEmpty() ? years.get(0) : null);
        if (year != null && selected == null) {
            throw new be.spil.shared.NotFoundException("school year", year);
        }
        model.addAttribute("school", school);
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        model.addAttribute("archived", archived);
        model.addAttribute("holidays", selected == null ? List.of() : calendar.holidays(school.id(), selected.id(), archived, caller));
        model.addAttribute("schedule", calendar.lessonPeriods(school.id(), caller));
        model.addAttribute("periodHistory", audit.history(SchoolCalendar.LESSONS_AUDIT_TYPE, school.id()));
        model.addAttribute("canManage", caller.canManage(school.id()));
        if (!model.containsAttribute("holidayForm")) {
            model.addAttribute("holidayForm", HolidayForm.empty());
        }
        if (!model.containsAttribute("periodForm")) {
            model.addAttribute("periodForm", LessonPeriodForm.empty());
        }
        return "school/calendar";
    }

    @PostMapping("/schools/{code}/holidays")
    String createHoliday(Caller caller, @PathVariable String code, @Valid @ModelAttribute("holidayForm") HolidayForm form,
                         BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                var h = calendar.createHoliday(school.id(), form, caller);
                redirect.addFlashAttribute("message", "holiday.created");
                return "redirect:/schools/" + school.code() + "/calendar?year=" + calendar.schoolYearOn(h.firstDay()).orElseThrow().id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openHolidayForm", true);
        return show(caller, code, null, false, model);
    }

    @GetMapping("/schools/{code}/holidays/{id}")
    String holiday(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var holiday = calendar.holiday(school.id(), id, caller);
        if (holiday.allSchools()) {
            return "redirect:/school-years/holidays/" + id;
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new HolidayForm(holiday.name(), holiday.firstDay(), holiday.lastDay(), holiday.version()));
        }
        return holidayPage(caller, school, holiday, model);
    }

    private String holidayPage(Caller caller, SchoolView school, HolidayView holiday, Model model) {
        String base = "/schools/" + school.code();
        model.addAttribute("school", school);
        model.addAttribute("holiday", holiday);
        model.addAttribute("action", base + "/holidays/" + holiday.id());
        model.addAttribute("back", base + "/calendar");
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("history", audit.history(SchoolCalendar.HOLIDAY_AUDIT_TYPE, holiday.id()));
        return "school/holiday";
    }

    @PostMapping("/schools/{code}/holidays/{id}")
    String updateHoliday(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") HolidayForm form,
                         BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var holiday = calendar.holiday(school.id(), id, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                calendar.updateHoliday(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/holidays/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                model.addAttribute("form", new HolidayForm(form.name(), form.firstDay(), form.lastDay(), e.currentVersion()));
                holiday = calendar.holiday(school.id(), id, caller);
            }
        }
        return holidayPage(caller, school, holiday, model);
    }

    @PostMapping("/schools/{code}/holidays/{id}/archive")
    String archiveHoliday(Caller caller, @PathVariable String code, @PathVariable long id,
                          @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var h = calendar.setHolidayArchived(school.id(), id, archived, caller);
        redirect.addFlashAttribute("message", archived ? "archived" : "restored");
        return "redirect:/schools/" + school.code() + "/calendar?year=" + calendar.schoolYearOn(h.firstDay()).orElseThrow().id();
    }

    /** Adds a lesson period, or replaces the one with the same number. */
    @PostMapping("/schools/{code}/lesson-periods")
    String savePeriod(Caller caller, @PathVariable String code, @Valid @ModelAttribute("periodForm") LessonPeriodForm form,
                      BindingResult result, @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            var periods = new ArrayList<LessonPeriodForm>();
            calendar.lessonPeriods(school.id()).periods().stream().filter(p -> p.number() != form.number())
                .map(LessonPeriodForm::of).forEach(periods::add);
            periods.add(form);
            try {
                calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(periods, version), caller);
                redirect.addFlashAttribute("message", "lessonPeriod.saved");
                return "redirect:/schools/" + school.code() + "/calendar#lesson-periods";
            } catch (FieldErrorsException e) {
                Forms.reject(onThisPeriod(e, periods.size() - 1), result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
            }
        }
        model.addAttribute("editingPeriods", true);
        return show(caller, code, null, false, model);
    }

    /** Removes a lesson period from the list; the history keeps it. */
    @PostMapping("/schools/{code}/lesson-periods/{number}/remove")
    String removePeriod(Caller caller, @PathVariable String code, @PathVariable int number, @RequestParam Integer version,
                        RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var periods = calendar.lessonPeriods(school.id()).periods().stream().filter(p -> p.number() != number)
            .map(LessonPeriodForm::of).toList();
        calendar.replaceLessonPeriods(school.id(), new LessonPeriodsForm(periods, version), caller);
        redirect.addFlashAttribute("message", "lessonPeriod.removed");
        return "redirect:/schools/" + school.code() + "/calendar#lesson-periods";
    }

    /** The rules name fields as periods[i].field: those of the edited period go next to its field, others above the form. */
    private static FieldErrorsException onThisPeriod(FieldErrorsException e, int index) {
        String prefix = "periods[" + index + "].";
        return new FieldErrorsException(e.status(), e.errors().stream()
            .map(f -> new FieldError(f.field().startsWith(prefix) ? f.field().substring(prefix.length()) : f.field(), f.code(), f.args()))
            .toList());
    }
}
