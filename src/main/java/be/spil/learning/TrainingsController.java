package be.spil.learning;

import be.spil.directory.People;
import be.spil.directory.PersonKind;
import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Paging;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Training (nascholing): the trainings of a school year with hours per teacher, one training, and the training plan. */
@Controller
class TrainingsController {
    private final Schools schools;
    private final Trainings trainings;
    private final SelfAssessments assessments;
    private final People people;

    TrainingsController(Schools schools, Trainings trainings, SelfAssessments assessments, People people) {
        this.schools = schools;
        this.trainings = trainings;
        this.assessments = assessments;
        this.people = people;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private void common(Caller caller, SchoolView school, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("english", english());
        model.addAttribute("competenceChoices", trainings.framework().leaves());
    }

    private static String yearParam(SchoolYearView y) {
        return UriUtils.encodeQueryParam(y.name(), StandardCharsets.UTF_8);
    }

    @GetMapping("/schools/{code}/learning/trainings")
    String list(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                @RequestParam(defaultValue = "false") boolean archived, Model model) {
        var school = schools.visible(code, caller);
        common(caller, school, model);
        model.addAttribute("archived", archived);
        try {
            var y = assessments.year(year);
            model.addAttribute("year", y);
            model.addAttribute("years", assessments.years());
            model.addAttribute("trainings", trainings.list(school.id(), y, archived, caller));
            if (caller.canManage(school.id())) {
                model.addAttribute("hours", trainings.hours(school.id(), y, caller));
            }
        } catch (FieldErrorsException e) {
            model.addAttribute("noYear", true);
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", TrainingForm.empty());
        }
        return "learning/trainings";
    }

    @PostMapping("/schools/{code}/learning/trainings")
    String create(Caller caller, @PathVariable String code, @Valid @ModelAttribute("form") TrainingForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                var t = trainings.create(school.id(), form, caller);
                redirect.addFlashAttribute("message", "learning.training.created");
                return "redirect:/schools/" + school.code() + "/learning/trainings/" + t.id();
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("openForm", true);
        return list(caller, code, null, false, model);
    }

    @GetMapping("/schools/{code}/learning/trainings/{id}")
    String show(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var t = trainings.get(school.id(), id, caller);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TrainingForm(t.title(), t.provider(), t.internal(), t.startDate(), t.endDate(), t.hours(),
                t.cost(), t.competences(), t.materials(), t.version()));
        }
        return page(caller, school, t, model);
    }

    private String page(Caller caller, SchoolView school, TrainingView t, Model model) {
        common(caller, school, model);
        model.addAttribute("training", t);
        model.addAttribute("history", trainings.history(school.id(), t.id(), caller));
        if (caller.canManage(school.id())) {
            model.addAttribute("staff", people.search(school.id(), new People.Search(null, PersonKind.STAFF, false, null),
                new Paging(0, Paging.MAX_SIZE), caller).items());
            var status = new LinkedHashMap<Long, String>();
            t.participants().forEach(p -> status.put(p.person(), p.status().name()));
            model.addAttribute("statusOf", status);
        }
        return "learning/training";
    }

    @PostMapping("/schools/{code}/learning/trainings/{id}")
    String update(Caller caller, @PathVariable String code, @PathVariable long id, @Valid @ModelAttribute("form") TrainingForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var t = trainings.get(school.id(), id, caller);
        caller.requireManage(school.id());
        if (!result.hasErrors()) {
            try {
                trainings.update(school.id(), id, form, caller);
                redirect.addFlashAttribute("message", "saved");
                return "redirect:/schools/" + school.code() + "/learning/trainings/" + id;
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                Forms.conflict(e, model);
                t = trainings.get(school.id(), id, caller);
                model.addAttribute("form", new TrainingForm(form.title(), form.provider(), form.internal(), form.startDate(),
                    form.endDate(), form.hours(), form.cost(), form.competences(), form.materials(), t.version()));
            }
        }
        return page(caller, school, t, model);
    }

    /** Participants from the form: a select per staff member named status-{personId} with "", PLANNED or ATTENDED. */
    @PostMapping("/schools/{code}/learning/trainings/{id}/participants")
    String participants(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam Map<String, String> params,
                        @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        trainings.get(school.id(), id, caller);
        caller.requireManage(school.id());
        var map = new LinkedHashMap<Long, TrainingView.Status>();
        try {
            params.forEach((k, v) -> {
                if (k.startsWith("status-") && v != null && !v.isBlank()) {
                    try {
                        map.put(Long.parseLong(k.substring("status-".length())), TrainingView.Status.valueOf(v));
                    } catch (IllegalArgumentException e) {
                        throw FieldErrorsException.of("participants", "learning.training.participant.unknown");
                    }
                }
            });
            trainings.setParticipants(school.id(), id, map, version, caller);
            redirect.addFlashAttribute("message", "saved");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "learning.stale", e.changedBy()));
        }
        return "redirect:/schools/" + school.code() + "/learning/trainings/" + id;
    }

    @PostMapping("/schools/{code}/learning/trainings/{id}/archive")
    String archive(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "true") boolean archived,
                   @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        trainings.get(school.id(), id, caller);
        caller.requireManage(school.id());
        try {
            trainings.setArchived(school.id(), id, archived, version, caller);
            redirect.addFlashAttribute("message", archived ? "learning.training.archived" : "learning.training.restored");
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", new FieldErrorsException.FieldError("version", "learning.stale", e.changedBy()));
        }
        return "redirect:/schools/" + school.code() + "/learning/trainings/" + id;
    }

    @GetMapping("/schools/{code}/learning/training-plan")
    String plan(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        common(caller, school, model);
        try {
            var y = assessments.year(year);
            model.addAttribute("year", y);
            model.addAttribute("years", assessments.years());
            model.addAttribute("plan", trainings.plan(school.id(), y, english(), caller));
            model.addAttribute("yearParam", yearParam(y));
        } catch (FieldErrorsException e) {
            model.addAttribute("noYear", true);
        }
        return "learning/training-plan";
    }
}
