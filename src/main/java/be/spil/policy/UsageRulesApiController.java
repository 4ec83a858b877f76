package be.spil.policy;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}/usage-rules/{audience}")
@Tag(name = "Usage rules", description = "The school's usage rules for STAFF and for PUPILS: draft (coordinator, director), "
    + "approval (director, central admin), acceptance by staff, paper forms per class")
class UsageRulesApiController {
    record Draft(String body, Integer version) {}

    record Approve(Integer version) {}

    record ClassForms(LocalDate receivedOn) {}

    /** The rules in force (null when none are approved), the draft (null when none), and every approved version. */
    record Rules(UsageRules.Version current, UsageRules.Version draft, List<UsageRules.Version> approved, boolean mustAccept) {}

    private final Schools schools;
    private final UsageRules rules;

    UsageRulesApiController(Schools schools, UsageRules rules) {
        this.schools = schools;
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "The usage rules of an audience: in force, draft, approved versions, and whether the caller must accept")
    Rules get(Caller caller, @PathVariable String code, @PathVariable UsageRules.Audience audience) {
        long school = schools.visible(code, caller).id();
        return new Rules(rules.current(school, audience, caller).orElse(null), rules.draft(school, audience, caller).orElse(null),
            rules.approved(school, audience, caller),
            audience == UsageRules.Audience.STAFF && rules.mustAccept(school, caller));
    }

    @PutMapping("/draft")
    @Operation(summary = "Write the draft", description = "body: the text (1–20,000 characters); version: the draft's version "
        + "you read, left out for a new draft; a stale one answers 409.")
    UsageRules.Version draft(Caller caller, @PathVariable String code, @PathVariable UsageRules.Audience audience,
                             @RequestBody Draft draft) {
        return rules.saveDraft(schools.visible(code, caller).id(), audience, draft.body(), draft.version(), caller);
    }

    @PostMapping("/approvals")
    @Operation(summary = "Approve the draft as the new version in force (director, central admin)")
    ResponseEntity<UsageRules.Version> approve(Caller caller, @PathVariable String code, @PathVariable UsageRules.Audience audience,
                                               @RequestBody Approve approve) {
        return ResponseEntity.status(201).body(rules.approve(schools.visible(code, caller).id(), audience, approve.version(), caller));
    }

    @PostMapping("/acceptances")
    @Operation(summary = "Accept the staff rules in force, as the caller (STAFF audience only)")
    ResponseEntity<Void> accept(Caller caller, @PathVariable String code, @PathVariable UsageRules.Audience audience) {
        if (audience != UsageRules.Audience.STAFF) {
            throw be.spil.shared.FieldErrorsException.of("audience", "policy.rules.acceptStaffOnly");
        }
        rules.accept(schools.visible(code, caller).id(), caller);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/classes/{group}")
    @Operation(summary = "Record the day a class's signed paper forms came in (PUPILS audience)")
    List<UsageRules.ClassAcceptance> recordClass(Caller caller, @PathVariable String code, @PathVariable UsageRules.Audience audience,
                                                 @PathVariable long group, @RequestBody ClassForms forms) {
        if (audience != UsageRules.Audience.PUPILS) {
            throw be.spil.shared.FieldErrorsException.of("audience", "policy.rules.classesPupilsOnly");
        }
        long school = schools.visible(code, caller).id();
        rules.recordClass(school, group, forms.receivedOn(), caller);
        return rules.classes(school, caller);
    }
}
