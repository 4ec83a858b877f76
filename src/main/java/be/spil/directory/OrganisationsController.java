package be.spil.directory;

import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
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

/** The organisations directory: list and search, add, edit with contacts, archive. */
@Controller
class OrganisationsController {
    private final Organisations organisations;

    OrganisationsController(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The form's constructor drops empty contact rows; their request parameters then point nowhere and are ignored. */
    @org.springframework.web.bind.annotation.InitBinder("form")
    void binder(org.springframework.web.bind.WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
    }

    @ModelAttribute
    void common(Caller caller, Model model) {
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("canManage", Organisations.mayManage(caller));
    }

    @GetMapping("/organisations")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) OrganisationKind kind,
                @RequestParam(defaultValue = "false") boolean archived, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("result", organisations.search(q, kind, archived, new Paging(Math.max(page, 0), 50)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("kind", kind);
        model.addAttribute("archived", archived);
        return htmx != null ? "directory/organisations :: results" : "directory/organisations";
    }

    @GetMapping("/organisations/new")
    String newForm(Caller caller, Model model) {
        if (!Organisations.mayManage(caller)) {
            throw new org.springframework.security.access.AccessDeniedException("not allowed");
        }
        model.addAttribute("form", OrganisationForm.empty());
        return "directory/organisation";
    }

    @PostMapping("/organisations")
    String create(Caller caller, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var o = organisations.create(form, caller);
                redirect.addFlashAttribute("message", "organisation.created");
                return "redirect:/organisations/" + o.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        return "directory/organisation";
    }

    @GetMapping("/organisations/{id}")
    String show(@PathVariable long id, Model model) {
        var o = organisations.get(id);
        model.addAttribute("organisation", o);
        model.addAttribute("form", new OrganisationForm(o.name(), o.kind(), o.enterpriseNumber(), o.email(), o.phone(), o.website(),
            o.address(), o.notes(), o.contacts(), o.version()));
        model.addAttribute("history", organisations.history(id));
        return "directory/organisation";
    }

    @PostMapping("/organisations/{id}")
    String update(Caller caller, @PathVariable long id, @Valid @ModelAttribute("form") OrganisationForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var o = organisations.get(id);
        model.addAttribute("organisation", o);
        model.addAttribute("history", organisations.history(id));
        if (!result.hasErrors()) {
            try {
                organisations.update(id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/organisations/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                model.addAttribute("form", new OrganisationForm(form.name(), form.kind(), form.enterpriseNumber(), form.email(),
                    form.phone(), form.website(), form.address(), form.notes(), form.contacts(), e.currentVersion()));
            }
        }
        return "directory/organisation";
    }

    @PostMapping("/organisations/{id}/archive")
    String archive(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived, RedirectAttributes redirect) {
        organisations.setArchived(id, archived, caller);
        redirect.addFlashAttribute("message", archived ? "archived" : "restored");
        return "redirect:/organisations/" + id;
    }
}
