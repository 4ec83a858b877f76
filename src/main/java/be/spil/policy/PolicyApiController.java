package be.spil.policy;

import be.spil.audit.AuditTrail;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}")
@Tag(name = "ICT policy plan", description = "The ICT policy plan of a school per school year: texts, goals and actions, "
    + "approved versions, PDF and Markdown (write: central admin, ICT coordinator, director; approve: director, central admin; "
    + "read: everybody of the school)")
class PolicyApiController {
    /** The version of the plan the director read and approves. */
    record ApproveRequest(Integer version) {}

    private final Schools schools;
    private final PolicyPlans plans;
    private final PlanDocuments documents;

    PolicyApiController(Schools schools, PolicyPlans plans, PlanDocuments documents) {
        this.schools = schools;
        this.plans = plans;
        this.documents = documents;
    }

    @GetMapping("/policy-plan")
    @Operation(summary = "The policy plan of a school year", description = "year: a school year's name like 2026-2027; default "
        + "the current one. id and version are null while nobody wrote the plan yet.")
    PlanView plan(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        return plans.plan(schools.visible(code, caller).id(), plans.year(year), caller);
    }

    @PutMapping("/policy-plan")
    @Operation(summary = "Write the whole plan", description = "Texts, goals and their actions. Goals and actions with an id "
        + "are updated, without an id created, left out ones archived. version: the one you read (leave it out for a plan "
        + "not saved yet); a stale version answers 409. An action's owner is a staff member of the school (person id).")
    PlanView replace(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                     @Valid @RequestBody PlanForms.Whole whole) {
        return plans.replace(schools.visible(code, caller).id(), plans.year(year), whole, caller);
    }

    @GetMapping("/policy-plan.{format}")
    @Operation(summary = "The plan as a document with the live figures of this moment", description = "format: pdf, docx (Word) "
        + "or md (Markdown).")
    ResponseEntity<byte[]> download(Caller caller, @PathVariable String code, @PathVariable String format,
                                    @RequestParam(required = false) String year) {
        return documents.download(schools.visible(code, caller), plans.year(year), format, LocaleContextHolder.getLocale(), caller)
            .response();
    }

    @GetMapping("/policy-plan/approvals")
    @Operation(summary = "The approved versions of the plan, newest first, each with the document as it was approved")
    List<PolicyPlans.Approval> approvals(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        return plans.approvals(schools.visible(code, caller).id(), plans.year(year), caller);
    }

    @PostMapping("/policy-plan/approvals")
    @Operation(summary = "Approve the plan as it is now (director or central admin)", description = "version: the plan's version "
        + "you read; a stale one answers 409. The approved document keeps the live figures of this moment.")
    ResponseEntity<PolicyPlans.Approval> approve(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                                 @RequestBody ApproveRequest request) {
        var school = schools.visible(code, caller);
        var approval = documents.approve(school, plans.year(year), request.version(), caller);
        return ResponseEntity.created(java.net.URI.create("/api/v1/schools/" + school.code() + "/policy-plan/approvals/"
            + approval.number() + (year == null ? "" : "?year=" + y(year)))).body(approval);
    }

    @GetMapping("/policy-plan/approvals/{number}")
    @Operation(summary = "One approved version of the plan")
    PolicyPlans.Approval approval(Caller caller, @PathVariable String code, @PathVariable int number,
                                  @RequestParam(required = false) String year) {
        return plans.approval(schools.visible(code, caller).id(), plans.year(year), number, caller);
    }

    private static String y(String year) {
        return org.springframework.web.util.UriUtils.encodeQueryParam(year, StandardCharsets.UTF_8);
    }

    @GetMapping("/policy-plan/history")
    @Operation(summary = "Who changed the plan when, newest first")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        return plans.history(schools.visible(code, caller).id(), plans.year(year), caller);
    }

    @GetMapping("/policy-plan/overdue")
    @Operation(summary = "Open actions past their deadline", description = "All of the school's for those who manage it, "
        + "else the caller's own.")
    List<PolicyPlans.OverdueAction> overdue(Caller caller, @PathVariable String code) {
        return plans.overdue(schools.visible(code, caller).id(), caller);
    }
}
