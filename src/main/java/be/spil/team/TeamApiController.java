package be.spil.team;

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
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schools/{code}/team")
@Tag(name = "ICT team", description = "Task catalog, team members per school year, task division and coverage analysis "
    + "(change: central admin, ICT coordinator, director; read: everybody of the school)")
class TeamApiController {
    /** Only the fields present change; {@code version} is the one you read. */
    record TaskPatch(@Size(max = 300) String name, @Size(max = 300) String nameEn, Boolean retired, @NotNull Integer version) {}

    /** Only the fields present change; hours per year unless unit is WEEK; {@code version} is the one you read. */
    record MemberPatch(Set<Cluster> profile, Education education, @DecimalMin("0") @DecimalMax("2000") Double ictHours,
                       @DecimalMin("0") @DecimalMax("2000") Double bptHours, @DecimalMin("0") @DecimalMax("2000") Double operatingHours,
                       @DecimalMin("0") @DecimalMax("2000") Double pointsHours, @DecimalMin("0") @DecimalMax("2000") Double otherHours,
                       MemberForm.HoursUnit unit, Boolean archived, @NotNull Integer version) {}

    /** Only the fields present change; {@code version} is the one you read. */
    record AssignmentPatch(Long responsible, @Size(max = 20) List<Long> backups, Level level, FundingSource funding,
                           @DecimalMin("0") @DecimalMax("2000") Double hours, @NotNull Integer version) {}

    /** The coverage analysis of a school year: the findings, most serious first, and how many of each severity. */
    record Coverage(String year, List<Finding> findings, Map<Finding.Severity, Long> counts) {}

    /** Copy a school year's team and division into another: both by name, like 2025-2026. */
    record CopyRequest(@jakarta.validation.constraints.NotBlank @Size(max = 20) String from,
                       @jakarta.validation.constraints.NotBlank @Size(max = 20) String to) {}

    /** A member's job description text; {@code version}: the one read (0 when it was generated, never saved). */
    record JobText(@jakarta.validation.constraints.NotBlank @Size(max = JobDescriptions.MAX_LENGTH) String text,
                   @NotNull Integer version) {}

    private final Schools schools;
    private final Team team;
    private final AuditTrail audit;
    private final JobDescriptions jobs;
    private final TeamDocuments documents;
    private final TeamDivisionController pages;

    TeamApiController(Schools schools, Team team, AuditTrail audit, JobDescriptions jobs, TeamDocuments documents,
                      TeamDivisionController pages) {
        this.schools = schools;
        this.team = team;
        this.audit = audit;
        this.jobs = jobs;
        this.documents = documents;
        this.pages = pages;
    }

    private be.spil.school.SchoolYearView yearNamed(String name, String field) {
        try {
            return team.year(name);
        } catch (be.spil.shared.FieldErrorsException e) {
            throw be.spil.shared.FieldErrorsException.of(field, "team.year.unknown", name == null ? "" : name.trim());
        }
    }

    @PostMapping("/copy")
    @Operation(summary = "Copy a school year's team and division into another school year",
        description = "Members still in the team and assignments of tasks not retired; responsibles and backups follow their "
            + "member. Refused (409, field to) when the target year already has members or assignments; 400 when both years "
            + "are the same or the source year has no team. Answers 201 with how many members and assignments were copied.")
    ResponseEntity<Team.CopyResult> copy(Caller caller, @PathVariable String code, @Valid @RequestBody CopyRequest request) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var from = yearNamed(request.from(), "from");
        var to = yearNamed(request.to(), "to");
        var result = team.copyDivision(school.id(), from.id(), to.id(), caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/team/assignments?year=" + to.name())).body(result);
    }

    @GetMapping("/compare")
    @Operation(summary = "Compare the division of two school years",
        description = "from and to: school years by name (to: default the current one; from: default the year before to). "
            + "Per task: responsible, backups, level, funding and hours in each year and the change (ADDED, REMOVED, MOVED, HOURS, "
            + "UNCHANGED); per person or organisation: available and assigned hours in each year.")
    Team.YearComparison compare(Caller caller, @PathVariable String code, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        long school = schools.visible(code, caller).id();
        var toYear = yearNamed(to, "to");
        var fromYear = from == null || from.isBlank() ? TeamDivisionController.previous(team.years(), toYear) : yearNamed(from, "from");
        if (fromYear == null) {
            throw be.spil.shared.FieldErrorsException.of("from", "team.compare.noEarlier");
        }
        String language = lang != null ? lang : org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        return team.compare(school, fromYear.id(), toYear.id(), "en".equals(language) ? "en" : "nl", caller);
    }

    @GetMapping("/division.pdf")
    @Operation(summary = "The task division of a school year as PDF", description = "Per cluster the tasks with responsible, "
        + "backups, level, funding and hours; then the members' available and assigned hours. Language of the request (lang=en).")
    ResponseEntity<byte[]> divisionPdf(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        var school = schools.visible(code, caller);
        var y = team.year(year);
        var out = new java.io.ByteArrayOutputStream();
        documents.divisionPdf(pages.division(school, y, caller), org.springframework.context.i18n.LocaleContextHolder.getLocale(), out);
        return TeamDivisionController.file(out.toByteArray(), org.springframework.http.MediaType.APPLICATION_PDF,
            TeamDivisionController.fileName(school.code(), y.name(), "takenverdeling", "pdf"), false);
    }

    @GetMapping("/division.csv")
    @Operation(summary = "The task division of a school year as CSV", description = "dialect=excel (default: ; and a UTF-8 BOM, "
        + "decimal comma, for Belgian Excel) or dialect=rfc4180 (, UTF-8 without BOM, decimal point). Column labels in the "
        + "request's language.")
    ResponseEntity<byte[]> divisionCsv(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                       @RequestParam(required = false) String dialect) {
        var school = schools.visible(code, caller);
        var y = team.year(year);
        var d = TeamDivisionController.dialect(dialect);
        var out = new java.io.ByteArrayOutputStream();
        documents.divisionCsv(pages.division(school, y, caller), d, org.springframework.context.i18n.LocaleContextHolder.getLocale(), out);
        return TeamDivisionController.file(out.toByteArray(), new org.springframework.http.MediaType("text", "csv",
            java.nio.charset.StandardCharsets.UTF_8), TeamDivisionController.fileName(school.code(), y.name(), "takenverdeling", "csv"), false);
    }

    @GetMapping("/members/{id}/job-description")
    @Operation(summary = "A member's job description", description = "The text the school saved, or (edited=false, version 0) "
        + "one generated from the member's tasks, the competences of those clusters and the generic competences. Lines starting "
        + "with ## are headings, lines starting with - list items.")
    JobDescriptions.JobDescription job(Caller caller, @PathVariable String code, @PathVariable long id) {
        long school = schools.visible(code, caller).id();
        return jobs.get(school, id, org.springframework.context.i18n.LocaleContextHolder.getLocale(), caller);
    }

    @org.springframework.web.bind.annotation.PutMapping("/members/{id}/job-description")
    @Operation(summary = "Save a member's edited job description", description = "text: 1 to 20,000 characters; version: the one "
        + "read (0 for a generated text). A stale version answers 409.")
    JobDescriptions.JobDescription saveJob(Caller caller, @PathVariable String code, @PathVariable long id,
                                           @Valid @RequestBody JobText body) {
        long school = schools.visible(code, caller).id();
        return jobs.save(school, id, body.text(), body.version(), caller);
    }

    @GetMapping("/members/{id}/job-description.pdf")
    @Operation(summary = "A member's job description as PDF")
    ResponseEntity<byte[]> jobPdf(Caller caller, @PathVariable String code, @PathVariable long id) {
        return pages.jobPdf(caller, code, id);
    }

    /** The change history of a record as this school sees it (catalog tasks are shared; their changes are per school). */
    private List<AuditTrail.Entry> history(String type, long id, long schoolId) {
        return audit.history(type, id).stream().filter(e -> Long.valueOf(schoolId).equals(e.schoolId())).toList();
    }

    @GetMapping("/tasks/{task}/history")
    @Operation(summary = "The task's change history in this school, newest first")
    List<AuditTrail.Entry> taskHistory(Caller caller, @PathVariable String code, @PathVariable String task) {
        long school = schools.visible(code, caller).id();
        return history(Team.TASK_AUDIT_TYPE, team.task(school, task, caller).id(), school);
    }

    @GetMapping("/members/{id}/history")
    @Operation(summary = "The member's change history, newest first")
    List<AuditTrail.Entry> memberHistory(Caller caller, @PathVariable String code, @PathVariable long id) {
        long school = schools.visible(code, caller).id();
        return history(Team.MEMBER_AUDIT_TYPE, team.member(school, id, caller).id(), school);
    }

    @GetMapping("/assignments/{id}/history")
    @Operation(summary = "The assignment's change history, newest first")
    List<AuditTrail.Entry> assignmentHistory(Caller caller, @PathVariable String code, @PathVariable long id) {
        long school = schools.visible(code, caller).id();
        return history(Team.ASSIGNMENT_AUDIT_TYPE, team.assignment(school, id, caller).id(), school);
    }

    @GetMapping("/tasks")
    @Operation(summary = "The school's tasks: the catalog of the guide (as the school renamed it) and its own tasks",
        description = "By cluster. Retired tasks only with retired=true.")
    PageResult<TaskView> tasks(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "false") boolean retired) {
        return page(team.tasks(schools.visible(code, caller).id(), retired, caller));
    }

    @PostMapping("/tasks")
    @Operation(summary = "Add a task of the school's own", description = "code is unique in the school (409 when taken); "
        + "levels: CENTRAL, CORE, OTHER.")
    ResponseEntity<TaskView> createTask(Caller caller, @PathVariable String code, @Valid @RequestBody TaskForm form) {
        var school = schools.visible(code, caller);
        var task = team.createTask(school.id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/team/tasks/" + task.code())).body(task);
    }

    @GetMapping("/tasks/{task}")
    @Operation(summary = "One task, by code")
    TaskView task(Caller caller, @PathVariable String code, @PathVariable String task) {
        return team.task(schools.visible(code, caller).id(), task, caller);
    }

    @PatchMapping("/tasks/{task}")
    @Operation(summary = "Rename, retire or restore a task", description = "A catalog task changes for this school only. "
        + "Retired tasks keep their history and past assignments. A stale version answers 409.")
    TaskView patchTask(Caller caller, @PathVariable String code, @PathVariable String task, @Valid @RequestBody TaskPatch patch) {
        return team.patchTask(schools.visible(code, caller).id(), task, patch.name(), patch.nameEn(), patch.retired(), patch.version(),
            caller);
    }

    @GetMapping("/members")
    @Operation(summary = "The team of a school year", description = "year: a school year's name like 2025-2026; "
        + "default the current one. Hours are per year. Members who left the team only with archived=true.")
    PageResult<MemberView> members(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                   @RequestParam(defaultValue = "false") boolean archived) {
        long school = schools.visible(code, caller).id();
        return page(team.members(school, team.year(year).id(), archived, caller));
    }

    @PostMapping("/members")
    @Operation(summary = "Add a member to a school year's team", description = "Exactly one of person (a person of the school) "
        + "and organisation. Hours per funding source, per year or (unit=WEEK) per week: a year counts 37 school weeks. "
        + "More than 2,000 hours a year is refused.")
    ResponseEntity<MemberView> createMember(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                            @Valid @RequestBody MemberForm form) {
        var school = schools.visible(code, caller);
        var member = team.createMember(school.id(), team.year(year).id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/team/members/" + member.id())).body(member);
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "One team member")
    MemberView member(Caller caller, @PathVariable String code, @PathVariable long id) {
        return team.member(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/members/{id}")
    @Operation(summary = "Change a member's profile, education or hours, or take them out of the team",
        description = "Only the fields present change; archived=true takes the member out of the team (refused while they carry "
            + "tasks), archived=false brings them back. A stale version answers 409.")
    MemberView patchMember(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @RequestBody MemberPatch patch) {
        long school = schools.visible(code, caller).id();
        var m = team.member(school, id, caller);
        var h = m.hoursPerYear();
        boolean weeks = patch.unit() == MemberForm.HoursUnit.WEEK;
        Function<FundingSource, Double> current = s -> weeks ? h.get(s) / Team.SCHOOL_WEEKS : h.get(s);
        var form = new MemberForm(m.personId(), m.organisationId(), patch.profile() == null ? m.profile() : patch.profile(),
            patch.education() == null ? m.education() : patch.education(),
            or(patch.ictHours(), current.apply(FundingSource.ICT_HOURS)), or(patch.bptHours(), current.apply(FundingSource.BPT_HOURS)),
            or(patch.operatingHours(), current.apply(FundingSource.OPERATING_FUNDS)),
            or(patch.pointsHours(), current.apply(FundingSource.POINTS_ENVELOPE)), or(patch.otherHours(), current.apply(FundingSource.OTHER)),
            weeks ? MemberForm.HoursUnit.WEEK : MemberForm.HoursUnit.YEAR, patch.version());
        var changed = patch.profile() != null || patch.education() != null || patch.ictHours() != null || patch.bptHours() != null
            || patch.operatingHours() != null || patch.pointsHours() != null || patch.otherHours() != null;
        var result = changed ? team.updateMember(school, id, form, caller) : m;
        if (patch.archived() != null && patch.archived() != result.archived()) {
            return team.setMemberArchived(school, id, patch.archived(), changed ? result.version() : patch.version(), caller);
        }
        if (!changed) {
            return team.updateMember(school, id, form, caller);
        }
        return result;
    }

    @GetMapping("/assignments")
    @Operation(summary = "The task division of a school year", description = "year: a school year's name; default the current one.")
    PageResult<AssignmentView> assignments(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        long school = schools.visible(code, caller).id();
        return page(team.assignments(school, team.year(year).id(), caller));
    }

    @PostMapping("/assignments")
    @Operation(summary = "Divide a task", description = "task: a task code; responsible and backups: member ids of that year's "
        + "team; hours per year, 0 to 2,000. One assignment per task and year (409 when there is one).")
    ResponseEntity<AssignmentView> createAssignment(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                                    @Valid @RequestBody AssignmentForm form) {
        var school = schools.visible(code, caller);
        var a = team.createAssignment(school.id(), team.year(year).id(), form, caller);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.code() + "/team/assignments/" + a.id())).body(a);
    }

    @GetMapping("/assignments/{id}")
    @Operation(summary = "One assignment")
    AssignmentView assignment(Caller caller, @PathVariable String code, @PathVariable long id) {
        return team.assignment(schools.visible(code, caller).id(), id, caller);
    }

    @PatchMapping("/assignments/{id}")
    @Operation(summary = "Change an assignment's responsible, backups, level, funding or hours",
        description = "Only the fields present change; a stale version answers 409 with who changed it and the newer values.")
    AssignmentView patchAssignment(Caller caller, @PathVariable String code, @PathVariable long id,
                                   @Valid @RequestBody AssignmentPatch patch) {
        long school = schools.visible(code, caller).id();
        var a = team.assignment(school, id, caller);
        var form = new AssignmentForm(a.task(), patch.responsible() == null ? a.responsible() : patch.responsible(),
            patch.backups() == null ? a.backups() : patch.backups(), patch.level() == null ? a.level() : patch.level(),
            patch.funding() == null ? a.funding() : patch.funding(), or(patch.hours(), a.hours()), patch.version());
        return team.updateAssignment(school, id, form, caller);
    }

    @GetMapping("/coverage")
    @Operation(summary = "Where the division of a school year is fragile", description = "Each finding has kind, severity, "
        + "task / member / cluster / funding, numbers and a message key with arguments that says what to do; "
        + "task names in the arguments in the request's language (lang=nl or lang=en to choose).")
    Coverage coverage(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                      @RequestParam(required = false) String lang) {
        long school = schools.visible(code, caller).id();
        var y = team.year(year);
        String language = lang != null ? lang : org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        var findings = team.coverage(school, y.id(), "en".equals(language) ? "en" : "nl", caller);
        return new Coverage(y.name(), findings, findings.stream().collect(Collectors.groupingBy(Finding::severity,
            () -> new java.util.EnumMap<>(Finding.Severity.class), Collectors.counting())));
    }

    private static <T> PageResult<T> page(List<T> list) {
        return new PageResult<>(list, 0, Math.max(list.size(), 1), list.size());
    }

    private static Double or(Double value, Double current) {
        return value == null ? current : value;
    }
}
