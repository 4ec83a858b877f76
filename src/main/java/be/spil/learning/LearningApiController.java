package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/schools/{code}/learning-line")
@Tag(name = "Learning line", description = "The school's learning line for digital competences: framework, learning domains, "
    + "planned activities per competence and grade, and its analysis (change: central admin, ICT coordinator, director; read: "
    + "everybody of the school)")
class LearningApiController {
    /** The whole line: the framework (version), the learning domains, the school's grades and the current activities. */
    record LineDocument(long id, long framework, String frameworkName, List<String> domains, List<Grade> grades,
                        List<ActivityView> activities, boolean shared, int version) {}

    /** Sets framework and domains; with {@code activities} also replaces every activity (the old ones are archived). */
    record LinePut(@NotNull Long framework, @NotNull @Size(max = 30) List<@Size(max = 100) String> domains,
                   @Size(max = 5000) List<@Valid ActivityForm> activities, Integer version) {}

    /** Only the fields present change; {@code version} is the one you read; archived=true takes it out of the line. */
    record ActivityPatch(@Size(max = 40) String competence, Grade grade, @Size(max = 100) String domain,
                         @Size(max = 1000) String description, @Size(max = 200) String tool, Step step, WorkForm workForm,
                         Long teacher, Boolean archived, @NotNull Integer version) {}

    private final Schools schools;
    private final LearningLines lines;

    LearningApiController(Schools schools, LearningLines lines) {
        this.schools = schools;
        this.lines = lines;
    }

    private LineDocument document(long school, Caller caller) {
        var line = lines.requireLine(school, caller);
        return new LineDocument(line.id(), line.frameworkId(), line.framework(), line.domains(), line.grades(),
            lines.activities(school, null, null, caller), line.shared(), line.version());
    }

    @GetMapping
    @Operation(summary = "The school's learning line with its activities", description = "404 while the school has not started "
        + "one (PUT starts it). Grades: K1–K3 and L1–L6 for basisonderwijs, S1–S6 (shown as 1–6) for secundair.")
    LineDocument get(Caller caller, @PathVariable String code) {
        return document(schools.visible(code, caller).id(), caller);
    }

    @PutMapping
    @Operation(summary = "Start or change the learning line", description = "framework: the id of a PUPIL framework of the group "
        + "or of the school; domains: the learning domains (at most 30). version: the one read (not for the first PUT). With "
        + "activities the line's activities are replaced: every one is checked first (competence of the framework, grade of the "
        + "school, teacher of the school) and with any error nothing changes; the old ones are archived, not lost. Changing the "
        + "framework keeps the activities; the analysis lists those whose competence the new version lacks.")
    LineDocument put(Caller caller, @PathVariable String code, @Valid @RequestBody LinePut body) {
        long school = schools.visible(code, caller).id();
        lines.replace(school, body.framework(), body.domains(), body.activities(), body.version(), caller);
        return document(school, caller);
    }

    @GetMapping("/analysis")
    @Operation(summary = "The analysis of the learning line", description = "Findings (kind, severity, competence / grade / "
        + "domain, numbers, a message key with arguments that says what to do), counts per severity, coverage, activities per "
        + "grade, domain and work form, and the heat map competence → grade → {count, highest step}. Balance: a grade or "
        + "domain more than balancePercent % above or below the mean is flagged. lang=en for English competence names.")
    LearningLines.Analysis analysis(Caller caller, @PathVariable String code, @RequestParam(required = false) String lang) {
        return lines.analysis(schools.visible(code, caller).id(), "en".equals(lang), caller);
    }

    @GetMapping("/activities")
    @Operation(summary = "The current activities, optionally of one grade or one competence")
    PageResult<ActivityView> activities(Caller caller, @PathVariable String code, @RequestParam(required = false) Grade grade,
                                        @RequestParam(required = false) String competence) {
        var list = lines.activities(schools.visible(code, caller).id(), grade, competence, caller);
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    @PostMapping("/activities")
    @Operation(summary = "Plan an activity in a cell of the learning line", description = "competence: a code of the line's "
        + "framework; grade: one of the school's; step INTRODUCE, PRACTISE or MASTER; workForm CLASS, PARTNER, CORNER, GROUP, "
        + "CONTRACT or SELF_DIRECTED; teacher: a person id of the school.")
    ResponseEntity<ActivityView> create(Caller caller, @PathVariable String code, @Valid @RequestBody ActivityForm form) {
        var school = schools.visible(code, caller);
        var a = lines.createActivity(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/learning-line/activities/" + a.id())).body(a);
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "One activity")
    ActivityView activity(Caller caller, @PathVariable String code, @PathVariable long id) {
        return lines.activity(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/activities/{id}")
    @Operation(summary = "Change an activity, or archive / restore it", description = "Only the fields present change; a stale "
        + "version answers 409 with who changed it and the newer values.")
    ActivityView patch(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody ActivityPatch p) {
        long school = schools.visible(code, caller).id();
        var a = lines.activity(school, id, caller);
        boolean changed = p.competence() != null || p.grade() != null || p.domain() != null || p.description() != null
            || p.tool() != null || p.step() != null || p.workForm() != null || p.teacher() != null;
        var result = a;
        int version = p.version();
        if (changed || p.archived() == null) {
            var form = new ActivityForm(or(p.competence(), a.competence()), p.grade() == null ? a.grade() : p.grade(),
                or(p.domain(), a.domain()), or(p.description(), a.description()), p.tool() == null ? a.tool() : p.tool(),
                p.step() == null ? a.step() : p.step(), p.workForm() == null ? a.workForm() : p.workForm(),
                p.teacher() == null ? a.teacher() : p.teacher(), version);
            result = lines.updateActivity(school, id, form, caller);
            version = result.version();
        }
        if (p.archived() != null) {
            result = lines.setArchived(school, id, p.archived(), version, caller);
        }
        return result;
    }

    @GetMapping("/activities/{id}/history")
    @Operation(summary = "The activity's change history, newest first")
    List<AuditTrail.Entry> history(Caller caller, @PathVariable String code, @PathVariable long id) {
        return lines.activityHistory(schools.visible(code, caller).id(), id, caller);
    }

    @GetMapping("/export.csv")
    @Operation(summary = "The learning line as CSV", description = "One row per activity, by competence and grade; Belgian Excel "
        + "dialect (; and UTF-8 with BOM). grade= for the one-page plan of a grade.")
    ResponseEntity<byte[]> export(Caller caller, @PathVariable String code, @RequestParam(required = false) Grade grade) {
        var school = schools.visible(code, caller);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"leerlijn-" + school.code() + ".csv\"")
            .body(lines.exportCsv(school.id(), grade, caller));
    }

    record SharedPut(@NotNull Boolean shared, Integer version) {}

    record FromTemplate(@NotNull @Size(max = 40) String template) {}

    @PutMapping("/shared")
    @Operation(summary = "Share the learning line with the other schools of the group as a template, or stop sharing",
        description = "shared: true or false; version: the line's version read. Others can then start their own line from it "
            + "(a copy that goes its own way).")
    LineDocument share(Caller caller, @PathVariable String code, @Valid @RequestBody SharedPut body) {
        long school = schools.visible(code, caller).id();
        lines.setShared(school, body.shared(), body.version(), caller);
        return document(school, caller);
    }

    @PostMapping("/from-template")
    @Operation(summary = "Start the school's learning line from a template another school shares", description = "template: "
        + "the code of the sharing school. Framework, domains and activities (of the grades this school has, without class "
        + "teachers) are copied; the copy is then independent. 409 when the school already has a line; 404 for a line not shared.")
    ResponseEntity<LineDocument> fromTemplate(Caller caller, @PathVariable String code, @Valid @RequestBody FromTemplate body) {
        var school = schools.visible(code, caller);
        lines.startFrom(school.id(), body.template(), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/learning-line")).body(document(school.id(), caller));
    }

    record AdoptPost(@NotNull Long framework, @Size(max = 200) java.util.Map<@Size(max = 40) String, @Size(max = 40) String> mapping,
                     Integer version) {}

    @GetMapping("/adopt")
    @Operation(summary = "Preview adopting another version of the framework", description = "framework: the id of the new "
        + "version. Which of the line's competence codes stay, are renamed (same code, other text), are removed (with the "
        + "number of activities on them) and are added.")
    LearningLines.Adoption adoptPreview(Caller caller, @PathVariable String code, @RequestParam long framework) {
        return lines.adoptPreview(schools.visible(code, caller).id(), framework, caller);
    }

    @PostMapping("/adopt")
    @Operation(summary = "Adopt another version of the framework in one step", description = "framework: the new version; "
        + "mapping: {removed code: new code} moves the activities of a removed competence; a removed code left out keeps its "
        + "activities, flagged by the analysis. version: the line's version read. With any error nothing changes.")
    LearningLines.Adopted adopt(Caller caller, @PathVariable String code, @Valid @RequestBody AdoptPost body) {
        return lines.adopt(schools.visible(code, caller).id(), body.framework(), body.mapping(), body.version(), caller);
    }

    @GetMapping("/export.pdf")
    @Operation(summary = "The learning line as PDF", description = "The matrix competence × grade (highest step and number of "
        + "activities) and the plan of every grade; grade= for the class teacher's one-page plan of that grade. lang=en for English.")
    ResponseEntity<byte[]> exportPdf(Caller caller, @PathVariable String code, @RequestParam(required = false) Grade grade,
                                     @RequestParam(required = false) String lang) {
        var school = schools.visible(code, caller);
        return pdf("leerlijn-" + school.code() + (grade == null ? "" : "-" + grade.name()),
            lines.exportPdf(school.id(), grade, java.util.Locale.forLanguageTag("en".equals(lang) ? "en" : "nl"), caller));
    }

    @GetMapping("/analysis.pdf")
    @Operation(summary = "The analysis of the learning line with its findings as PDF", description = "lang=en for English.")
    ResponseEntity<byte[]> analysisPdf(Caller caller, @PathVariable String code, @RequestParam(required = false) String lang) {
        var school = schools.visible(code, caller);
        return pdf("leerlijn-analyse-" + school.code(),
            lines.analysisPdf(school.id(), java.util.Locale.forLanguageTag("en".equals(lang) ? "en" : "nl"), caller));
    }

    static ResponseEntity<byte[]> pdf(String name, byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + ".pdf\"").body(body);
    }

    private static String or(String value, String current) {
        return value == null ? current : value;
    }
}
