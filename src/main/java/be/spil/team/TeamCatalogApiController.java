package be.spil.team;

import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/team/catalog")
@Tag(name = "ICT team catalog of the school group", description = "The task catalog every school starts from; central admins "
    + "add, rename, retire and restore its tasks for all schools (a school's own tasks and renames stay its own)")
class TeamCatalogApiController {
    private final Team team;

    TeamCatalogApiController(Team team) {
        this.team = team;
    }

    @GetMapping("/tasks")
    @Operation(summary = "The group's catalog, retired tasks included, as published (without schools' renames)")
    PageResult<TaskView> tasks(Caller caller) {
        var list = team.catalog(caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping("/tasks")
    @Operation(summary = "Publish a new task to every school", description = "code: unique over the catalog and every school's "
        + "own tasks (409 when taken); levels: CENTRAL, CORE, OTHER.")
    ResponseEntity<TaskView> create(Caller caller, @Valid @RequestBody TaskForm form) {
        var task = team.createCatalogTask(form, caller);
        return ResponseEntity.created(URI.create("/api/v1/team/catalog/tasks/" + task.code())).body(task);
    }

    @PatchMapping("/tasks/{task}")
    @Operation(summary = "Rename, retire or restore a catalog task for every school", description = "A school that renamed the "
        + "task keeps its own name; a retired catalog task is retired in every school, its divisions and history stay. "
        + "A stale version answers 409.")
    TaskView patch(Caller caller, @PathVariable String task, @Valid @RequestBody TeamApiController.TaskPatch patch) {
        return team.patchCatalogTask(task, patch.name(), patch.nameEn(), patch.retired(), patch.version(), caller);
    }
}
