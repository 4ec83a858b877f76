package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Merging a duplicate into another ticket: the form on the ticket page. */
@Controller
class TicketMergesController {
    private final Schools schools;
    private final TicketMerges merges;

    TicketMergesController(Schools schools, TicketMerges merges) {
        this.schools = schools;
        this.merges = merges;
    }

    @PostMapping("/schools/{code}/tickets/{number}/merge")
    String merge(Caller caller, @PathVariable String code, @PathVariable long number, @RequestParam(required = false) String into,
                 @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            Long target;
            try {
                target = into == null || into.isBlank() ? null : Long.valueOf(into.trim().replace("#", ""));
            } catch (NumberFormatException e) {
                throw FieldErrorsException.of("into", "ticket.merge.unknown", into);
            }
            var a = merges.merge(school.id(), number, target, version, caller);
            redirect.addFlashAttribute("message", "ticket.merge.done");
            return "redirect:/schools/" + school.code() + "/tickets/" + a.number();
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("mergeError", e.errors().get(0));
            redirect.addFlashAttribute("mergeInto", into);
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("message", "request.type.stale");
        }
        return "redirect:/schools/" + school.code() + "/tickets/" + number;
    }
}
