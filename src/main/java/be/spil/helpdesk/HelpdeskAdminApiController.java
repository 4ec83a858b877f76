package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Helpdesk setup", description = "A school's helpdesk settings, the group's category tree and default SLA targets")
class HelpdeskAdminApiController {
    record SettingsUpdate(Boolean autoAssign, @NotNull Integer version) {}

    record CategoryMove(Long parentId, @Min(0) @Max(HelpdeskAdmin.MAX_POSITION) Integer position, @NotNull Integer version) {}

    private final Schools schools;
    private final HelpdeskSettings settings;
    private final HelpdeskAdmin admin;

    HelpdeskAdminApiController(Schools schools, HelpdeskSettings settings, HelpdeskAdmin admin) {
        this.schools = schools;
        this.settings = settings;
        this.admin = admin;
    }

    @GetMapping("/api/v1/schools/{code}/helpdesk-settings")
    @Operation(summary = "The school's helpdesk settings (autoAssign: new tickets go to whoever carries first-line help)")
    HelpdeskSettings.Settings get(Caller caller, @PathVariable String code) {
        return settings.get(schools.visible(code, caller).id(), caller);
    }

    @PutMapping("/api/v1/schools/{code}/helpdesk-settings")
    @Operation(summary = "Switch auto-assignment of new tickets on or off (central admin, ICT coordinator, director)",
        description = "{autoAssign, version}; a stale version answers 409.")
    HelpdeskSettings.Settings put(Caller caller, @PathVariable String code, @Valid @RequestBody SettingsUpdate body) {
        return settings.update(schools.visible(code, caller).id(), body.autoAssign(), body.version(), caller);
    }

    @PostMapping("/api/v1/ticket-categories/{id}/move")
    @Operation(summary = "Move a ticket category under a top-level category or to the top, at a position (central admin)",
        description = "{parentId (null: top level), position 0–10000, version}. Two levels only: a category with "
            + "sub-categories stays at the top.")
    CategoryView move(Caller caller, @PathVariable long id, @Valid @RequestBody CategoryMove body) {
        return admin.move(id, body.parentId(), body.position(), body.version(), caller);
    }

    @GetMapping("/api/v1/ticket-sla")
    @Operation(summary = "The group's default SLA targets per priority, in minutes of school time")
    List<SlaTarget> groupSla(Caller caller) {
        return admin.groupTargets();
    }

    @PutMapping("/api/v1/ticket-sla")
    @Operation(summary = "Replace the group's default SLA targets (central admin)",
        description = "A list with each priority once: {priority, responseMinutes, resolveMinutes}, 1–100,000 minutes, "
            + "the response not after the resolution. Schools' own targets stay.")
    List<SlaTarget> replaceGroupSla(Caller caller, @RequestBody List<SlaTarget> body) {
        return admin.replaceGroupTargets(body, caller);
    }
}
