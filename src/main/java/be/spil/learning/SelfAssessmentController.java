package be.spil.learning;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** A teacher's own DigCompEdu self-assessment, and the team's aggregates for the coordinator and the director. */
@Controller
class SelfAssessmentController {
    private final Schools schools;
    private final SelfAssessments assessments;
    private final Frameworks frameworks;

    SelfAssessmentController(Schools schools, SelfAssessments assessments, Frameworks frameworks) {
        this.schools = schools;
        this.assessments = assessments;
        this.frameworks = frameworks;
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    @GetMapping("/schools/{code}/learning/self-assessment")
    String mine(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("english", english());
        try {
            var y = assessments.year(year);
            var mine = assessments.mine(school.id(), y, caller);
            model.addAttribute("year", y);
            model.addAttribute("mine", mine);
            model.addAttribute("framework", frameworks.byId(mine.framework()));
        } catch (FieldErrorsException e) {
            model.addAttribute("noYear", true);
        }
        return "learning/self-assessment";
    }

    @PostMapping("/schools/{code}/learning/self-assessment")
    String save(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var y = assessments.year(year);
        var answers = new LinkedHashMap<String, SelfAssessments.Answer>();
        params.forEach((k, v) -> {
            if (k.startsWith("level-") && v != null && !v.isBlank()) {
                String c = k.substring("level-".length());
                answers.put(c, new SelfAssessments.Answer(v, params.get("goal-" + c)));
            }
        });
        try {
            assessments.save(school.id(), y, answers, caller);
            redirect.addFlashAttribute("message", "saved");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0));
        }
        return "redirect:/schools/" + school.code() + "/learning/self-assessment?year="
            + UriUtils.encodeQueryParam(y.name(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/schools/{code}/learning/team-competence")
    String team(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        model.addAttribute("school", school);
        model.addAttribute("canManage", true);
        try {
            var y = assessments.year(year);
            model.addAttribute("year", y);
            model.addAttribute("team", assessments.team(school.id(), y, english(), caller));
        } catch (FieldErrorsException e) {
            model.addAttribute("noYear", true);
        }
        return "learning/team-competence";
    }
}
