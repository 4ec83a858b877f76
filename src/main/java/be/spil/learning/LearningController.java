package be.spil.learning;

import be.spil.audit.AuditTrail;
import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The learning line pages of a school: the matrix (heat map) with the analysis, the class teacher's view of one grade,
 * the view of one competence across the grades, and an activity's page.
 */
@Controller
class LearningController {
    /** A finding as the page shows it: severity, kind and the message in the page's language. */
    record ShownFinding(LineFinding.Severity severity, LineFinding.Kind kind, String competence, Grade grade, String text) {}

    private final Schools schools;
    private final LearningLines lines;
    private final Frameworks frameworks;
    private final People people;
    private final MessageSource messages;

    LearningController(Schools schools, LearningLines lines, Frameworks frameworks, People people, MessageSource messages) {
        this.schools = schools;
        this.lines = lines;
        this.frameworks = frameworks;
        this.people = people;
        this.messages = messages;
    }

    @ModelAttribute("stepValues")
    Step[] stepValues() {
        return Step.values();
    }

    @ModelAttribute("workFormValues")
    WorkForm[] workFormValues() {
        return WorkForm.values();
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private void common(Caller caller, SchoolView school, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("english", english());
    }

    // ---- the line ----

    @GetMapping("/schools/{code}/learning")
    String line(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        common(caller, school, model);
        var line = lines.line(school.id(), caller);
        model.addAttribute("frameworks", frameworks.list(caller, "PUPIL").stream()
            .filter(f -> f.school() == null || f.school().equals(school.code())).toList());
        if (line.isEmpty()) {
            if (!model.containsAttribute("lineForm")) {
                var suggested = frameworks.shipped("digcomp").orElse(null);
                model.addAttribute("lineForm", new LineForm(suggested, String.join("\n", lines.defaultDomains(school.id())), null));
            }
            model.addAttribute("templates", lines.templates(caller));
            return "learning/start";
        }
        var l = line.get();
        model.addAttribute("line", l);
        if (!model.containsAttribute("lineForm")) {
            model.addAttribute("lineForm", LineForm.of(l));
        }
        var framework = frameworks.byId(l.frameworkId());
        model.addAttribute("framework", framework);
        var analysis = lines.analysis(school.id(), english(), caller);
        model.addAttribute("analysis", analysis);
        model.addAttribute("findings", shown(analysis.findings()));
        var severityCounts = new LinkedHashMap<String, Long>();
        analysis.counts().forEach((k, v) -> severityCounts.put(k.name(), v));
        model.addAttribute("severityCounts", severityCounts);
        model.addAttribute("leaves", framework.leaves());
        model.addAttribute("areas", areaNames(framework));
        model.addAttribute("otherVersions", frameworks.otherVersions(framework.id(), school.id()));
        // the matrix names a step in every cell: resolve the labels once, not once per cell
        Locale locale = LocaleContextHolder.getLocale();
        var stepShort = new java.util.EnumMap<Step, String>(Step.class);
        var stepName = new java.util.EnumMap<Step, String>(Step.class);
        for (var st : Step.values()) {
            stepShort.put(st, messages.getMessage("learning.step.short." + st, null, locale));
            stepName.put(st, messages.getMessage("learning.step." + st, null, locale));
        }
        model.addAttribute("stepShort", stepShort);
        model.addAttribute("stepName", stepName);
        return "learning/line";
    }

    private Map<String, String> areaNames(FrameworkView f) {
        var map = new LinkedHashMap<String, String>();
        f.competences().forEach(c -> map.put(c.code(), english() ? c.nameEn() : c.name()));
        return map;
    }

    /** The findings with their messages resolved, enum arguments (steps, work forms) in the page's language. */
    private List<ShownFinding> shown(List<LineFinding> findings) {
        Locale locale = LocaleContextHolder.getLocale();
        var list = new ArrayList<ShownFinding>();
        for (var f : findings) {
            var args = f.args().stream().map(a -> arg(a, locale)).toArray();
            list.add(new ShownFinding(f.severity(), f.kind(), f.competence(), f.grade(), messages.getMessage(f.message(), args, locale)));
        }
        return list;
    }

    private Object arg(Object a, Locale locale) {
        if (a instanceof Step s) {
            return messages.getMessage("learning.step." + s, null, locale);
        }
        if (a instanceof WorkForm w) {
            return messages.getMessage("learning.workForm." + w, null, locale);
        }
        if (a instanceof List<?> list) {
            return list.stream().map(x -> String.valueOf(arg(x, locale))).collect(Collectors.joining(", "));
        }
        return a;
    }

    @PostMapping("/schools/{code}/learning/setup")
    String setUp(Caller caller, @PathVariable String code, @Valid @ModelAttribute("lineForm") LineForm form, BindingResult result,
                 Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                lines.setUp(school.id(), form.framework(), form.domainList(), form.version(), caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/learning";
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
            }
        }
        return line(caller, code, model);
    }

    @GetMapping("/schools/{code}/learning/line.pdf")
    org.springframework.http.ResponseEntity<byte[]> linePdf(Caller caller, @PathVariable String code,
                                                            @RequestParam(required = false) String grade) {
        var school = schools.visible(code, caller);
        var line = lines.requireLine(school.id(), caller);
        Grade g = grade == null || grade.isBlank() ? null
            : Grade.parse(grade, line.grades()).orElseThrow(() -> new be.spil.shared.NotFoundException("grade", grade));
        return LearningApiController.pdf("leerlijn-" + school.code() + (g == null ? "" : "-" + g.name()),
            lines.exportPdf(school.id(), g, LocaleContextHolder.getLocale(), caller));
    }

    @GetMapping("/schools/{code}/learning/analysis.pdf")
    org.springframework.http.ResponseEntity<byte[]> analysisPdf(Caller caller, @PathVariable String code) {
        var school = schools.visible(code, caller);
        return LearningApiController.pdf("leerlijn-analyse-" + school.code(),
            lines.analysisPdf(school.id(), LocaleContextHolder.getLocale(), caller));
    }

    @GetMapping("/schools/{code}/learning/adopt")
    String adoptPreview(Caller caller, @PathVariable String code, @RequestParam long framework, Model model) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        common(caller, school, model);
        var line = lines.requireLine(school.id(), caller);
        model.addAttribute("line", line);
        try {
            model.addAttribute("adoption", lines.adoptPreview(school.id(), framework, caller));
        } catch (FieldErrorsException e) {
            model.addAttribute("problem", e.errors().get(0));
        }
        return "learning/adopt";
    }

    /** Adopts the version: mapping fields named map-{removed code} hold the new code (empty: keep, flagged). */
    @PostMapping("/schools/{code}/learning/adopt")
    String adopt(Caller caller, @PathVariable String code, @RequestParam long framework, @RequestParam(required = false) Integer version,
                 @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var mapping = new LinkedHashMap<String, String>();
        params.forEach((k, v) -> {
            if (k.startsWith("map-")) {
                mapping.put(k.substring(4), v);
            }
        });
        try {
            lines.adopt(school.id(), framework, mapping, version, caller);
            redirect.addFlashAttribute("message", "learning.adopt.done");
            return "redirect:/schools/" + school.code() + "/learning";
        } catch (FieldErrorsException e) {
            model.addAttribute("adoptErrors", e.errors());
        } catch (StaleVersionException e) {
            model.addAttribute("problem", new FieldErrorsException.FieldError("version", "learning.stale", e.changedBy()));
        }
        return adoptPreview(caller, code, framework, model);
    }

    @PostMapping("/schools/{code}/learning/share")
    String share(Caller caller, @PathVariable String code, @RequestParam boolean shared, @RequestParam(required = false) Integer version,
                 RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            lines.setShared(school.id(), shared, version, caller);
            redirect.addFlashAttribute("message", shared ? "learning.template.shared" : "learning.template.unshared");
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "learning.stale", e.changedBy()));
        }
        return "redirect:/schools/" + school.code() + "/learning";
    }

    @PostMapping("/schools/{code}/learning/from-template")
    String fromTemplate(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "") String template,
                        RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        try {
            lines.startFrom(school.id(), template, caller);
            redirect.addFlashAttribute("message", "learning.template.started");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        }
        return "redirect:/schools/" + school.code() + "/learning";
    }

    // ---- per grade and per competence ----

    @GetMapping("/schools/{code}/learning/grades/{grade}")
    String grade(Caller caller, @PathVariable String code, @PathVariable String grade, Model model) {
        var school = schools.visible(code, caller);
        var line = lines.requireLine(school.id(), caller);
        var g = Grade.parse(grade, line.grades()).orElseThrow(() -> new be.spil.shared.NotFoundException("grade", grade));
        common(caller, school, model);
        model.addAttribute("line", line);
        model.addAttribute("grade", g);
        var framework = frameworks.byId(line.frameworkId());
        model.addAttribute("leaves", framework.leaves());
        model.addAttribute("areas", areaNames(framework));
        var activities = lines.activities(school.id(), g, null, caller);
        model.addAttribute("byCompetence", activities.stream().collect(Collectors.groupingBy(ActivityView::competence,
            LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("count", activities.size());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ActivityForm.empty(g, null));
        }
        addChoices(caller, school, line, model);
        return "learning/grade";
    }

    @GetMapping("/schools/{code}/learning/competences/{competence}")
    String competence(Caller caller, @PathVariable String code, @PathVariable String competence, Model model) {
        var school = schools.visible(code, caller);
        var line = lines.requireLine(school.id(), caller);
        var framework = frameworks.byId(line.frameworkId());
        var c = framework.leaves().stream().filter(x -> x.code().equals(competence)).findFirst()
            .orElseThrow(() -> new be.spil.shared.NotFoundException("competence", competence));
        common(caller, school, model);
        model.addAttribute("line", line);
        model.addAttribute("competence", c);
        model.addAttribute("areas", areaNames(framework));
        var activities = lines.activities(school.id(), null, c.code(), caller);
        var byGrade = new LinkedHashMap<Grade, List<ActivityView>>();
        line.grades().forEach(g -> byGrade.put(g, new ArrayList<>()));
        activities.forEach(a -> byGrade.computeIfAbsent(a.grade(), k -> new ArrayList<>()).add(a));
        model.addAttribute("byGrade", byGrade);
        var findings = lines.analysis(school.id(), english(), caller).findings().stream()
            .filter(f -> c.code().equals(f.competence())).toList();
        model.addAttribute("findings", shown(findings));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ActivityForm.empty(line.grades().get(0), c.code()));
        }
        addChoices(caller, school, line, model);
        return "learning/competence";
    }

    private void addChoices(Caller caller, SchoolView school, LineView line, Model model) {
        model.addAttribute("grades", line.grades());
        model.addAttribute("domains", line.domains());
        if (caller.canManage(school.id())) {
            model.addAttribute("teachers", people.search(school.id(), new People.Search(null, PersonKind.STAFF, false, null),
                new Paging(0, Paging.MAX_SIZE), caller).items());
        }
    }

    // ---- activities ----

    /** Where to go back to after adding: the grade view or the competence view the form was on. */
    private static String back(SchoolView school, ActivityForm form, String from) {
        String base = "/schools/" + school.code() + "/learning/";
        if ("competence".equals(from) && form.competence() != null) {
            return base + "competences/" + UriUtils.encodePathSegment(form.competence(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return base + "grades/" + (form.grade() == null ? "" : form.grade().name());
    }

    /**
     * Plans an activity. From the grade view with htmx, the answer is the grade view's body (the list with the new activity
     * and an empty form, or the form with its errors) instead of a redirect; without JavaScript it is POST-redirect-GET.
     */
    @PostMapping("/schools/{code}/learning/activities")
    String create(Caller caller, @PathVariable String code, @RequestParam(defaultValue = "grade") String from,
                  @Valid @ModelAttribute("form") ActivityForm form, BindingResult result, Model model, RedirectAttributes redirect,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var line = lines.requireLine(school.id(), caller);
        boolean fragment = htmx != null && "grade".equals(from) && form.grade() != null && line.grades().contains(form.grade());
        if (!result.hasErrors()) {
            try {
                lines.createActivity(school.id(), form, caller);
                if (fragment) {
                    model.addAttribute("htmxMessage", "learning.activity.created");
                    model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
                    model.addAttribute("form", ActivityForm.empty(form.grade(), null));
                    grade(caller, code, form.grade().name(), model);
                    return "learning/grade :: gradeBody";
                }
                redirect.addFlashAttribute("message", "learning.activity.created");
                return "redirect:" + back(school, form, from);
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openForm", true);
        if (fragment) {
            grade(caller, code, form.grade().name(), model);
            return "learning/grade :: gradeBody";
        }
        if ("competence".equals(from) && form.competence() != null
            && frameworks.byId(line.frameworkId()).leaves().stream().anyMatch(c -> c.code().equals(form.competence()))) {
            return competence(caller, code, form.competence(), model);
        }
        return grade(caller, code, form.grade() == null ? line.grades().get(0).name() : form.grade().name(), model);
    }

    @GetMapping("/schools/{code}/learning/activities/{id}")
    String activity(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var a = lines.activity(school.id(), id, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ActivityForm(a.competence(), a.grade(), a.domain(), a.description(), a.tool(), a.step(),
                a.workForm(), a.teacher(), a.version()));
        }
        return activityPage(caller, school, a, model);
    }

    private String activityPage(Caller caller, SchoolView school, ActivityView a, Model model) {
        common(caller, school, model);
        var line = lines.requireLine(school.id(), caller);
        var framework = frameworks.byId(line.frameworkId());
        model.addAttribute("line", line);
        model.addAttribute("activity", a);
        model.addAttribute("leaves", framework.leaves());
        model.addAttribute("areas", areaNames(framework));
        model.addAttribute("history", lines.activityHistory(school.id(), a.id(), caller));
        addChoices(caller, school, line, model);
        return "learning/activity";
    }

    @PostMapping("/schools/{code}/learning/activities/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") ActivityForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var a = lines.activity(school.id(), id, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                lines.updateActivity(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/learning/activities/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                a = lines.activity(school.id(), id, caller);
                model.addAttribute("form", new ActivityForm(form.competence(), form.grade(), form.domain(), form.description(),
                    form.tool(), form.step(), form.workForm(), form.teacher(), a.version()));
            }
        }
        return activityPage(caller, school, a, model);
    }

    @PostMapping("/schools/{code}/learning/activities/{id}/archive")
    String archive(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        lines.activity(school.id(), id, caller);
        caller.requireManage(school.id());
        try {
            lines.setArchived(school.id(), id, archived, version, caller);
            redirect.addFlashAttribute("message", archived ? "learning.activity.archived" : "learning.activity.restored");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "learning.stale", e.changedBy()));
        }
        return "redirect:/schools/" + school.code() + "/learning/activities/" + id;
    }
}
