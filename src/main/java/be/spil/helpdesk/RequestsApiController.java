package be.spil.helpdesk;

import be.spil.helpdesk.Requests.Approver;
import be.spil.helpdesk.Requests.FieldForm;
import be.spil.helpdesk.Requests.RequestView;
import be.spil.helpdesk.Requests.TypeForm;
import be.spil.helpdesk.Requests.TypeView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Helpdesk requests", description = "Requests that need approval by the ICT coordinator or the director")
class RequestsApiController {
    enum Decision { APPROVE, REFUSE }

    record TypeCreate(@Size(max = 100) String name, @Size(max = 1000) String description, Approver approver,
                      @Size(max = 12) List<FieldForm> fields) {}

    record TypePatch(@NotNull Boolean archived, @NotNull Integer version) {}

    record RequestCreate(@NotNull Long type, Map<String, String> values) {}

    record DecisionBody(@NotNull Decision decision, @Size(max = 1000) String reason) {}

    private final Schools schools;
    private final Requests requests;

    RequestsApiController(Schools schools, Requests requests) {
        this.schools = schools;
        this.requests = requests;
    }

    @GetMapping("/api/v1/schools/{code}/request-types")
    @Operation(summary = "The request types a school offers (the group's and its own) with their fields")
    List<TypeView> types(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean archived) {
        return requests.types(schools.visible(code, caller).id(), archived, caller);
    }

    @PostMapping("/api/v1/schools/{code}/request-types")
    @Operation(summary = "Add a school's own request type (central admin, ICT coordinator, director)",
        description = "name, description, approver (ICT_COORDINATOR|DIRECTOR) and fields: [{label, kind: TEXT|CHOICE|ASSET|NUMBER|DATE, "
            + "required, choices: \"a;b;c\" for CHOICE}]. Fields are named f1, f2, … in order.")
    ResponseEntity<TypeView> createType(Caller caller, @PathVariable String code, @Valid @RequestBody TypeCreate body) {
        var school = schools.visible(code, caller);
        var type = requests.createType(school.id(), new TypeForm(body.name(), body.description(), body.approver(), body.fields()), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/request-types/" + type.id())).body(type);
    }

    @PatchMapping("/api/v1/schools/{code}/request-types/{id}")
    @Operation(summary = "Archive or restore a request type (the school's: its managers; the group's: central admin)")
    TypeView patchType(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody TypePatch body) {
        return requests.setArchived(schools.visible(code, caller).id(), id, body.archived(), body.version(), caller);
    }

    @PostMapping("/api/v1/schools/{code}/requests")
    @Operation(summary = "Ask for something that needs approval: a ticket with the type's answers",
        description = "type (id) and values: {fieldName: value}. ASSET takes an inventory tag, NUMBER a number, DATE yyyy-mm-dd, "
            + "CHOICE one of the choices.")
    ResponseEntity<TicketView> submit(Caller caller, @PathVariable String code, @Valid @RequestBody RequestCreate body) {
        var school = schools.visible(code, caller);
        var ticket = requests.submit(school.id(), body.type(), body.values(), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/tickets/" + ticket.number())).body(ticket);
    }

    @GetMapping("/api/v1/schools/{code}/tickets/{number}/request")
    @Operation(summary = "The request behind a ticket: type, answers and approval (404 when the ticket is no request)")
    RequestView request(Caller caller, @PathVariable String code, @PathVariable long number) {
        return requests.request(schools.visible(code, caller).id(), number, caller)
            .orElseThrow(() -> new NotFoundException("request", number));
    }

    @PostMapping("/api/v1/schools/{code}/tickets/{number}/approval")
    @Operation(summary = "Approve or refuse a request (its type's approver, or a central admin)",
        description = "decision APPROVE|REFUSE, reason (required to refuse). The requester is answered by a public reply and e-mail.")
    RequestView decide(Caller caller, @PathVariable String code, @PathVariable long number, @Valid @RequestBody DecisionBody body) {
        return requests.decide(schools.visible(code, caller).id(), number, body.decision() == Decision.APPROVE, body.reason(), caller);
    }
}
