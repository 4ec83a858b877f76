package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
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

    TicketPageExtras(Schools schools, TicketAttachments attachments, Requests requests, TicketMerges merges, TicketAssets linkedAssets) {
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

    @ModelAttribute("attachmentMaxMb")
    long attachmentMaxMb() {
        return attachments.maxBytes() / (1024 * 1024);
    }
}
