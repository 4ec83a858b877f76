package be.spil.learning;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}/learning/self-assessment")
@Tag(name = "Teachers' digital competence", description = "Self-assessment on DigCompEdu per school year: everybody of the "
    + "school reads and writes only their own answers; central admin, ICT coordinator and director see aggregates of at "
    + "least 5 people")
class SelfAssessmentApiController {
    /** The whole set of answers: competence code → level (and goal); competences left out are no longer answered. */
    record Answers(@NotNull @Size(max = 100) Map<String, SelfAssessments.Answer> answers) {}

    private final Schools schools;
    private final SelfAssessments assessments;

    SelfAssessmentApiController(Schools schools, SelfAssessments assessments) {
        this.schools = schools;
        this.assessments = assessments;
    }

    @GetMapping
    @Operation(summary = "The caller's own self-assessment of a school year", description = "year: a school year's name like "
        + "2025-2026; default the current one.")
    SelfAssessments.Mine mine(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        long school = schools.visible(code, caller).id();
        return assessments.mine(school, assessments.year(year), caller);
    }

    @PutMapping
    @Operation(summary = "Save the caller's own self-assessment of a school year", description = "answers: {\"1.1\": {\"level\": "
        + "\"B1\", \"goal\": \"B2\"}, …}; codes of DigCompEdu's competences, levels A1–C2, the goal not below the level.")
    SelfAssessments.Mine save(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                              @Valid @RequestBody Answers body) {
        long school = schools.visible(code, caller).id();
        return assessments.save(school, assessments.year(year), body.answers(), caller);
    }

    @GetMapping("/team")
    @Operation(summary = "The team's aggregates of a school year", description = "Per area and competence: respondents, mean "
        + "level (A1 = 1 … C2 = 6) and people per level, only when at least minimum (5) people answered; competences with a "
        + "mean below B1 are suggested for training; the mean per area over the school years. Never anything per person.")
    SelfAssessments.TeamView team(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                  @RequestParam(required = false) String lang) {
        long school = schools.visible(code, caller).id();
        return assessments.team(school, assessments.year(year), "en".equals(lang), caller);
    }
}
