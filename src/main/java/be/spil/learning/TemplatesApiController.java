package be.spil.learning;

import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Learning line", description = "The school's learning line for digital competences")
class TemplatesApiController {
    private final LearningLines lines;

    TemplatesApiController(LearningLines lines) {
        this.lines = lines;
    }

    @GetMapping("/api/v1/learning-templates")
    @Operation(summary = "The learning lines the schools of the group share as templates", description = "For everybody of "
        + "a school of the group: the sharing school's code and name, its level, the framework (version) and the number of "
        + "activities. Start your own with POST /api/v1/schools/{code}/learning-line/from-template.")
    PageResult<LearningLines.Template> list(Caller caller) {
        var list = lines.templates(caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @GetMapping("/api/v1/learning-templates/{school}")
    @Operation(summary = "One shared learning line with its activities", description = "404 when that school does not share "
        + "its line. Class teachers are left out: they belong to the sharing school.")
    LearningLines.TemplateLine get(Caller caller, @PathVariable String school) {
        return lines.template(school, caller);
    }
}
