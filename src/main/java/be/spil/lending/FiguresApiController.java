package be.spil.lending;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Device pools")
class FiguresApiController {
    private final Schools schools;
    private final LendingFigures figures;

    FiguresApiController(Schools schools, LendingFigures figures) {
        this.schools = schools;
        this.figures = figures;
    }

    @GetMapping("/api/v1/schools/{code}/lending/figures")
    @Operation(summary = "Lending figures of a school year (by name, the current one when left out): per pool the share of "
        + "lesson periods reserved and the no-shows (confirmed reservations that ended without a hand-out), and per class the "
        + "devices returned damaged or missing from pool loans and 1:1 devices; for the ICT team")
    LendingFigures.Figures figures(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        var school = schools.visible(code, caller);
        return figures.figures(school.id(), year, caller);
    }
}
