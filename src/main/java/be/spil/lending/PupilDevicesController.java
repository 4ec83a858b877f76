package be.spil.lending;

import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolCalendar;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 1:1 devices of a school year: per class who has what, lend one, take one back, print the hand-over form. */
@Controller
class PupilDevicesController {
    private final Schools schools;
    private final PupilDevices devices;
    private final People people;
    private final SchoolCalendar calendar;
    private final HandOverForm forms;
    private final MessageSource messages;

    PupilDevicesController(Schools schools, PupilDevices devices, People people, SchoolCalendar calendar, HandOverForm forms,
                           MessageSource messages) {
        this.schools = schools;
        this.devices = devices;
        this.people = people;
        this.calendar = calendar;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/schools/{code}/pupil-devices")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) Long year, Model model) {
        var school = schools.visible(code, caller);
        var years = calendar.schoolYears();
        Long chosen = year != null ? year : calendar.currentSchoolYear().map(y -> y.id()).orElse(years.isEmpty() ? null : years.get(0).id());
        var byClass = new LinkedHashMap<String, List<PupilDeviceView>>();
        if (chosen != null) {
            for (var d : devices.list(school.id(), chosen, false, caller)) {
                byClass.computeIfAbsent(d.group() == null ? "—" : d.group(), k -> new java.util.ArrayList<>()).add(d);
            }
        }
        model.addAttribute("school", school);
        model.addAttribute("years", years);
        model.addAttribute("year", chosen);
        model.addAttribute("byClass", byClass);
        model.addAttribute("canManage", Pools.canManage(caller, school.id()));
        model.addAttribute("conditions", Condition.values());
        if (Pools.canManage(caller, school.id())) {
            model.addAttribute("pupils", people.search(school.id(), new People.Search(null, PersonKind.PUPIL, false, null),
                new Paging(0, Paging.MAX_SIZE), caller).items());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", PupilDeviceForm.empty());
        }
        return "lending/pupil-devices";
    }

    @PostMapping("/schools/{code}/pupil-devices")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") PupilDeviceForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                devices.assign(school.id(), form, caller);
                redirect.addFlashAttribute("message", "loan1.created");
                return "redirect:/schools/" + school.code() + "/pupil-devices";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return list(caller, code, null, model);
    }

    @PostMapping("/schools/{code}/pupil-devices/{id}/return")
    String giveBack(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) Condition condition,
                    @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                    RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            devices.giveBack(school.id(), id, condition, note, null, version, caller);
            redirect.addFlashAttribute("message", "loan1.returned");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("errors", e.errors().stream()
                .map(f -> messages.getMessage(f.code(), f.args(), f.code(), LocaleContextHolder.getLocale())).toList());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("conflict", e);
        }
        return "redirect:/schools/" + school.code() + "/pupil-devices";
    }

    @GetMapping("/schools/{code}/pupil-devices/{id}/form.pdf")
    ResponseEntity<byte[]> form(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        var loan = devices.get(school.id(), id, caller);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header("Content-Disposition", "inline; filename=\"overdracht-" + loan.tag() + ".pdf\"")
            .body(forms.pdf(school.id(), school.name(), loan, LocaleContextHolder.getLocale()));
    }
}
