package be.spil.policy;

import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The usage rules page: the rules in force per audience, the draft, approval, acceptance by staff and per class. */
@Controller
class UsageRulesController {
    private final Schools schools;
    private final UsageRules rules;
    private final People people;

    UsageRulesController(Schools schools, UsageRules rules, People people) {
        this.schools = schools;
        this.rules = rules;
        this.people = people;
    }

    @GetMapping("/schools/{code}/policy/rules")
    String page(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "STAFF") UsageRules.Audience audience,
                Model model) {
        var school = schools.visible(code, caller);
        boolean manage = caller.canManage(school.id());
        model.addAttribute("school", school);
        model.addAttribute("audience", audience);
        model.addAttribute("canManage", manage);
        model.addAttribute("canApprove", caller.centralAdmin() || caller.has(school.id(), Role.DIRECTOR));
        var current = rules.current(school.id(), audience, caller);
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("draft", rules.draft(school.id(), audience, caller).orElse(null));
        model.addAttribute("approvedVersions", rules.approved(school.id(), audience, caller));
        model.addAttribute("mustAccept", audience == UsageRules.Audience.STAFF && rules.mustAccept(school.id(), caller));
        if (manage && audience == UsageRules.Audience.STAFF && current.isPresent()) {
            var accepted = rules.acceptances(school.id(), current.get().id(), caller);
            var staff = people.search(school.id(), new People.Search(null, PersonKind.STAFF, false, null), new Paging(0, Paging.MAX_SIZE),
                caller).items();
            model.addAttribute("acceptedCount", staff.stream().filter(p -> accepted.containsKey(p.id())).count());
            model.addAttribute("staffCount", staff.size());
            model.addAttribute("notAccepted", staff.stream().filter(p -> !accepted.containsKey(p.id())).toList());
        }
        if (audience == UsageRules.Audience.PUPILS) {
            model.addAttribute("classes", rules.classes(school.id(), caller));
        }
        return "policy/rules";
    }

    private static String back(SchoolView school, UsageRules.Audience audience) {
        return "redirect:/schools/" + school.code() + "/policy/rules?audience=" + audience;
    }

    @PostMapping("/schools/{code}/policy/rules/draft")
    String saveDraft(Caller caller, @PathVariable String code, @RequestParam UsageRules.Audience audience,
                     @RequestParam(required = false) String body, @RequestParam(required = false) Integer version,
                     RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            rules.saveDraft(school.id(), audience, body, version, caller);
            redirect.addFlashAttribute("message", "policy.rules.saved");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
            redirect.addFlashAttribute("rejectedBody", body);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", "policy.rules.stale");
            redirect.addFlashAttribute("rejectedBody", body);
        }
        return back(school, audience);
    }

    @PostMapping("/schools/{code}/policy/rules/approve")
    String approve(Caller caller, @PathVariable String code, @RequestParam UsageRules.Audience audience,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            rules.approve(school.id(), audience, version, caller);
            redirect.addFlashAttribute("message", "policy.rules.approved");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", "policy.rules.stale");
        }
        return back(school, audience);
    }

    @PostMapping("/schools/{code}/policy/rules/accept")
    String accept(Caller caller, @PathVariable String code, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        rules.accept(school.id(), caller);
        redirect.addFlashAttribute("message", "policy.rules.accepted");
        return back(school, UsageRules.Audience.STAFF);
    }

    @PostMapping("/schools/{code}/policy/rules/classes/{group}")
    String recordClass(Caller caller, @PathVariable String code, @PathVariable long group,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                       RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            rules.recordClass(school.id(), group, receivedOn, caller);
            redirect.addFlashAttribute("message", "policy.rules.classRecorded");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
        }
        return back(school, UsageRules.Audience.PUPILS);
    }
}
