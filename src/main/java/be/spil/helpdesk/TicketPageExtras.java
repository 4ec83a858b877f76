package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the ticket pages show besides the ticket itself: its files, linked devices and the request behind it (on the pages of one ticket) and the size limit for
 * new ones. Kept apart from {@link TicketsController} so that each addition to the page stays in its own class.
 */
@ControllerAdvice(assignableTypes = TicketsController.class)
class TicketPageExtras {
    private final Schools schools;
    private final TicketAttachments attachments;
    private final Requests requests;
    private final TicketMerges merges;
    private final TicketAssets linkedAssets;
    private final Tickets tickets;
    private final Clock clock;

    /** For the reporter of a resolved or closed ticket: until when a reply reopens it, and whether that time has passed. */
    record Reopen(Instant until, boolean expired, long days) {}

    TicketPageExtras(Schools schools, TicketAttachments attachments, Requests requests, TicketMerges merges, TicketAssets linkedAssets,
                     Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
        this.schools = schools;
        this.attachments = attachments;
        this.requests = requests;
        this.merges = merges;
        this.linkedAssets = linkedAssets;
    }

    /** Devices linked besides the reported one (on the pages of one ticket). */
    @ModelAttribute("linkedAssets")
    List<TicketAssets.LinkedAsset> linkedAssets(Caller caller, @PathVariable(required = false) String code,
                                                @PathVariable(required = false) Long number) {
        if (code == null || number == null) {
            return List.of();
        }
        return linkedAssets.list(schools.visible(code, caller).id(), number, caller);
    }

    /** The ticket this one was merged into, or null. */
    @ModelAttribute("mergedInto")
    TicketMerges.MergedInto mergedInto(Caller caller, @PathVariable(required = false) String code,
                                       @PathVariable(required = false) Long number) {
        if (code == null || number == null) {
            return null;
        }
        return merges.mergedInto(schools.visible(code, caller).id(), number, caller).orElse(null);
    }

    /** The request behind the ticket (type, answers, approval), or null when it is no request. */
    @ModelAttribute("request")
    Requests.RequestView request(Caller caller, @PathVariable(required = false) String code, @PathVariable(required = false) Long number) {
        if (code == null || number == null) {
            return null;
        }
        return requests.request(schools.visible(code, caller).id(), number, caller).orElse(null);
    }

    @ModelAttribute("attachments")
    List<TicketAttachments.AttachmentView> attachments(Caller caller, @PathVariable(required = false) String code,
                                                       @PathVariable(required = false) Long number) {
        if (code == null || number == null) {
            return List.of();
        }
        return attachments.list(schools.visible(code, caller).id(), number, caller);
    }

    /** Null unless the caller reported this ticket and it is resolved or closed. */
    @ModelAttribute("reopen")
    Reopen reopen(Caller caller, @PathVariable(required = false) String code, @PathVariable(required = false) Long number) {
        if (code == null || number == null) {
            return null;
        }
        var ticket = tickets.get(schools.visible(code, caller).id(), number, caller);
        if (ticket.reporterId() != caller.personId() || ticket.resolvedAt() == null
                || !(ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED)) {
            return null;
        }
        Instant until = ticket.resolvedAt().plus(Ticket.REOPEN_WINDOW);
        return new Reopen(until, until.isBefore(clock.instant()), Ticket.REOPEN_WINDOW.toDays());
    }

    @ModelAttribute("attachmentMaxMb")
    long attachmentMaxMb() {
        return attachments.maxBytes() / (1024 * 1024);
    }
}
