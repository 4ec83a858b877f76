package be.spil.directory;

import be.spil.audit.AuditTrail;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import be.spil.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
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
@RequestMapping("/api/v1/schools/{code}/people")
@Tag(name = "People", description = "Staff, pupils and external technicians of a school, their roles and class")
class PeopleApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record PersonPatch(@Size(max = 100) String firstName, @Size(max = 100) String lastName, @Email @Size(max = 320) String email,
                       PersonKind kind, Set<Role> roles, @Size(max = 200) String password, @Size(max = 40) String group,
                       Boolean archived, @NotNull Integer version,
                       @io.swagger.v3.oas.annotations.media.Schema(description = "The organisation of the group the person works for "
                           + "(an external technician's firm); 0 clears it, absent keeps it") Long organisationId) {}

    private final Schools schools;
    private final People people;

    PeopleApiController(Schools schools, People people) {
        this.schools = schools;
        this.people = people;
    }

    @GetMapping
    @Operation(summary = "Search a school's people by name, email or class; sort by lastName, firstName, email, group or kind")
    PageResult<PersonSummary> list(Caller caller, @PathVariable String code, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) PersonKind kind,
                                   @RequestParam(defaultValue = "false") boolean archived,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                   @RequestParam(required = false) String sort) {
        var school = schools.visible(code, caller);
        return people.search(school.id(), new People.Search(q, kind, archived, sort), new Paging(page, size), caller);
    }

    @PostMapping
    @Operation(summary = "Add a person to a school (a password creates a local sign-in: admins and coordinators only); "
        + "an email already known in another school adds that person to this school; organisationId links them to a firm "
        + "of the group (an external technician, who then sees only the tickets assigned to them)")
    ResponseEntity<PersonView> create(Caller caller, @PathVariable String code, @Valid @RequestBody PersonForm form) {
        var school = schools.visible(code, caller);
        var person = people.create(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/people/" + person.id())).body(person);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person as this school sees them")
    PersonView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return people.get(school.id(), id, caller);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a person; a stale version answers 409 with who changed it and the newer values")
    PersonView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody PersonPatch patch) {
        var school = schools.visible(code, caller);
        var p = people.get(school.id(), id, caller);
        var roles = patch.roles();
        if (roles == null) {
            roles = new java.util.HashSet<>(p.roles());
            if (p.centralAdmin()) {
                roles.add(Role.CENTRAL_ADMIN);
            }
        }
        var form = new PersonForm(or(patch.firstName(), p.firstName()), or(patch.lastName(), p.lastName()),
            or(patch.email(), p.email()), patch.kind() == null ? p.kind() : patch.kind(), roles, patch.password(),
            or(patch.group(), p.group()), patch.version(),
            patch.organisationId() == null ? p.organisationId() : patch.organisationId() == 0 ? null : patch.organisationId());
        var updated = people.update(school.id(), id, form, caller);
        if (patch.archived() != null && patch.archived() != updated.archived()) {
            updated = people.setArchived(school.id(), id, patch.archived(), caller);
        }
        return updated;
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The person's change history, newest first")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return people.history(school.id(), id, caller);
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Everything Spil keeps about this person (GDPR art. 15/20), as a JSON download; managers of the school")
    ResponseEntity<People.Export> export(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        return ResponseEntity.ok()
            .header("Content-Disposition", "attachment; filename=\"person-" + id + ".json\"")
            .body(people.export(school.id(), id, caller));
    }

    private static String or(String value, String current) {
        return value == null ? current : value;
    }
}
