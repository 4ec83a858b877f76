package be.spil.helpdesk;

import be.spil.helpdesk.TicketAttachments.AttachmentView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Helpdesk")
class TicketAttachmentsApiController {
    private final Schools schools;
    private final TicketAttachments attachments;

    TicketAttachmentsApiController(Schools schools, TicketAttachments attachments) {
        this.schools = schools;
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}/attachments")
    @Operation(summary = "The files of a ticket (the reporter does not see internal ones)")
    List<AttachmentView> list(Caller caller, @PathVariable String code, @PathVariable long number) {
        return attachments.list(schools.visible(code, caller).id(), number, caller);
    }

    @PostMapping(path = "/api/v1/schools/{code}/tickets/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add photos or PDFs to a ticket (multipart field \"file\", repeatable)",
        description = "JPEG, PNG, WebP, HEIC or PDF, recognised by their content; at most 10 files of 10 MB each (configurable). "
            + "internal=true (ICT team only) hides them from the reporter. All or nothing.")
    ResponseEntity<List<AttachmentView>> add(Caller caller, @PathVariable String code, @PathVariable long number,
                                             @RequestParam(name = "file", required = false) List<MultipartFile> files,
                                             @RequestParam(defaultValue = "false") boolean internal) {
        var school = schools.visible(code, caller);
        var added = attachments.add(school.id(), number, internal,
            TicketAttachmentsController.uploads(files, attachments.maxBytes()), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/tickets/" + number + "/attachments"))
            .body(added);
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}/attachments/{id}")
    @Operation(summary = "One file of a ticket, as it was sent")
    org.springframework.http.ResponseEntity<byte[]> download(Caller caller, @PathVariable String code, @PathVariable long number,
                                                             @PathVariable long id) {
        var school = schools.visible(code, caller);
        return TicketAttachmentsController.serve(attachments.download(school.id(), number, id, caller));
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}/attachments/{id}/thumbnail")
    @Operation(summary = "A photo's small preview (JPEG, at most 320 px on the longest side)",
        description = "404 when the file has none (a PDF, WebP or HEIC, an image that cannot be read or has more than 50 million pixels); "
            + "the attachment's \"thumbnail\" field says whether it has one.")
    ResponseEntity<byte[]> thumbnail(Caller caller, @PathVariable String code, @PathVariable long number, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return TicketAttachmentsController.thumbnail(attachments, school.id(), number, id, caller);
    }
}
