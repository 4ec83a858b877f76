package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Linking and unlinking devices: the small form on the ticket page. */
@Controller
class TicketAssetsController {
    private final Schools schools;
    private final TicketAssets linkedAssets;

    TicketAssetsController(Schools schools, TicketAssets linkedAssets) {
        this.schools = schools;
        this.linkedAssets = linkedAssets;
    }

    @PostMapping("/schools/{code}/tickets/{number}/assets")
    String link(Caller caller, @PathVariable String code, @PathVariable long number, @RequestParam(required = false) String tag,
                RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            linkedAssets.link(school.id(), number, tag, caller);
            redirect.addFlashAttribute("message", "ticket.assets.linked");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("linkError", e.errors().get(0));
            redirect.addFlashAttribute("linkTag", tag == null || tag.length() > 30 ? "" : tag);
        }
        return "redirect:/schools/" + school.code() + "/tickets/" + number + "#linkedAssets";
    }

    @PostMapping("/schools/{code}/tickets/{number}/assets/{tag}/delete")
    String unlink(Caller caller, @PathVariable String code, @PathVariable long number, @PathVariable String tag,
                  RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        linkedAssets.unlink(school.id(), number, tag, caller);
        redirect.addFlashAttribute("message", "ticket.assets.unlinked");
        return "redirect:/schools/" + school.code() + "/tickets/" + number + "#linkedAssets";
    }
}
