package be.spil.agents;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import be.spil.shared.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agents", description = "Automatic inventory: agent keys (central admin, ICT coordinator, director), reporting agents "
    + "and the hardware details they report (everybody of the school)")
class AgentsApiController {
    /** A new agent key: a name saying where it is used. */
    record KeyCreate(@Size(max = 100) String name) {}

    private final Schools schools;
    private final AgentKeys keys;
    private final AgentViews views;

    AgentsApiController(Schools schools, AgentKeys keys, AgentViews views) {
        this.schools = schools;
        this.keys = keys;
        this.views = views;
    }

    @GetMapping("/api/v1/schools/{code}/agent-keys")
    @Operation(summary = "The school's agent keys (never the keys themselves)")
    List<AgentKeys.AgentKey> keys(Caller caller, @PathVariable String code) {
        return keys.list(schools.visible(code, caller).id(), caller);
    }

    @PostMapping("/api/v1/schools/{code}/agent-keys")
    @Operation(summary = "Make an agent key",
        description = "Answers {\"key\": …} once; agents sign in at /agent with HTTP Basic: user = the school's code, password = the key.")
    ResponseEntity<AgentKeys.Made> create(Caller caller, @PathVariable String code, @Valid @RequestBody(required = false) KeyCreate body) {
        var school = schools.visible(code, caller);
        String name = body == null || body.name() == null ? "agents" : body.name();
        var made = keys.create(school.id(), name, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/agent-keys/" + made.id())).body(made);
    }

    @PostMapping("/api/v1/schools/{code}/agent-keys/{id}/revoke")
    @Operation(summary = "Revoke an agent key: agents using it are refused from now on")
    ResponseEntity<Void> revoke(Caller caller, @PathVariable String code, @PathVariable long id) {
        keys.revoke(schools.visible(code, caller).id(), id, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/schools/{code}/agents")
    @Operation(summary = "The agents that report for the school, most recently heard first",
        description = "stale=true: only those without an inventory for the configured number of days (30 by default).")
    PageResult<AgentViews.Agent> agents(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean stale,
                                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return views.agents(schools.visible(code, caller).id(), stale, new Paging(page, size), caller);
    }

    @GetMapping("/api/v1/schools/{code}/assets/{tag}/computer")
    @Operation(summary = "What the asset's agent last reported: OS, CPU, memory, disks, interfaces, BIOS, peripherals, software")
    AgentViews.Computer computer(Caller caller, @PathVariable String code, @PathVariable String tag) {
        return views.computer(schools.visible(code, caller).id(), tag, caller);
    }
}
