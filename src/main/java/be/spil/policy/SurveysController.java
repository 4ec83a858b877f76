package be.spil.policy;

import be.spil.school.SchoolView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.StaleVersionException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Needs surveys: the list, one survey with its questions, the answer form and the results. */
@Controller
class SurveysController {
    private final Schools schools;
    private final Surveys surveys;
    private final PolicyPlans plans;

    SurveysController(Schools schools, Surveys surveys, PolicyPlans plans) {
        this.schools = schools;
        this.surveys = surveys;
        this.plans = plans;
    }

    @GetMapping("/schools/{code}/policy/surveys")
    String list(Caller caller, @PathVariable String code, Model model) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("surveys", surveys.list(school.id(), caller));
        return "policy/surveys";
    }

    @PostMapping("/schools/{code}/policy/surveys")
    String create(Caller caller, @PathVariable String code, @RequestParam(required = false) String title,
                  @RequestParam(required = false) UsageRules.Audience audience, @RequestParam(defaultValue = "false") boolean template,
                  Locale locale, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            var survey = surveys.create(school.id(), title, audience, template, locale, caller);
            redirect.addFlashAttribute("message", "policy.survey.created");
            return "redirect:/schools/" + school.code() + "/policy/surveys/" + survey.id();
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
            return "redirect:/schools/" + school.code() + "/policy/surveys";
        }
    }

    @GetMapping("/schools/{code}/policy/surveys/{id}")
    String survey(Caller caller, @PathVariable String code, @PathVariable long id, Model model) {
        var school = schools.visible(code, caller);
        var survey = surveys.get(school.id(), id, caller);
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("survey", survey);
        model.addAttribute("answered", surveys.hasAnswered(id, caller));
        model.addAttribute("results", surveys.results(school.id(), id, caller));
        model.addAttribute("minResponses", Surveys.MIN_RESPONSES);
        model.addAttribute("kinds", Surveys.Kind.values());
        if (caller.canManage(school.id())) {
            try {
                model.addAttribute("goals", plans.plan(school.id(), plans.year(null), caller).goals());
            } catch (FieldErrorsException e) {
                model.addAttribute("goals", java.util.List.of());
            }
        }
        return "policy/survey";
    }

    private static String back(SchoolView school, long id) {
        return "redirect:/schools/" + school.code() + "/policy/surveys/" + id;
    }

    @PostMapping("/schools/{code}/policy/surveys/{id}/questions")
    String addQuestion(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) Surveys.Kind kind,
                       @RequestParam(required = false) String question, @RequestParam(required = false) String choices,
                       RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            surveys.addQuestion(school.id(), id, kind, null, question, choices, caller);
            redirect.addFlashAttribute("message", "policy.survey.questionAdded");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
        }
        return back(school, id);
    }

    @PostMapping("/schools/{code}/policy/surveys/{id}/status")
    String status(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) Surveys.Status status,
                  @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        try {
            surveys.setStatus(school.id(), id, status, version, caller);
            redirect.addFlashAttribute("message", "policy.survey.statusChanged");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", "policy.survey.stale");
        }
        return back(school, id);
    }

    @PostMapping("/schools/{code}/policy/surveys/{id}/goal")
    String goal(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) Long goal,
                RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        surveys.linkGoal(school.id(), id, goal, caller);
        redirect.addFlashAttribute("message", "policy.survey.goalLinked");
        return back(school, id);
    }

    @PostMapping("/schools/{code}/policy/surveys/{id}/answers")
    String answer(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam Map<String, String> form,
                  RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        Map<Long, String> answers = new HashMap<>();
        form.forEach((key, value) -> {
            if (key.matches("q\\d{1,18}")) {
                answers.put(Long.parseLong(key.substring(1)), value);
            }
        });
        try {
            surveys.answer(school.id(), id, answers, caller);
            redirect.addFlashAttribute("message", "policy.survey.thanks");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
            redirect.addFlashAttribute("problemField", e.errors().get(0).field());
            redirect.addFlashAttribute("given", form);
        }
        return back(school, id);
    }
}
