package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}/trainings")
@Tag(name = "Training", description = "Training (nascholing) of the school's staff: sessions of the ICT team or external "
    + "providers, DigCompEdu competences addressed, registrations and attendance, hours per teacher per school year, and the "
    + "training plan (change and participants: central admin, ICT coordinator, director; read: everybody of the school)")
class TrainingsApiController {
    /** Only the fields present change; {@code version} is the one you read; archived=true takes it out of the list. */
    record TrainingPatch(@Size(max = 200) String title, @Size(max = 200) String provider, Boolean internal, LocalDate startDate,
                         LocalDate endDate, @DecimalMin("0.25") @DecimalMax("500") BigDecimal hours,
                         @DecimalMin("0") @DecimalMax("1000000") BigDecimal cost, @Size(max = 30) List<@Size(max = 40) String> competences,
                         @Size(max = 500) String materials, Boolean archived, @NotNull Integer version) {}

    record ParticipantIn(@NotNull Long person, @NotNull TrainingView.Status status) {}

    /** The whole set of participants; people left out are no longer registered. */
    record Participants(@NotNull @Size(max = 500) List<@Valid @NotNull ParticipantIn> participants, @NotNull Integer version) {}

    private final Schools schools;
    private final Trainings trainings;
    private final SelfAssessments assessments;

    TrainingsApiController(Schools schools, Trainings trainings, SelfAssessments assessments) {
        this.schools = schools;
        this.trainings = trainings;
        this.assessments = assessments;
    }

    @GetMapping
    @Operation(summary = "The trainings of a school year", description = "year: a school year's name like 2025-2026; default "
        + "the current one. archived=true for the archived ones. Participants: all for managers, only your own for others.")
    PageResult<TrainingView> list(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                  @RequestParam(defaultValue = "false") boolean archived) {
        long school = schools.visible(code, caller).id();
        var list = trainings.list(school, assessments.year(year), archived, caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping
    @Operation(summary = "Record a training", description = "title; provider; internal (given by the ICT team); startDate "
        + "(its school year must exist); endDate (not before startDate); hours per participant (0.25–500); cost in EUR; "
        + "competences: DigCompEdu codes like 2.1; materials: an http(s) link.")
    ResponseEntity<TrainingView> create(Caller caller, @PathVariable String code, @Valid @RequestBody TrainingForm form) {
        var school = schools.visible(code, caller);
        var t = trainings.create(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/trainings/" + t.id())).body(t);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One training")
    TrainingView get(Caller caller, @PathVariable String code, @PathVariable long id) {
        return trainings.get(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a training, or archive / restore it", description = "Only the fields present change; a stale "
        + "version answers 409 with who changed it and the newer values.")
    TrainingView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody TrainingPatch p) {
        long school = schools.visible(code, caller).id();
        var t = trainings.get(school, id, caller);
        boolean changed = p.title() != null || p.provider() != null || p.internal() != null || p.startDate() != null
            || p.endDate() != null || p.hours() != null || p.cost() != null || p.competences() != null || p.materials() != null;
        var result = t;
        int version = p.version();
        if (changed || p.archived() == null) {
            var form = new TrainingForm(p.title() == null ? t.title() : p.title(), p.provider() == null ? t.provider() : p.provider(),
                p.internal() == null ? t.internal() : p.internal(), p.startDate() == null ? t.startDate() : p.startDate(),
                p.endDate() == null ? t.endDate() : p.endDate(), p.hours() == null ? t.hours() : p.hours(),
                p.cost() == null ? t.cost() : p.cost(), p.competences() == null ? t.competences() : p.competences(),
                p.materials() == null ? t.materials() : p.materials(), version);
            result = trainings.update(school, id, form, caller);
            version = result.version();
        }
        if (p.archived() != null) {
            result = trainings.setArchived(school, id, p.archived(), version, caller);
        }
        return result;
    }

    @PutMapping("/{id}/participants")
    @Operation(summary = "Set who is registered (PLANNED) and who attended (ATTENDED)", description = "participants: "
        + "[{\"person\": id, \"status\": \"PLANNED\"|\"ATTENDED\"}]; each a staff member of the school; version: the training's.")
    TrainingView participants(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody Participants body) {
        long school = schools.visible(code, caller).id();
        var map = new LinkedHashMap<Long, TrainingView.Status>();
        body.participants().forEach(p -> map.put(p.person(), p.status()));
        return trainings.setParticipants(school, id, map, body.version(), caller);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The training's change history, newest first")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @PathVariable long id) {
        return trainings.history(schools.visible(code, caller).id(), id, caller);
    }

    @GetMapping("/hours")
    @Operation(summary = "Training hours per teacher in a school year (managers)", description = "Hours attended and still "
        + "planned per person, of the trainings not archived.")
    List<Trainings.Hours> hours(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        long school = schools.visible(code, caller).id();
        return trainings.hours(school, assessments.year(year), caller);
    }

    @GetMapping("/plan")
    @Operation(summary = "The training plan of a school year (managers)", description = "Per DigCompEdu competence: the team's "
        + "mean self-assessed level (only when at least 5 people answered), weak (mean below B1), and the trainings of the year "
        + "that address it with their participants; gaps: weak competences without a training.")
    Trainings.Plan plan(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                        @RequestParam(required = false) String lang) {
        long school = schools.visible(code, caller).id();
        return trainings.plan(school, assessments.year(year), "en".equals(lang), caller);
    }
}
