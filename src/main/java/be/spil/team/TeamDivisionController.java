package be.spil.team;

import be.spil.audit.AuditTrail;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Quick division in the matrix (tasks × members, one cell or the whole form at once), copying a school year's division
 * into another, comparing two school years, the division as PDF and CSV, and a member's job description.
 */
@Controller
class TeamDivisionController {
    private final Schools schools;
    private final Team team;
    private final TeamDocuments documents;
    private final JobDescriptions jobs;
    private final AuditTrail audit;

    TeamDivisionController(Schools schools, Team team, TeamDocuments documents, JobDescriptions jobs, AuditTrail audit) {
        this.schools = schools;
        this.team = team;
        this.documents = documents;
        this.jobs = jobs;
        this.audit = audit;
    }

    private static String yearParam(SchoolYearView year) {
        return "?year=" + UriUtils.encodeQueryParam(year.name(), StandardCharsets.UTF_8);
    }

    /** What one matrix row asks: responsible, backups and hours of one task. */
    record RowEdit(String task, Long responsible, List<Long> backups, Double hours, Integer version) {}

    /**
     * Reads the matrix form: {@code cell} values "TASK|memberId|R" (responsible), "|B" (backup) or "|" (nothing),
     * {@code hours_TASK} and {@code version_TASK}. Bad numbers and two responsibles in a row are field errors of that row.
     */
    static Map<String, Object> rows(MultiValueMap<String, String> params) {
        var cells = new LinkedHashMap<String, List<String[]>>();
        for (String cell : params.getOrDefault("cell", List.of())) {
            String[] parts = cell.split("\\|", -1);
            if (parts.length == 3) {
                cells.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
            }
        }
        params.keySet().stream().filter(k -> k.startsWith("hours_")).forEach(k -> cells.putIfAbsent(k.substring(6), new ArrayList<>()));
        var result = new LinkedHashMap<String, Object>();
        for (var e : cells.entrySet()) {
            String task = e.getKey();
            try {
                Long responsible = null;
                var backups = new LinkedHashSet<Long>();
                for (String[] p : e.getValue()) {
                    long member = parseId(p[1]);
                    if ("R".equals(p[2])) {
                        if (responsible != null) {
                            throw FieldErrorsException.of("responsible", "team.matrix.twoResponsibles");
                        }
                        responsible = member;
                    } else if ("B".equals(p[2])) {
                        backups.add(member);
                    } else if (!p[2].isEmpty()) {
                        throw FieldErrorsException.of("responsible", "team.matrix.unknownRole");
                    }
                }
                String h = params.getFirst("hours_" + task);
                Double hours = h == null || h.isBlank() ? null : parseHours(h);
                String v = params.getFirst("version_" + task);
                Integer version = v == null || v.isBlank() ? null : (int) parseId(v);
                result.put(task, new RowEdit(task, responsible, List.copyOf(backups), hours, version));
            } catch (FieldErrorsException ex) {
                result.put(task, ex);
            }
        }
        return result;
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FieldErrorsException.of("responsible", "team.assignment.notMember");
        }
    }

    static Double parseHours(String hours) {
        try {
            double h = Double.parseDouble(hours.trim().replace(',', '.'));
            if (h < 0 || h > Team.MAX_HOURS || Double.isNaN(h)) {
                throw FieldErrorsException.of("hours", "team.hours.absurd", (long) Team.MAX_HOURS);
            }
            return h;
        } catch (NumberFormatException e) {
            throw FieldErrorsException.of("hours", "team.hours.number");
        }
    }

    private static boolean changed(RowEdit edit, AssignmentView a) {
        if (a == null) {
            return edit.responsible() != null || !edit.backups().isEmpty() || (edit.hours() != null && edit.hours() > 0);
        }
        var wanted = new LinkedHashSet<>(edit.backups());
        wanted.remove(edit.responsible());
        return !java.util.Objects.equals(edit.responsible(), a.responsible()) || !wanted.equals(new LinkedHashSet<>(a.backups()))
            || (edit.hours() != null && edit.hours() != a.hours());
    }

    @PostMapping("/schools/{code}/team/division/matrix")
    String matrix(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                  @RequestParam(required = false) Long member, @RequestParam MultiValueMap<String, String> params,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletResponse response) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var y = team.year(year);
        var current = new LinkedHashMap<String, AssignmentView>();
        team.assignments(school.id(), y.id(), caller).forEach(a -> current.put(a.task(), a));
        var problems = new LinkedHashMap<String, FieldErrorsException.FieldError>();
        int saved = 0;
        boolean aboveFullTime = false;
        for (var e : rows(params).entrySet()) {
            try {
                if (e.getValue() instanceof FieldErrorsException ex) {
                    throw ex;
                }
                var edit = (RowEdit) e.getValue();
                if (!changed(edit, current.get(edit.task()))) {
                    continue;
                }
                var a = team.divide(school.id(), y.id(), edit.task(), edit.responsible(), edit.backups(), edit.hours(), edit.version(), caller);
                aboveFullTime |= a.hours() > CoverageAnalysis.FULL_TIME_HOURS;
                saved++;
            } catch (FieldErrorsException ex) {
                problems.put(e.getKey(), ex.errors().get(0));
            } catch (StaleVersionException ex) {
                problems.put(e.getKey(), new FieldErrorsException.FieldError("version", "team.stale", ex.changedBy()));
            }
        }
        String task = params.getFirst("row");
        if (htmx != null && task != null) {
            var t = team.task(school.id(), task, caller);
            var members = team.members(school.id(), y.id(), caller).stream().filter(m -> member == null || m.id() == member).toList();
            var after = team.assignments(school.id(), y.id(), caller).stream().filter(a -> a.task().equals(t.code())).findFirst().orElse(null);
            model.addAttribute("school", school);
            model.addAttribute("year", y);
            model.addAttribute("t", t);
            model.addAttribute("a", after);
            model.addAttribute("members", members);
            model.addAttribute("canManage", true);
            model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
            model.addAttribute("rowProblem", problems.get(t.code()));
            model.addAttribute("rowSaved", problems.isEmpty() && saved > 0);
            model.addAttribute("aboveFullTime", aboveFullTime);
            if (saved > 0) {
                response.setHeader("HX-Trigger", "divisionChanged");
            }
            return "team/division :: matrixRow";
        }
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("message", aboveFullTime ? "team.saved.aboveFullTime" : "saved");
        } else {
            var first = problems.entrySet().iterator().next();
            redirect.addFlashAttribute("matrixProblems", problems);
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError(first.getValue().field(),
                "team.matrix.problems", problems.size(), String.join(", ", problems.keySet())));
        }
        return "redirect:/schools/" + school.code() + "/team/division" + yearParam(y) + (member == null ? "" : "&member=" + member)
            + "#matrix";
    }

    // ---- copy and compare ----

    private SchoolYearView yearNamed(String name, String field) {
        if (name == null || name.isBlank()) {
            throw FieldErrorsException.of(field, "team.required");
        }
        try {
            return team.year(name);
        } catch (FieldErrorsException e) {
            throw FieldErrorsException.of(field, "team.year.unknown", name.trim());
        }
    }

    @PostMapping("/schools/{code}/team/copy")
    String copy(Caller caller, @PathVariable String code, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        String target = "redirect:/schools/" + school.code() + "/team/division";
        try {
            var source = yearNamed(from, "from");
            var destination = yearNamed(to, "to");
            var result = team.copyDivision(school.id(), source.id(), destination.id(), caller);
            redirect.addFlashAttribute("message", "team.copy.done");
            redirect.addFlashAttribute("copyResult", result);
            return target + yearParam(destination);
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
            return target + (to == null || to.isBlank() ? "" : "?year=" + UriUtils.encodeQueryParam(to, StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/schools/{code}/team/compare")
    String compare(Caller caller, @PathVariable String code, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Model model) {
        var school = schools.visible(code, caller);
        var years = team.years();
        model.addAttribute("school", school);
        model.addAttribute("years", years);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        SchoolYearView toYear = null;
        try {
            toYear = to == null || to.isBlank() ? team.year(null) : yearNamed(to, "to");
            model.addAttribute("year", toYear);
            SchoolYearView fromYear = from == null || from.isBlank() ? previous(years, toYear) : yearNamed(from, "from");
            model.addAttribute("fromYear", fromYear);
            if (fromYear != null) {
                model.addAttribute("comparison", team.compare(school.id(), fromYear.id(), toYear.id(),
                    LocaleContextHolder.getLocale().getLanguage(), caller));
            }
        } catch (FieldErrorsException e) {
            model.addAttribute("problem", e.errors().get(0));
            if (toYear == null) {
                model.addAttribute("noYear", years.isEmpty());
            }
        }
        return "team/compare";
    }

    /** The school year that starts before this one, if any. */
    static SchoolYearView previous(List<SchoolYearView> years, SchoolYearView year) {
        return years.stream().filter(y -> y.name().compareTo(year.name()) < 0)
            .max(java.util.Comparator.comparing(SchoolYearView::name)).orElse(null);
    }

    // ---- documents ----

    TeamDocuments.Division division(SchoolView school, SchoolYearView y, Caller caller) {
        var assignments = team.assignments(school.id(), y.id(), caller);
        var divided = assignments.stream().map(AssignmentView::task).collect(java.util.stream.Collectors.toSet());
        var tasks = team.tasks(school.id(), true, caller).stream().filter(t -> !t.retired() || divided.contains(t.code())).toList();
        return new TeamDocuments.Division(school.name(), y.name(), tasks, team.members(school.id(), y.id(), true, caller), assignments);
    }

    static String fileName(String school, String year, String what, String ext) {
        return (what + "-" + school + "-" + year).replaceAll("[^A-Za-z0-9-]", "-") + "." + ext;
    }

    static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name, boolean inline) {
        return ResponseEntity.ok().contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build().toString())
            .body(bytes);
    }

    static TeamDocuments.CsvDialect dialect(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("excel") || value.equals(";")) {
            return TeamDocuments.CsvDialect.EXCEL;
        }
        if (value.equalsIgnoreCase("rfc4180") || value.equals(",")) {
            return TeamDocuments.CsvDialect.RFC4180;
        }
        throw FieldErrorsException.of("dialect", "team.csv.dialect");
    }

    @GetMapping("/schools/{code}/team/division.pdf")
    ResponseEntity<byte[]> divisionPdf(Caller caller, @PathVariable String code, @RequestParam(required = false) String year) {
        var school = schools.visible(code, caller);
        var y = team.year(year);
        var out = new ByteArrayOutputStream();
        documents.divisionPdf(division(school, y, caller), LocaleContextHolder.getLocale(), out);
        return file(out.toByteArray(), MediaType.APPLICATION_PDF, fileName(school.code(), y.name(), "takenverdeling", "pdf"), false);
    }

    @GetMapping("/schools/{code}/team/division.csv")
    ResponseEntity<byte[]> divisionCsv(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                                       @RequestParam(required = false) String dialect) {
        var school = schools.visible(code, caller);
        var y = team.year(year);
        var d = dialect(dialect);
        var out = new ByteArrayOutputStream();
        documents.divisionCsv(division(school, y, caller), d, LocaleContextHolder.getLocale(), out);
        return file(out.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8),
            fileName(school.code(), y.name(), "takenverdeling", "csv"), false);
    }

    // ---- job description ----

    @GetMapping("/schools/{code}/team/members/{id}/job-description")
    String job(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var member = team.member(school.id(), id, caller);
        var job = jobs.get(school.id(), id, LocaleContextHolder.getLocale(), caller);
        model.addAttribute("school", school);
        model.addAttribute("member", member);
        model.addAttribute("year", team.years().stream().filter(y -> y.id() == member.schoolYearId()).findFirst().orElse(null));
        model.addAttribute("canManage", caller.canManage(school.id()));
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", job.text());
        }
        model.addAttribute("job", job);
        model.addAttribute("history", audit.history(JobDescriptions.AUDIT_TYPE, id).stream()
            .filter(e -> Long.valueOf(school.id()).equals(e.schoolId())).toList());
        return "team/job";
    }

    @PostMapping("/schools/{code}/team/members/{id}/job-description")
    String saveJob(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) String text,
                   @RequestParam(required = false) Integer version, @RequestParam(required = false) String regenerate, Model model,
                   RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var member = team.member(school.id(), id, caller);
        String body = regenerate != null ? jobs.generate(school.id(), member, LocaleContextHolder.getLocale(), caller) : text;
        try {
            jobs.save(school.id(), id, body, version, caller);
            redirect.addFlashAttribute("message", regenerate != null ? "team.job.regenerated" : "saved");
            return "redirect:/schools/" + school.code() + "/team/members/" + id + "/job-description";
        } catch (FieldErrorsException e) {
            model.addAttribute("textError", e.errors().get(0));
            model.addAttribute("text", text);
        } catch (StaleVersionException e) {
            be.spil.shared.Forms.conflict(e, model);
            model.addAttribute("text", text);
        }
        return job(caller, code, id, model);
    }

    @GetMapping("/schools/{code}/team/members/{id}/job-description.pdf")
    ResponseEntity<byte[]> jobPdf(Caller caller, @PathVariable String code, @PathVariable long id) {
        var school = schools.visible(code, caller);
        var member = team.member(school.id(), id, caller);
        Locale locale = LocaleContextHolder.getLocale();
        var job = jobs.get(school.id(), id, locale, caller);
        var out = new ByteArrayOutputStream();
        documents.textPdf(member.name(), job.text(), out);
        var year = team.years().stream().filter(y -> y.id() == member.schoolYearId()).findFirst().map(SchoolYearView::name).orElse("");
        return file(out.toByteArray(), MediaType.APPLICATION_PDF, fileName(member.name(), year, "functiebeschrijving", "pdf"), false);
    }
}
