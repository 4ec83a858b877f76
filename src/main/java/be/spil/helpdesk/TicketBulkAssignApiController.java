package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Helpdesk")
class TicketBulkAssignApiController {
    record BulkAssign(@Size(max = 200) List<Long> numbers, Long assigneeId) {}

    private final Schools schools;
    private final TicketBulkAssign bulk;

    TicketBulkAssignApiController(Schools schools, TicketBulkAssign bulk) {
        this.schools = schools;
        this.bulk = bulk;
    }

    @PostMapping("/api/v1/schools/{code}/tickets/bulk-assign")
    @Operation(summary = "Assign several tickets to one team member at once (ICT team)",
        description = "numbers: up to 200 ticket numbers; assigneeId: a team member, or 0/null to unassign. All or nothing.")
    Map<String, Integer> assign(Caller caller, @PathVariable String code, @Valid @RequestBody BulkAssign body) {
        return Map.of("assigned", bulk.assign(schools.visible(code, caller).id(), body.numbers(), body.assigneeId(), caller));
    }
}
