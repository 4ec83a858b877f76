package be.spil.helpdesk;

import be.spil.audit.AuditTrail;
import be.spil.helpdesk.Priority.Level;
import be.spil.helpdesk.TicketView.CommentView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Helpdesk", description = "Tickets: everybody of a school reports and follows their own; the ICT team (central admin, "
    + "ICT coordinator, director, technician) works the queue")
class TicketsApiController {
    /** A public reply, or an internal note (team only) that the reporter never sees. */
    record CommentCreate(@Size(max = 8000) String body, Boolean internal) {}

    /**
     * Only the fields present change; assigneeId 0 unassigns, categoryId 0 clears, assetTag "" clears the device, roomId 0
     * the room. {@code version} is the one you read.
     */
    record TicketPatch(@NotNull Integer version, TicketStatus status, Long assigneeId, Long categoryId, Level impact, Level urgency,
                       @Size(max = 200) String subject, @Size(max = 40) String assetTag, Long roomId) {}

    record CategoryCreate(@Size(max = 100) String name, Long parentId) {}

    record CategoryPatch(@Size(max = 100) String name, Boolean archived, @NotNull Integer version) {}

    /** A device to link to a ticket, by its tag. */
    record AssetLink(@Size(max = 30) String tag) {}

    private final Schools schools;
    private final Tickets tickets;
    private final TicketAssets linkedAssets;

    TicketsApiController(Schools schools, Tickets tickets, TicketAssets linkedAssets) {
        this.schools = schools;
        this.tickets = tickets;
        this.linkedAssets = linkedAssets;
    }

    /** The queue's filters and page, the same for a school's queue and the group's. */
    record QueueQuery(String q, Set<TicketStatus> status, Boolean all, String assignee, Long category, Priority priority,
                      Boolean overdue, Boolean mine, String sort, Integer page, Integer size) {
        TicketFilter filter() {
            return new TicketFilter(q, status == null ? Set.of() : status, Boolean.TRUE.equals(all), assignee, category, priority,
                Boolean.TRUE.equals(overdue), Boolean.TRUE.equals(mine), sort);
        }

        Paging paging() {
            return new Paging(page == null ? 0 : page, size == null ? 50 : size);
        }
    }

    @GetMapping("/api/v1/schools/{code}/tickets")
    @Operation(summary = "The queue (ICT team) or the caller's own tickets (everybody else), one page",
        description = "q: text or a ticket number. status (repeatable; default the open ones; all=true for every status), "
            + "assignee=me|none|<person id>, category (id, with its sub-categories), priority, overdue=true, mine=true (own reports). "
            + "sort=created|updated|due|priority|number[,asc|desc]; page (from 0), size (50, at most 500). "
            + "total is exact up to 5,000; 5,001 means more than 5,000.")
    PageResult<TicketSummary> list(Caller caller, @PathVariable String code, @ParameterObject QueueQuery query) {
        return tickets.search(schools.visible(code, caller).id(), query.filter(), query.paging(), caller);
    }

    @GetMapping("/api/v1/tickets")
    @Operation(summary = "The queue over all the caller's schools (central admins: the whole group), one page",
        description = "For the ICT team of several schools: every school the caller works the helpdesk of, or one (school=<code>; "
            + "another school answers 404). Same filters as a school's queue; each row names its schoolCode. Others get 403.")
    PageResult<TicketSummary> groupList(Caller caller, @RequestParam(required = false) String school, @ParameterObject QueueQuery query) {
        Long schoolId = school == null || school.isBlank() ? null : schools.visible(school, caller).id();
        return tickets.searchGroup(schoolId, query.filter(), query.paging(), caller);
    }

    @PostMapping("/api/v1/schools/{code}/tickets")
    @Operation(summary = "Report a problem", description = "subject (required) and description; optionally assetTag, roomId, "
        + "categoryId, impact and urgency (LOW|MEDIUM|HIGH, default MEDIUM). The priority and SLA due times follow.")
    ResponseEntity<TicketView> create(Caller caller, @PathVariable String code, @Valid @RequestBody ReportForm body) {
        var school = schools.visible(code, caller);
        var ticket = tickets.report(school.id(), body, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/tickets/" + ticket.number())).body(ticket);
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}")
    @Operation(summary = "One ticket with its conversation (internal notes for the ICT team only)")
    TicketView get(Caller caller, @PathVariable String code, @PathVariable long number) {
        return tickets.get(schools.visible(code, caller).id(), number, caller);
    }

    @PatchMapping("/api/v1/schools/{code}/tickets/{number}")
    @Operation(summary = "Change status, assignee, category, impact, urgency, subject, device or room (ICT team)",
        description = "All or nothing. The status must be allowed from the current one; a stale version answers 409.")
    TicketView patch(Caller caller, @PathVariable String code, @PathVariable long number, @Valid @RequestBody TicketPatch p) {
        long school = schools.visible(code, caller).id();
        return tickets.change(school, number, new TicketChange(p.version(), p.status(), p.assigneeId(), p.categoryId(), p.impact(),
            p.urgency(), p.subject(), p.assetTag(), p.roomId()), caller);
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}/assets")
    @Operation(summary = "Devices linked to the ticket besides the one it was reported with")
    List<TicketAssets.LinkedAsset> linkedAssets(Caller caller, @PathVariable String code, @PathVariable long number) {
        return linkedAssets.list(schools.visible(code, caller).id(), number, caller);
    }

    @PostMapping("/api/v1/schools/{code}/tickets/{number}/assets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a device of the school to the ticket (ICT team)",
        description = "tag: the device's asset tag. Unknown tags answer 400, a device already linked 409; at most 50.")
    TicketAssets.LinkedAsset link(Caller caller, @PathVariable String code, @PathVariable long number, @Valid @RequestBody AssetLink body) {
        return linkedAssets.link(schools.visible(code, caller).id(), number, body.tag(), caller);
    }

    @DeleteMapping("/api/v1/schools/{code}/tickets/{number}/assets/{tag}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink a device from the ticket (ICT team)")
    void unlink(Caller caller, @PathVariable String code, @PathVariable long number, @PathVariable String tag) {
        linkedAssets.unlink(schools.visible(code, caller).id(), number, tag, caller);
    }

    @PostMapping("/api/v1/schools/{code}/tickets/{number}/comments")
    @Operation(summary = "Reply on a ticket", description = "The reporter's reply reopens a resolved ticket within 14 days; "
        + "internal=true makes a note only the ICT team sees.")
    ResponseEntity<CommentView> comment(Caller caller, @PathVariable String code, @PathVariable long number,
                                        @Valid @RequestBody CommentCreate body) {
        var school = schools.visible(code, caller);
        var comment = tickets.comment(school.id(), number, body.body(), Boolean.TRUE.equals(body.internal()), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/tickets/" + number)).body(comment);
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}/history")
    @Operation(summary = "The ticket's change history, newest first (ICT team)")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @PathVariable long number) {
        return tickets.history(schools.visible(code, caller).id(), number, caller);
    }

    @GetMapping("/api/v1/schools/{code}/tickets/sla")
    @Operation(summary = "The SLA targets per priority, in minutes of school time (lesson periods on school days)")
    List<SlaTarget> sla(Caller caller, @PathVariable String code) {
        return tickets.slaTargets(schools.visible(code, caller).id(), caller);
    }

    @PutMapping("/api/v1/schools/{code}/tickets/sla")
    @Operation(summary = "Give the school its own SLA targets (central admin, ICT coordinator, director)",
        description = "A list of {priority, responseMinutes, resolveMinutes}; priorities left out keep the group's default, an "
            + "empty list returns to the group's targets.")
    List<SlaTarget> replaceSla(Caller caller, @PathVariable String code, @RequestBody List<SlaTarget> body) {
        return tickets.replaceSlaTargets(schools.visible(code, caller).id(), body, caller);
    }

    @GetMapping("/api/v1/ticket-categories")
    @Operation(summary = "The school group's ticket categories (a tree through parentId)")
    List<CategoryView> categories(Caller caller, @RequestParam(defaultValue = "false") boolean archived) {
        return tickets.categories(archived);
    }

    @PostMapping("/api/v1/ticket-categories")
    @Operation(summary = "Add a ticket category, optionally under another (central admin)")
    ResponseEntity<CategoryView> createCategory(Caller caller, @Valid @RequestBody CategoryCreate body) {
        var c = tickets.createCategory(body.name(), body.parentId(), caller);
        return ResponseEntity.created(URI.create("/api/v1/ticket-categories/" + c.id())).body(c);
    }

    @PatchMapping("/api/v1/ticket-categories/{id}")
    @Operation(summary = "Rename or archive a ticket category (central admin)")
    CategoryView updateCategory(Caller caller, @PathVariable long id, @Valid @RequestBody CategoryPatch body) {
        return tickets.updateCategory(id, body.name(), body.archived(), body.version(), caller);
    }
}
