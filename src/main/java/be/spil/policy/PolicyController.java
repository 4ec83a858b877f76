package be.spil.policy;

import be.spil.school.SchoolView;
import be.spil.school.SchoolYearView;
import be.spil.school.Schools;
import be.spil.shared.Caller;
import be.spil.shared.FieldErrorsException;
import be.spil.shared.Forms;
import be.spil.shared.Role;
import be.spil.shared.StaleVersionException;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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

/** The plan pages of a school: the plan, the board of actions, the approved versions and their comparison, downloads. */
@Controller
class PolicyController {
    private final Schools schools;
    private final PolicyPlans plans;
    private final PlanDocuments documents;

    PolicyController(Schools schools, PolicyPlans plans, PlanDocuments documents) {
        this.schools = schools;
        this.plans = plans;
        this.documents = documents;
    }

    @ModelAttribute("domainValues")
    GoalDomain[] domainValues() {
        return GoalDomain.values();
    }

    @ModelAttribute("kindValues")
    GoalKind[] kindValues() {
        return GoalKind.values();
    }

    @ModelAttribute("statusValues")
    ActionStatus[] statusValues() {
        return ActionStatus.values();
    }

    /** School, the chosen year and the year list for every plan page; null when the group has no school year. */
    private SchoolYearView common(Caller caller, SchoolView school, String year, Model model) {
        model.addAttribute("school", school);
        model.addAttribute("canManage", caller.canManage(school.id()));
        model.addAttribute("canApprove", caller.centralAdmin() || caller.has(school.id(), Role.DIRECTOR));
        model.addAttribute("years", plans.years());
        try {
            var y = plans.year(year);
            model.addAttribute("year", y);
            return y;
        } catch (FieldErrorsException e) {
            model.addAttribute("noYear", true);
            return null;
        }
    }

    private static String back(SchoolView school, SchoolYearView year, String page) {
        return "redirect:/schools/" + school.code() + "/policy" + page + "?year="
            + UriUtils.encodeQueryParam(year.name(), StandardCharsets.UTF_8);
    }

    @GetMapping("/schools/{code}/policy")
    String plan(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        var y = common(caller, school, year, model);
        if (y == null) {
            return "policy/plan";
        }
        var plan = plans.plan(school.id(), y, caller);
        model.addAttribute("plan", plan);
        model.addAttribute("figures", documents.figures(school, y, caller));
        if (!model.containsAttribute("texts")) {
            model.addAttribute("texts", PlanForms.Texts.of(plan));
        }
        if (!model.containsAttribute("goalForm")) {
            model.addAttribute("goalForm", PlanForms.Goal.empty());
        }
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", PlanForms.Action.empty());
        }
        if (caller.canManage(school.id())) {
            model.addAttribute("owners", plans.possibleOwners(school.id(), caller));
        }
        return "policy/plan";
    }

    @PostMapping("/schools/{code}/policy/texts")
    String saveTexts(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                     @Valid @ModelAttribute("texts") PlanForms.Texts texts, BindingResult result, Model model,
                     RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var y = plans.year(year);
        if (!result.hasErrors()) {
            try {
                plans.saveTexts(school.id(), y, texts, caller);
                redirect.addFlashAttribute("message", "policy.saved");
                return back(school, y, "");
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            } catch (StaleVersionException e) {
                model.addAttribute("conflict", e);
            }
        }
        return plan(caller, code, y.name(), model);
    }

    @PostMapping("/schools/{code}/policy/goals")
    String addGoal(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                   @Valid @ModelAttribute("goalForm") PlanForms.Goal goal, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var y = plans.year(year);
        if (!result.hasErrors()) {
            plans.addGoal(school.id(), y, goal, caller);
            redirect.addFlashAttribute("message", "policy.goal.added");
            return back(school, y, "");
        }
        model.addAttribute("openGoalForm", true);
        return plan(caller, code, y.name(), model);
    }

    @PostMapping("/schools/{code}/policy/goals/{id}/archive")
    String archiveGoal(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) String year,
                       RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var y = plans.year(year);
        plans.archiveGoal(school.id(), y, id, caller);
        redirect.addFlashAttribute("message", "policy.goal.archived");
        return back(school, y, "");
    }

    @PostMapping("/schools/{code}/policy/goals/{id}/actions")
    String addAction(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) String year,
                     @Valid @ModelAttribute("actionForm") PlanForms.Action action, BindingResult result, Model model,
                     RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        caller.requireManage(school.id());
        var y = plans.year(year);
        if (!result.hasErrors()) {
            try {
                plans.addAction(school.id(), y, id, action, caller);
                redirect.addFlashAttribute("message", "policy.action.added");
                return back(school, y, "");
            } catch (FieldErrorsException e) {
                Forms.reject(e, result);
            }
        }
        model.addAttribute("actionGoal", id);
        return plan(caller, code, y.name(), model);
    }

    @PostMapping("/schools/{code}/policy/actions/{id}/status")
    String actionStatus(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) String year,
                        @RequestParam(required = false) ActionStatus status, @RequestParam(defaultValue = "") String from,
                        RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var y = plans.year(year);
        plans.setActionStatus(school.id(), y, id, status, caller);
        redirect.addFlashAttribute("message", "policy.action.moved");
        return back(school, y, "board".equals(from) ? "/board" : "");
    }

    @PostMapping("/schools/{code}/policy/actions/{id}/archive")
    String archiveAction(Caller caller, @PathVariable String code, @PathVariable long id, @RequestParam(required = false) String year,
                         RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var y = plans.year(year);
        plans.archiveAction(school.id(), y, id, caller);
        redirect.addFlashAttribute("message", "policy.action.archived");
        return back(school, y, "");
    }

    @GetMapping("/schools/{code}/policy/board")
    String board(Caller caller, @PathVariable String code, @RequestParam(required = false) String year, Model model) {
        var school = schools.visible(code, caller);
        var y = common(caller, school, year, model);
        if (y != null) {
            var plan = plans.plan(school.id(), y, caller);
            model.addAttribute("plan", plan);
            model.addAttribute("progress", plans.progress(plan, y));
        }
        return "policy/board";
    }

    @GetMapping("/schools/{code}/policy/versions")
    String versions(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                    @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
        var school = schools.visible(code, caller);
        var y = common(caller, school, year, model);
        if (y != null) {
            model.addAttribute("plan", plans.plan(school.id(), y, caller));
            model.addAttribute("approvals", plans.approvals(school.id(), y, caller));
            model.addAttribute("history", plans.history(school.id(), y, caller));
            if (from != null) {
                model.addAttribute("from", from);
                model.addAttribute("to", to);
                model.addAttribute("diff", documents.compare(school, y, from, to, caller));
            }
        }
        return "policy/versions";
    }

    @PostMapping("/schools/{code}/policy/approve")
    String approve(Caller caller, @PathVariable String code, @RequestParam(required = false) String year,
                   @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        var school = schools.visible(code, caller);
        var y = plans.year(year);
        try {
            documents.approve(school, y, version, caller);
            redirect.addFlashAttribute("message", "policy.approved");
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("problem", "policy.approve.stale");
        } catch (FieldErrorsException e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).code());
        }
        return back(school, y, "/versions");
    }

    @GetMapping("/schools/{code}/policy/plan.{format}")
    org.springframework.http.ResponseEntity<byte[]> download(Caller caller, @PathVariable String code, @PathVariable String format,
                                                             @RequestParam(required = false) String year, Locale locale) {
        return documents.download(schools.visible(code, caller), plans.year(year), format, locale, caller).response();
    }
}
