package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue's "assign the selected tickets" form. */
@Controller
class TicketBulkAssignController {
    private final Schools schools;
    private final TicketBulkAssign bulk;

    TicketBulkAssignController(Schools schools, TicketBulkAssign bulk) {
        this.schools = schools;
        this.bulk = bulk;
    }

    @PostMapping("/schools/{code}/tickets/bulk-assign")
    String assign(Caller caller, @PathVariable String code, @RequestParam(name = "number", required = false) List<Long> numbers,
                  @RequestParam(required = false) Long assigneeId, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            int n = bulk.assign(school.id(), numbers, assigneeId, caller);
            redirect.addFlashAttribute("bulkDone", n);
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("bulkError", e.errors().get(0));
        }
        return "redirect:/schools/" + school.code() + "/tickets";
    }
}
