package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Helpdesk")
class TicketMergesApiController {
    /** The ticket to merge into (a number of the same school) and the version of the duplicate as read. */
    record MergeBody(@NotNull Long into, @NotNull Integer version) {}

    private final Schools schools;
    private final TicketMerges merges;

    TicketMergesApiController(Schools schools, TicketMerges merges) {
        this.schools = schools;
        this.merges = merges;
    }

    @PostMapping("/api/v1/schools/{code}/tickets/{number}/merge")
    @Operation(summary = "Merge this ticket (a duplicate) into another ticket of the same school (ICT team)",
        description = "into: the number of the ticket that stays; version: this ticket's version. The conversation, files, device "
            + "and room move to it; this ticket is closed with a pointer and its reporter follows the other. Answers that ticket.")
    TicketView mergeApi(Caller caller, @PathVariable String code, @PathVariable long number, @Valid @RequestBody MergeBody body) {
        return merges.merge(schools.visible(code, caller).id(), number, body.into(), body.version(), caller);
    }
}
