package be.spil.helpdesk;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Helpdesk")
class HelpdeskFiguresApiController {
    private final Schools schools;
    private final HelpdeskFigures figures;

    HelpdeskFiguresApiController(Schools schools, HelpdeskFigures figures) {
        this.schools = schools;
        this.figures = figures;
    }

    @GetMapping("/api/v1/schools/{code}/helpdesk/figures")
    @Operation(summary = "The helpdesk in figures for a school (ICT team, director): backlog per month, tickets per category and "
        + "asset, first response and resolution against the SLA per priority", description = "months: 1–36 back from this month (default 12).")
    HelpdeskFigures.Report schoolApi(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "12") int months) {
        return figures.report(schools.visible(code, caller).id(), months, caller);
    }

    @GetMapping("/api/v1/helpdesk/figures")
    @Operation(summary = "The helpdesk in figures for the whole school group (central admin), with tickets per school")
    HelpdeskFigures.Report groupApi(Caller caller, @RequestParam(defaultValue = "12") int months) {
        return figures.report(null, months, caller);
    }
}
