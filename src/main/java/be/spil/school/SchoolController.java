package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SchoolController {
    private final Schools schools;
    private final AuditTrail audit;

    SchoolController(Schools schools, AuditTrail audit) {
        this.schools = schools;
        this.audit = audit;
    }

    @ModelAttribute("levels")
    SchoolLevel[] levels() {
        return SchoolLevel.values();
    }

    @GetMapping("/schools")
    String list(Caller caller, @RequestParam(defaultValue = "false") boolean archived, Model model) {
        model.addAttribute("schools", schools.visibleSchools(caller, archived));
        model.addAttribute("showArchived", archived);
        return "school/list";
    }

    @GetMapping("/schools/new")
    String newForm(Caller caller, Model model) {
        caller.requireCentralAdmin();
        model.addAttribute("form", SchoolForm.empty());
        return "school/form";
    }

    @PostMapping("/schools")
    String create(Caller caller, @Valid @ModelAttribute("form") SchoolForm form, BindingResult result, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "school/form";
        }
        try {
            var school = schools.create(form, caller);
            redirect.addFlashAttribute("message", "school.created");
            return "redirect:/schools/" + school.code();
        } catch (FieldErrorsException e) {
            Forms.reject(e, result);
            return "school/form";
        }
    }

    @GetMapping("/schools/{code}")
    String show(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("form", SchoolForm.of(school));
        model.addAttribute("history", audit.history(Schools.AUDIT_TYPE, school.id()));
        return "school/show";
    }

    @PostMapping("/schools/{code}")
    String update(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") SchoolForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("history", audit.history(Schools.AUDIT_TYPE, school.id()));
        if (result.hasErrors()) {
            return "school/show";
        }
        try {
            schools.update(code, form, caller);
            redirect.addFlashAttribute("message", "saved");
            return "redirect:/schools/" + code;
        } catch (FieldErrorsException e) {
            Forms.reject(e, result);
        } catch (StaleVersionException e) {
            Forms.conflict(e, model);
            model.addAttribute("form", new SchoolForm(form.code(), form.name(), form.street(), form.postalCode(), form.city(),
                form.institutionNumber(), form.level(), e.currentVersion()));
        }
        return "school/show";
    }

    @PostMapping("/schools/{code}/archive")
    String archive(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "true") boolean archived,
                   RedirectAttributes redirect) {
        schools.visible(code, caller);
        schools.setArchived(code, archived, caller);
        redirect.addFlashAttribute("message", archived ? "archived" : "restored");
        return "redirect:/schools/" + code;
    }
}
