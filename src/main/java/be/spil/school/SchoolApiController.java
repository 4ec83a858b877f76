package be.spil.school;

import be.spil.audit.AuditTrail;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/v1/schools")
@Tag(name = "Schools", description = "The school group's schools (create and change: central admin)")
class SchoolApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record SchoolPatch(@Size(max = 200) String name, @Size(max = 200) String street, @Size(max = 10) String postalCode,
                       @Size(max = 100) String city, @Size(max = 20) @Pattern(regexp = "[0-9]*") String institutionNumber,
                       SchoolLevel level, Boolean archived, @NotNull Integer version) {}

    private final Schools schools;
    private final AuditTrail audit;

    SchoolApiController(Schools schools, AuditTrail audit) {
        this.schools = schools;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The schools you may see")
    PageResult<SchoolView> list(Caller caller, @RequestParam(defaultValue = "false") boolean archived) {
        var list = schools.visibleSchools(caller, archived);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping
    @Operation(summary = "Create a school (central admin)")
    ResponseEntity<SchoolView> create(Caller caller, @Valid @RequestBody SchoolForm form) {
        var school = schools.create(form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code())).body(school);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One school")
    SchoolView get(Caller caller, @PathVariable String code) {
        return schools.visible(code, caller);
    }

    @PatchMapping("/{code}")
    @Operation(summary = "Change a school (central admin); a stale version answers 409")
    SchoolView patch(Caller caller, @PathVariable String code, @Valid @RequestBody SchoolPatch patch) {
        var s = schools.visible(code, caller);
        var form = new SchoolForm(s.code(), or(patch.name(), s.name()), or(patch.street(), s.street()),
            or(patch.postalCode(), s.postalCode()), or(patch.city(), s.city()), or(patch.institutionNumber(), s.institutionNumber()),
            patch.level() == null ? s.level() : patch.level(), patch.version());
        var updated = schools.update(code, form, caller);
        if (patch.archived() != null && patch.archived() != updated.archived()) {
            updated = schools.setArchived(code, patch.archived(), caller);
        }
        return updated;
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "The school's change history, newest first")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code) {
        return audit.history(Schools.AUDIT_TYPE, schools.visible(code, caller).id());
    }

    private static String or(String value, String current) {
        return value == null ? current : value;
    }
}
