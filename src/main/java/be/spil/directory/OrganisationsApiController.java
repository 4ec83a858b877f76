package be.spil.directory;

import be.spil.audit.AuditTrail;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "Suppliers, external firms, the umbrella organisation, with contacts (shared by the school group)")
class OrganisationsApiController {
    /** Only the fields present change; {@code contacts}, when present, replaces the whole list. */
    record OrganisationPatch(String name, OrganisationKind kind, String enterpriseNumber, String email, String phone, String website,
                             String address, String notes, List<Contact> contacts, Boolean archived, @NotNull Integer version) {}

    private final Organisations organisations;

    OrganisationsApiController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    @Operation(summary = "Search organisations by name, email or contact")
    PageResult<Organisations.Summary> list(Caller caller, @RequestParam(required = false) String q,
                                           @RequestParam(required = false) OrganisationKind kind,
                                           @RequestParam(defaultValue = "false") boolean archived,
                                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return organisations.search(q, kind, archived, new Paging(page, size));
    }

    @PostMapping
    @Operation(summary = "Add an organisation (central admins, ICT coordinators, directors)")
    ResponseEntity<OrganisationView> create(Caller caller, @Valid @RequestBody OrganisationForm form) {
        var o = organisations.create(form, caller);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + o.id())).body(o);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organisation with its contacts")
    OrganisationView get(Caller caller, @PathVariable long id) {
        return organisations.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an organisation; a stale version answers 409")
    OrganisationView patch(Caller caller, @PathVariable long id, @Valid @RequestBody OrganisationPatch p) {
        var o = organisations.get(id);
        var form = new OrganisationForm(or(p.name(), o.name()), p.kind() == null ? o.kind() : p.kind(),
            or(p.enterpriseNumber(), o.enterpriseNumber()), or(p.email(), o.email()), or(p.phone(), o.phone()),
            or(p.website(), o.website()), or(p.address(), o.address()), or(p.notes(), o.notes()),
            p.contacts() == null ? o.contacts() : p.contacts(), p.version());
        var updated = organisations.update(id, form, caller);
        if (p.archived() != null && p.archived() != updated.archived()) {
            updated = organisations.setArchived(id, p.archived(), caller);
        }
        return updated;
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The organisation's change history, newest first")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable long id) {
        return organisations.history(id);
    }

    private static String or(String value, String current) {
        return value == null ? current : value;
    }
}
