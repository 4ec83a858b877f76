package be.spil.policy;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}/surveys")
@Tag(name = "Needs surveys", description = "Anonymous needs surveys of a school (write: central admin, ICT coordinator, director; "
    + "answer: people of the school; results only from 5 responses on)")
class SurveysApiController {
    record NewSurvey(String title, UsageRules.Audience audience, Boolean template) {}

    record NewQuestion(Surveys.Kind kind, Surveys.Area area, String question, String choices) {}

    record StatusChange(Surveys.Status status, Integer version) {}

    private final Schools schools;
    private final Surveys surveys;

    SurveysApiController(Schools schools, Surveys surveys) {
        this.schools = schools;
        this.surveys = surveys;
    }

    @GetMapping
    @Operation(summary = "The school's surveys (drafts only for those who manage the school)")
    List<Surveys.Survey> list(Caller caller, @PathVariable String code) {
        return surveys.list(schools.visible(code, caller).id(), caller);
    }

    @PostMapping
    @Operation(summary = "Start a survey", description = "template=true fills it with Spil's questions along the SELFIE areas.")
    ResponseEntity<Surveys.Survey> create(Caller caller, @PathVariable String code, @RequestBody NewSurvey form) {
        var school = schools.visible(code, caller);
        var survey = surveys.create(school.id(), form.title(), form.audience(), Boolean.TRUE.equals(form.template()), LocaleContextHolder.getLocale(), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/surveys/" + survey.id())).body(survey);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One survey with its questions")
    Surveys.Survey get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return surveys.get(schools.visible(code, caller).id(), id, caller);
    }

    @PostMapping("/{id}/questions")
    @Operation(summary = "Add a question to a draft", description = "kind LIKERT (1–5), CHOICE (choices: one per line, 2–20) or OPEN.")
    Surveys.Survey addQuestion(Caller caller, @PathVariable String code, @PathVariable long id, @RequestBody NewQuestion q) {
        return surveys.addQuestion(schools.visible(code, caller).id(), id, q.kind(), q.area(), q.question(), q.choices(), caller);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Open a draft (DRAFT → OPEN) or close it (OPEN → CLOSED), with the version you read")
    Surveys.Survey status(Caller caller, @PathVariable String code, @PathVariable long id, @RequestBody StatusChange change) {
        return surveys.setStatus(schools.visible(code, caller).id(), id, change.status(), change.version(), caller);
    }

    @PostMapping("/{id}/responses")
    @Operation(summary = "Answer an open survey, once, anonymously", description = "A map of question id to answer: a score 1–5, "
        + "one of the choices, or text (open questions may be left out). The answer is stored without the person.")
    ResponseEntity<Void> answer(Caller caller, @PathVariable String code, @PathVariable long id, @RequestBody Map<Long, String> answers) {
        surveys.answer(schools.visible(code, caller).id(), id, answers, caller);
        return ResponseEntity.status(201).build();
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "The results: per question counts, averages or answers; none below 5 responses")
    Surveys.Results results(Caller caller, @PathVariable String code, @PathVariable long id) {
        return surveys.results(schools.visible(code, caller).id(), id, caller);
    }
}
