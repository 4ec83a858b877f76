package be.spil.helpdesk;

import be.spil.helpdesk.TicketAttachments.Upload;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Files on the web pages: the report form and the reply form post as multipart when they carry files (this controller;
 * plain posts stay with {@link TicketsController}), and a ticket's files are served to whoever may see them.
 */
@Controller
class TicketAttachmentsController {
    private final Schools schools;
    private final TicketAttachments attachments;

    TicketAttachmentsController(Schools schools, TicketAttachments attachments) {
        this.schools = schools;
        this.attachments = attachments;
    }

    @PostMapping(path = "/schools/{code}/tickets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String report(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") ReportForm form, BindingResult result,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        if (!result.hasErrors()) {
            try {
                var ticket = attachments.reportWith(school.id(), form, uploads(files, attachments.maxBytes()), caller);
                redirect.addFlashAttribute("message", "ticket.reported");
                return "redirect:/schools/" + school.code() + "/tickets/" + ticket.number();
            } catch (FieldErrorsException e) {
                if ("files".equals(e.errors().get(0).field())) {
                    redirect.addFlashAttribute("filesError", e.errors().get(0));
                } else {
                    Forms.reject(e, result);
                }
            }
        }
        // back to the form with what was typed and the errors (files must be chosen again: browsers do not keep them)
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        return "redirect:/schools/" + school.code() + "/tickets/new";
    }

    @PostMapping(path = "/schools/{code}/tickets/{number}/comments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String comment(Caller caller, @PathVariable String code, @PathVariable long number, @RequestParam(required = false) String body,
                   @RequestParam(defaultValue = "false") boolean internal,
                   @RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            attachments.commentWith(school.id(), number, body, internal, uploads(files, attachments.maxBytes()), caller);
            redirect.addFlashAttribute("message", internal ? "ticket.noteAdded" : "ticket.replied");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("files".equals(e.errors().get(0).field()) ? "filesError" : "commentError", e.errors().get(0));
            redirect.addFlashAttribute("commentBody", body);
        }
        return "redirect:/schools/" + school.code() + "/tickets/" + number;
    }

    @GetMapping("/schools/{code}/tickets/{number}/attachments/{id}")
    ResponseEntity<byte[]> download(Caller caller, @PathVariable String code, @PathVariable long number, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return serve(attachments.download(school.id(), number, id, caller));
    }

    /** A photo's small preview: never changes for its id, so the browser keeps it (privately) instead of asking again. */
    @GetMapping("/schools/{code}/tickets/{number}/attachments/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(Caller caller, @PathVariable String code, @PathVariable long number, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return thumbnail(attachments, school.id(), number, id, caller);
    }

    /** The preview with its headers, or 404 when the file has none. */
    static ResponseEntity<byte[]> thumbnail(TicketAttachments attachments, long schoolId, long number, long id, Caller caller) {
        return attachments.thumbnail(schoolId, number, id, caller)
            .map(bytes -> ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)).cachePrivate())
                .eTag("\"thumb-" + id + "\"")
                .body(bytes))
            .orElseThrow(() -> new be.spil.shared.NotFoundException("thumbnail", id));
    }

    /** A file with its type, its name for saving, no type sniffing, and nothing it could run. */
    static ResponseEntity<byte[]> serve(TicketAttachments.Download d) {
        var disposition = (d.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(d.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(d.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "default-src 'none'; sandbox")
            .cacheControl(CacheControl.noCache().cachePrivate())
            .body(d.content());
    }

    /** The chosen files (an empty file input sends one empty part without a name: left out); a too-big file is not read. */
    static List<Upload> uploads(List<MultipartFile> files, long maxBytes) {
        var list = new ArrayList<Upload>();
        if (files == null) {
            return list;
        }
        for (var f : files) {
            if (f == null || (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))) {
                continue;
            }
            try {
                list.add(new Upload(f.getOriginalFilename(), f.getSize(), f.getSize() > maxBytes ? new byte[0] : f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list;
    }
}
