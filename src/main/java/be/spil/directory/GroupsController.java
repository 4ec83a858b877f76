package be.spil.directory;

import be.spil.school.Schools;
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

/** Classes/groups of a school: list, add, rename, archive. */
@Controller
class GroupsController {
    private final Schools schools;
    private final Groups groups;

    GroupsController(Schools schools, Groups groups) {
        this.schools = schools;
        this.groups = groups;
    }

    @GetMapping("/schools/{code}/groups")
    String list(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean archived, Model model) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("groups", groups.list(school.id(), archived, caller));
        model.addAttribute("archived", archived);
        model.addAttribute("canManage", caller.canManage(school.id()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new GroupForm("", null, null));
        }
        return "directory/groups";
    }

    @PostMapping("/schools/{code}/groups")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") GroupForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                groups.create(school.id(), form, caller);
                redirect.addFlashAttribute("message", "group.created");
                return "redirect:/schools/" + code + "/groups";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return list(caller, code, false, model);
    }

    @PostMapping("/schools/{code}/groups/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") GroupForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                groups.update(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + code + "/groups";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
            }
        }
        model.addAttribute("editing", id);
        return list(caller, code, false, model);
    }

    @PostMapping("/schools/{code}/groups/{id}/archive")
    String archive(Caller caller, @PathVariable String code, @PathVariable long id,
                   @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        groups.setArchived(school.id(), id, archived, caller);
        redirect.addFlashAttribute("message", archived ? "group.archived" : "group.restored");
        return "redirect:/schools/" + code + "/groups";
    }
}
