package be.spil.directory;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.Role;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People of a school: list and search (htmx: the results fragment), create, edit, archive, history. */
@Controller
class PeopleController {
    private final Schools schools;
    private final People people;
    private final Groups groups;
    private final Organisations organisations;

    PeopleController(Schools schools, People people, Groups groups, Organisations organisations) {
        this.schools = schools;
        this.people = people;
        this.groups = groups;
        this.organisations = organisations;
    }

    @GetMapping("/schools/{code}/people")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                @RequestParam(required = false) PersonKind kind, @RequestParam(defaultValue = "false") boolean archived,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String sort,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        var school = schools.visible(code, caller);
        var result = people.search(school.id(), new People.Search(q, kind, archived, sort), new Paging(Math.max(page, 0), 50), caller);
        model.addAttribute("school", school);
        model.addAttribute("result", result);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", kind);
        model.addAttribute("archived", archived);
        model.addAttribute("kinds", PersonKind.values());
        model.addAttribute("canManage", caller.canManage(school.id()));
        return htmx != null ? "directory/people :: results" : "directory/people";
    }

    @GetMapping("/schools/{code}/people/new")
    String newForm(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        formModel(caller, school, model);
        model.addAttribute("form", PersonForm.empty());
        return "directory/person-form";
    }

    @PostMapping("/schools/{code}/people")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") PersonForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        formModel(caller, school, model);
        if (result.hasErrors()) {
            return "directory/person-form";
        }
        try {
            var person = people.create(school.id(), form, caller);
            redirect.addFlashAttribute("message", "person.created");
            return "redirect:/schools/" + code + "/people/" + person.id();
        } catch (FieldErrorsException e) {
            Forms.reject(e, result);
            return "directory/person-form";
        }
    }

    @GetMapping("/schools/{code}/people/{id}")
    String show(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var person = people.get(school.id(), id, caller);
        formModel(caller, school, model);
        model.addAttribute("person", person);
        model.addAttribute("form", new PersonForm(person.firstName(), person.lastName(), person.email(), person.kind(),
            withCentral(person), null, person.group(), person.version(), person.organisationId()));
        model.addAttribute("history", people.history(school.id(), id, caller));
        return "directory/person";
    }

    @PostMapping("/schools/{code}/people/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") PersonForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var person = people.get(school.id(), id, caller);
        formModel(caller, school, model);
        model.addAttribute("person", person);
        model.addAttribute("history", people.history(school.id(), id, caller));
        if (result.hasErrors()) {
            return "directory/person";
        }
        try {
            people.update(school.id(), id, form, caller);
            redirect.addFlashAttribute("message", "saved");
            return "redirect:/schools/" + code + "/people/" + id;
        } catch (FieldErrorsException e) {
            Forms.reject(e, result);
        } catch (StaleVersionException e) {
            Forms.conflict(e, model);
            model.addAttribute("form", new PersonForm(form.firstName(), form.lastName(), form.email(), form.kind(), form.roles(),
                null, form.group(), e.currentVersion(), form.organisationId()));
        }
        return "directory/person";
    }

    @PostMapping("/schools/{code}/people/{id}/archive")
    String archive(Caller caller, @PathVariable String code, @PathVariable long id,
                   @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        people.setArchived(school.id(), id, archived, caller);
        redirect.addFlashAttribute("message", archived ? "person.archived" : "person.restored");
        return "redirect:/schools/" + code + "/people/" + id;
    }

    /** The person's data as a JSON download (GDPR art. 15/20). */
    @GetMapping(value = "/schools/{code}/people/{id}/export", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<People.Export> export(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return org.springframework.http.ResponseEntity.ok()
            .header("Content-Disposition", "attachment; filename=\"person-" + id + ".json\"")
            .body(people.export(school.id(), id, caller));
    }

    private void formModel(Caller caller, SchoolView school, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("kinds", PersonKind.values());
        model.addAttribute("roles", caller.centralAdmin() ? List.of(Role.values())
            : List.of(Role.ICT_COORDINATOR, Role.DIRECTOR, Role.STAFF, Role.TECHNICIAN));
        model.addAttribute("groups", groups.list(school.id(), false, caller));
        // the group's active organisations, by name: a person (an external technician) may work for one of them
        model.addAttribute("organisations", organisations.search(null, null, false, new Paging(0, Paging.MAX_SIZE)).items());
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("canSetPasswords", caller.canSetPasswords(school.id()));
    }

    private static java.util.Set<Role> withCentral(PersonView person) {
        var set = new java.util.TreeSet<>(person.roles());
        if (person.centralAdmin()) {
            set.add(Role.CENTRAL_ADMIN);
        }
        return set;
    }
}
