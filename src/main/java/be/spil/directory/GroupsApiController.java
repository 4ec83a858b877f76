package be.spil.directory;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
@RequestMapping("/api/v1/schools/{code}/groups")
@Tag(name = "Groups", description = "Classes/groups of a school with their grade (leerjaar)")
class GroupsApiController {
    record GroupPatch(@Size(max = 40) String name, @Min(0) @Max(12) Integer grade, Boolean archived, @NotNull Integer version) {}

    private final Schools schools;
    private final Groups groups;

    GroupsApiController(Schools schools, Groups groups) {
        this.schools = schools;
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "A school's classes/groups")
    PageResult<GroupView> list(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean archived) {
        var list = groups.list(schools.visible(code, caller).id(), archived, caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping
    @Operation(summary = "Add a class/group")
    ResponseEntity<GroupView> create(Caller caller, @PathVariable String code, @Valid @RequestBody GroupForm form) {
        var school = schools.visible(code, caller);
        var group = groups.create(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/groups/" + group.id())).body(group);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One class/group")
    GroupView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return groups.get(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a class/group or change its grade; a stale version answers 409")
    GroupView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody GroupPatch patch) {
        long school = schools.visible(code, caller).id();
        var g = groups.get(school, id, caller);
        var updated = groups.update(school, id, new GroupForm(patch.name() == null ? g.name() : patch.name(),
            patch.grade() == null ? g.grade() : patch.grade(), patch.version()), caller);
        if (patch.archived() != null && patch.archived() != updated.archived()) {
            updated = groups.setArchived(school, id, patch.archived(), caller);
        }
        return updated;
    }
}
