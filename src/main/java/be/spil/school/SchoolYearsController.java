package be.spil.school;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
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

/** The school group's school years and the holidays of every school (central admins change them; everyone reads). */
@Controller
class SchoolYearsController {
    private final SchoolCalendar calendar;
    private final be.spil.audit.AuditTrail audit;

    SchoolYearsController(SchoolCalendar calendar, be.spil.audit.AuditTrail audit) {
        this.calendar = calendar;
        this.audit = audit;
    }

    @GetMapping("/school-years")
    String list(Caller caller, @RequestParam(required = false) Long year, Model model) {
        var years = calendar.schoolYears();
        var selected = years.stream().filter(y -> year == null ? y.current() : y.id() == year).findFirst()
            .orElse(year == null && !years.isEmpty() ? years.get(0) : null);
        if (year != null && selected == null) {
            throw new be.spil.shared.NotFoundException("school year", year);
        }
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        model.addAttribute("holidays", selected == null ? List.of() : calendar.groupHolidays(selected.id(), false));
        model.addAttribute("canManage", caller.centralAdmin());
        if (!model.containsAttribute("yearForm")) {
            model.addAttribute("yearForm", SchoolYearForm.empty());
        }
        if (!model.containsAttribute("holidayForm")) {
            model.addAttribute("holidayForm", HolidayForm.empty());
        }
        return "school/school-years";
    }

    @PostMapping("/school-years")
    String create(Caller caller, @Valid @ModelAttribute("yearForm") SchoolYearForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        if (!result.hasErrors()) {
            try {
                var y = calendar.createSchoolYear(form, caller);
                redirect.addFlashAttribute("message", "schoolYear.created");
                return "redirect:/school-years?year=" + y.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openYearForm", true);
        return list(caller, null, model);
    }

    @GetMapping("/school-years/{id}")
    String edit(Caller caller, @PathVariable long id, Model model) {
        var year = calendar.schoolYear(id);
        model.addAttribute("schoolYear", year);
        model.addAttribute("history", audit.history(SchoolCalendar.YEAR_AUDIT_TYPE, year.id()));
        model.addAttribute("canManage", caller.centralAdmin());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SchoolYearForm.of(year));
        }
        return "school/school-year";
    }

    @PostMapping("/school-years/{id}")
    String update(Caller caller, @PathVariable long id, @Valid @ModelAttribute("form") SchoolYearForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        if (!result.hasErrors()) {
            try {
                calendar.updateSchoolYear(id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/school-years?year=" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                model.addAttribute("form", new SchoolYearForm(form.name(), form.startDate(), form.endDate(), e.currentVersion()));
            }
        }
        return edit(caller, id, model);
    }

    @PostMapping("/school-years/holidays")
    String createHoliday(Caller caller, @Valid @ModelAttribute("holidayForm") HolidayForm form, BindingResult result, Model model,
                         RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        if (!result.hasErrors()) {
            try {
                var h = calendar.createHoliday(null, form, caller);
                redirect.addFlashAttribute("message", "holiday.created");
                return "redirect:/school-years?year=" + calendar.schoolYearOn(h.firstDay()).orElseThrow().id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openHolidayForm", true);
        return list(caller, null, model);
    }

    @GetMapping("/school-years/holidays/{id}")
    String holiday(Caller caller, @PathVariable long id, Model model) {
        var holiday = calendar.holiday(null, id, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new HolidayForm(holiday.name(), holiday.firstDay(), holiday.lastDay(), holiday.version()));
        }
        return holidayPage(caller, holiday, model);
    }

    private String holidayPage(Caller caller, HolidayView holiday, Model model) {
        model.addAttribute("holiday", holiday);
        model.addAttribute("action", "/school-years/holidays/" + holiday.id());
        model.addAttribute("back", "/school-years");
        model.addAttribute("canManage", caller.centralAdmin());
        model.addAttribute("history", audit.history(SchoolCalendar.HOLIDAY_AUDIT_TYPE, holiday.id()));
        return "school/holiday";
    }

    @PostMapping("/school-years/holidays/{id}")
    String updateHoliday(Caller caller, @PathVariable long id, @Valid @ModelAttribute("form") HolidayForm form, BindingResult result,
                         Model model, RedirectAttributes redirect) {
        caller.requireCentralAdmin();
        var holiday = calendar.holiday(null, id, caller);
        if (!result.hasErrors()) {
            try {
                calendar.updateHoliday(null, id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/school-years/holidays/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                model.addAttribute("form", new HolidayForm(form.name(), form.firstDay(), form.lastDay(), e.currentVersion()));
                holiday = calendar.holiday(null, id, caller);
            }
        }
        return holidayPage(caller, holiday, model);
    }

    @PostMapping("/school-years/holidays/{id}/archive")
    String archiveHoliday(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                          RedirectAttributes redirect) {
        var h = calendar.setHolidayArchived(null, id, archived, caller);
        redirect.addFlashAttribute("message", archived ? "archived" : "restored");
        return "redirect:/school-years?year=" + calendar.schoolYearOn(h.firstDay()).orElseThrow().id();
    }
}
